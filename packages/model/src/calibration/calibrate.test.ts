// Quick mode (`pnpm calibrate --quick`'s settings): the whole posterior pipeline runs end to
// end on tiny cohorts, gives a well-formed posterior and is deterministic for a seed.
import { describe, expect, it } from 'vitest';
import { CALIBRATED_PARAMETERS } from './calibrate.js';
import { calibrationSetOf } from './committed-calibration.js';
import { runExperiments } from './experiments.js';
import { QUICK_POSTERIOR_SETTINGS, runPosterior } from './posterior.js';
import { posteriorProblems, posteriorRecord } from './posterior-record.js';
import { TARGETS } from './targets.js';

describe('calibration posterior (quick mode)', () => {
  const run = { version: 'test', date: '2026-12-01', seconds: 0, workers: 1 };

  it('produces a well-formed posterior with ESS > 0, deterministically for a seed', async () => {
    const [a, b] = await Promise.all([runPosterior(QUICK_POSTERIOR_SETTINGS), runPosterior(QUICK_POSTERIOR_SETTINGS)]);
    expect(a).toEqual(b);
    const record = posteriorRecord(a, run);
    expect(posteriorProblems(record)).toEqual([]);
    expect(record.draws).toHaveLength(QUICK_POSTERIOR_SETTINGS.draws);
    expect(record.parameterIds).toEqual(CALIBRATED_PARAMETERS.map((r) => r.id));
    const d = record.diagnostics;
    expect(d.effectiveSampleSize).toBeGreaterThan(0);
    expect(d.effectiveSampleSize).toBeLessThanOrEqual(a.points);
    expect(d.distinctDraws).toBeGreaterThanOrEqual(1);
    expect(d.targets.map((t) => t.id)).toEqual(TARGETS.map((t) => t.id));
    for (const t of d.targets) {
      if (Number.isFinite(t.predictiveLow)) expect(t.predictiveLow).toBeLessThanOrEqual(t.predictiveHigh);
    }
    for (const s of d.parameters) expect(s.low <= s.median && s.median <= s.high, s.id).toBe(true);
    // The optimisation stage's evaluations count too: more evaluations than weighted points.
    expect(a.evaluations).toBeGreaterThan(a.points);
    // The calibration set built from it: its point values are the mean of its draws.
    const set = calibrationSetOf(record);
    const k = 0;
    const id = record.parameterIds[k] as string;
    const mean = (set.draws?.rows ?? []).reduce((s, row) => s + (row[k] as number), 0) / record.draws.length;
    expect(set.values[id]).toBeCloseTo(mean, 12);
  });

  it('another seed gives another sample', async () => {
    const other = await runPosterior({ ...QUICK_POSTERIOR_SETTINGS, seed: QUICK_POSTERIOR_SETTINGS.seed + 1 });
    const base = await runPosterior(QUICK_POSTERIOR_SETTINGS);
    expect(other.draws).not.toEqual(base.draws);
  });

  it('refuses impossible settings, naming the field', async () => {
    await expect(runPosterior({ ...QUICK_POSTERIOR_SETTINGS, draws: 0 })).rejects.toThrow(
      /calibration: draws must be an integer ≥ 1, got 0/,
    );
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
