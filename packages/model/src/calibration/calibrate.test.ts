// Quick mode: calibration runs end to end on small cohorts and improves on the priors.
import { describe, expect, it } from 'vitest';
import { CALIBRATED_PARAMETERS, runCalibration } from './calibrate.js';
import { runExperiments } from './experiments.js';

describe('calibration (quick mode)', () => {
  it('improves the objective from the priors and keeps every value in bounds', async () => {
    const result = await runCalibration({
      seed: 11,
      registryPatients: 1_500,
      cohortPatients: 400,
      maxEvaluations: 30,
      restarts: 0,
    });
    expect(result.objective).toBeLessThan(result.startObjective);
    for (const record of CALIBRATED_PARAMETERS) {
      const value = result.values[record.id] as number;
      expect(value >= record.bounds.min && value <= record.bounds.max, record.id).toBe(true);
    }
  });

  it('observes the registry replica consistently: presentation ≤ first metastasis ≤ last follow-up', () => {
    const { registry } = runExperiments({}, { seed: 3, registryPatients: 4_000, cohortPatients: 10 });
    const total = (name: string) => registry.counters[name]?.total ?? Number.NaN;
    expect(total('registry.patients.all')).toBe(4_000);
    for (const group of ['all', 'site.retroperitoneal', 'histology.smoothMuscle']) {
      expect(total(`registry.presentation.${group}`)).toBeLessThanOrEqual(total(`registry.firstMetastasis.${group}`));
      expect(total(`registry.firstMetastasis.${group}`)).toBeLessThanOrEqual(total(`registry.lastFollowUp.${group}`));
    }
    // Censored follow-up: nobody is observed beyond the 11-year accrual window.
    const survival = registry.curves.survival;
    const observedAfter11 = survival?.atRisk[Math.round(11 * 12)] ?? 0;
    expect(observedAfter11).toBe(0);
  });
});
