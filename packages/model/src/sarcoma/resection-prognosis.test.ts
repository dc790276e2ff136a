import { describe, expect, it } from 'vitest';
import type { ResectionPrognosis } from './model-inputs.js';
import { resectionRecurrenceHazardRatio } from './resection-prognosis.js';

const prognosis: ResectionPrognosis = {
  hazardRatioPerExtraLesion: 1.1,
  largeLesionMm: 50,
  hazardRatioLargeLesion: 1.2,
  shortDfiYears: 1,
  hazardRatioShortDfi: 1.45,
};
const solitarySmall = { lesions: 1, largestMm: 20, bilobar: false };

describe('recurrence after R0 liver resection by burden and disease-free interval', () => {
  it('a solitary small lesion after a long disease-free interval is the reference', () => {
    expect(resectionRecurrenceHazardRatio(prognosis, solitarySmall, 3)).toBe(1);
  });

  it('each effect multiplies: lesions beyond the first, a large lesion, a short interval', () => {
    expect(resectionRecurrenceHazardRatio(prognosis, { ...solitarySmall, lesions: 3 }, 3)).toBeCloseTo(1.21, 12);
    expect(resectionRecurrenceHazardRatio(prognosis, { ...solitarySmall, largestMm: 51 }, 3)).toBeCloseTo(1.2, 12);
    expect(resectionRecurrenceHazardRatio(prognosis, { ...solitarySmall, largestMm: 50 }, 3)).toBe(1);
    expect(resectionRecurrenceHazardRatio(prognosis, solitarySmall, 0.99)).toBeCloseTo(1.45, 12);
    expect(resectionRecurrenceHazardRatio(prognosis, { lesions: 2, largestMm: 80, bilobar: true }, 0.5)).toBeCloseTo(
      1.1 * 1.2 * 1.45,
      12,
    );
  });
});
