import { describe, expect, it } from 'vitest';
import {
  classify,
  decideTreatment,
  type Findings,
  type PatientFactors,
  type TreatmentRules,
} from './treatment-rules.js';

// The consensus thresholds (001): oligometastatic ≤ 5 lesions in ≤ 2 sites, re-resection after a
// treatment-free interval > 15 months; ablation ≤ 3 lesions ≤ 30 mm. Whether disease is
// synchronous is decided by the scenario's rule (synchronous-rule.test.ts) and passed in.
const rules: TreatmentRules = {
  oligometastaticMaxLesions: 5,
  oligometastaticMaxSites: 2,
  resectableMaxDiameterMm: 150,
  ablationMaxLesions: 3,
  ablationMaxDiameterMm: 30,
  reresectionMinTfiYears: 1.25,
};
const metachronousSolitary: Findings = {
  lesions: 1,
  largestMm: 20,
  bilobar: false,
  extrahepatic: false,
  limitedLung: false,
  synchronous: false,
  yearsSinceLocalTreatment: Number.NaN,
};
const fit: PatientFactors = { fitForSurgery: true, complexIfBilobar: false, systemicFirstPolicy: true };
const decide = (f: Partial<Findings>, p: Partial<PatientFactors> = {}) =>
  decideTreatment({ ...metachronousSolitary, ...f }, { ...fit, ...p }, rules);

describe('treatment pathway rules (001)', () => {
  it('metachronous, oligometastatic, resectable and fit → resection', () => {
    expect(decide({})).toBe('resection');
    expect(decide({ lesions: 5, bilobar: true }, { complexIfBilobar: false })).toBe('resection');
  });

  it('synchronous oligometastatic disease → systemic therapy first, when the team follows that policy', () => {
    expect(decide({ synchronous: true })).toBe('systemicThenReassess');
    expect(decide({ synchronous: true }, { systemicFirstPolicy: false })).toBe('resection');
    expect(decide({ synchronous: true, lesions: 6 })).toBe('systemic'); // not oligometastatic
    expect(decide({ synchronous: true, extrahepatic: true })).toBe('systemic'); // not liver-confined
  });

  it('oligometastatic means ≤ 5 lesions in ≤ 2 sites', () => {
    const base = { ...metachronousSolitary };
    expect(classify({ ...base, lesions: 5 }, fit, rules).oligometastatic).toBe(true);
    expect(classify({ ...base, lesions: 6 }, fit, rules).oligometastatic).toBe(false);
    expect(classify({ ...base, extrahepatic: true }, fit, rules).oligometastatic).toBe(true); // liver + one more site
    expect(decide({ lesions: 6 })).toBe('systemic');
  });

  it('extrahepatic disease allows resection only when it is limited lung disease', () => {
    expect(decide({ extrahepatic: true, limitedLung: true })).toBe('resection');
    expect(decide({ extrahepatic: true, limitedLung: false })).toBe('systemic');
  });

  it('not resectable: lesion too large, or bilobar disease needing a complex hepatectomy', () => {
    expect(decide({ largestMm: 151 })).toBe('systemic');
    expect(decide({ bilobar: true }, { complexIfBilobar: true })).toBe('ablation'); // 1 lesion of 20 mm: ablatable
    expect(decide({ bilobar: true, lesions: 4 }, { complexIfBilobar: true })).toBe('systemic');
  });

  it('not a surgical candidate but few small lesions → ablation; otherwise systemic', () => {
    expect(decide({ lesions: 3, largestMm: 30 }, { fitForSurgery: false })).toBe('ablation');
    expect(decide({ lesions: 4, largestMm: 30 }, { fitForSurgery: false })).toBe('systemic');
    expect(decide({ lesions: 2, largestMm: 31 }, { fitForSurgery: false })).toBe('systemic');
  });

  it('re-resection only after a treatment-free interval longer than 12–18 months (15)', () => {
    expect(decide({ yearsSinceLocalTreatment: 2 })).toBe('resection');
    expect(decide({ yearsSinceLocalTreatment: 1, largestMm: 40 })).toBe('systemic');
    expect(decide({ yearsSinceLocalTreatment: 1, largestMm: 20 })).toBe('ablation');
  });

  it('a recurrence is never synchronous, however early', () => {
    expect(
      classify({ ...metachronousSolitary, synchronous: true, yearsSinceLocalTreatment: 0.2 }, fit, rules).synchronous,
    ).toBe(false);
  });
});
