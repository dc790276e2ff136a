import { describe, expect, it } from 'vitest';
import { isSynchronous } from './synchronous-rule.js';

describe('synchronous liver disease', () => {
  const window = 0.5; // 6 months (001 rec. 2.1)

  it('window rule: found within the window of diagnosis, whatever the biology', () => {
    expect(isSynchronous('window', window, { yearsSinceDiagnosis: 0.5, visibleAtDiagnosis: false })).toBe(true);
    expect(isSynchronous('window', window, { yearsSinceDiagnosis: 0.51, visibleAtDiagnosis: true })).toBe(false);
    expect(isSynchronous('window', 0, { yearsSinceDiagnosis: 0.01, visibleAtDiagnosis: true })).toBe(false);
  });

  it('staging rule: visible at diagnosis, whenever it is found (the schedule cannot relabel it)', () => {
    for (const years of [0, 0.3, 0.6, 3, 10]) {
      expect(isSynchronous('staging', window, { yearsSinceDiagnosis: years, visibleAtDiagnosis: true })).toBe(true);
      expect(isSynchronous('staging', window, { yearsSinceDiagnosis: years, visibleAtDiagnosis: false })).toBe(false);
    }
  });
});
