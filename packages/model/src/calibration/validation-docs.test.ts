// docs/validation.md and its figure are regenerated from the committed calibration with its
// seed and sizes: this proves the report is stable and the committed docs are current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATED_VALUES, CALIBRATION_META } from './calibrated-parameters.js';
import { externalValidation } from './external-validation.js';
import { renderTargetsSvg, renderValidationMarkdown } from './validation-docs.js';
import { validationReport } from './validation-report.js';

const docs = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');

describe('docs/validation.md', () => {
  it('matches the committed calibration (run `pnpm calibrate` to refit and regenerate)', () => {
    const report = validationReport(CALIBRATED_VALUES, CALIBRATION_META);
    const external = externalValidation(
      CALIBRATED_VALUES,
      CALIBRATION_META.registryPatients,
      CALIBRATION_META.seed + 7,
    );
    expect(docs('validation.md')).toBe(renderValidationMarkdown(report, CALIBRATION_META, external));
    expect(docs('validation-targets.svg')).toBe(renderTargetsSvg(report));
  });
});
