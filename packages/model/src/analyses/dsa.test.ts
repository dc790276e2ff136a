import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import type { StrategyEconomics } from '../economics/strategy-economics.js';
import { ParameterValues } from '../evidence/registry.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { runDsa } from './dsa.js';

// A stand-in model with a known answer: incremental NMB of 'contrast-ct-rp-lms' over 'chest-only'
// at WTP 100,000 is 5,000·r2 − 10,000·r1, where r = parameter / its base value.
const base = new ParameterValues(COMMITTED_CALIBRATION);
const CALIBRATED = 'nh.livermet.volumeDoublingDays';
const P1 = 'cost.resection';
const P2 = 'utility.noEvidentDisease';
const P3 = 'cost.ablation'; // moves nothing
const fakeModel = async (overrides: Record<string, number>): Promise<StrategyEconomics[]> => {
  const r = (id: string) => (overrides[id] ?? base.get(id)) / base.get(id);
  return [
    { id: 'chest-only', label: 'S', cost: 0, qalys: 1, lifeYears: 1 },
    { id: 'contrast-ct-rp-lms', label: 'C', cost: 10_000 * r(P1), qalys: 1 + 0.05 * r(P2), lifeYears: 1 },
  ];
};
const scenario = parseScenario({ strategies: ['chest-only', 'contrast-ct-rp-lms'] }) as SarcomaScenario;

describe('deterministic sensitivity analysis', () => {
  it('orders the tornado by swing and finds the threshold where the preferred strategy changes', async () => {
    const ranges = {
      [P1]: { low: 0.25 * base.get(P1), high: 2 * base.get(P1) },
      [P2]: { low: 0.5 * base.get(P2), high: 1 },
    };
    const result = await runDsa(
      scenario,
      { parameters: [P3, P2, P1], ranges, thresholdSteps: 20 },
      fakeModel,
      COMMITTED_CALIBRATION,
    );
    expect(result.base).toEqual({ outcome: 5_000 - 10_000, preferred: 'chest-only' });
    expect(result.tornado.map((r) => r.id)).toEqual([P1, P2, P3]);
    const [t1, t2, t3] = result.tornado;
    expect(t1?.swing).toBeCloseTo(10_000 * 1.75, 6);
    expect(t2?.swing).toBeCloseTo(5_000 * (1 / base.get(P2) - 0.5), 6);
    expect(t3?.swing).toBe(0);
    // NMB difference is 0 at r1 = 0.5: contrast-ct-rp-lms preferred below, chest-only above.
    expect(t1?.threshold?.value).toBeCloseTo(0.5 * base.get(P1), 1);
    expect(t1?.threshold).toMatchObject({ below: 'contrast-ct-rp-lms', above: 'chest-only' });
    expect(t2?.threshold).toBeNull(); // at most 5,000·(1/u) − 10,000 < 0 for u ≥ 0.5
    expect(t3?.threshold).toBeNull();
  });

  it('default ranges are the 95% intervals; a two-way grid covers both ranges', async () => {
    const result = await runDsa(
      scenario,
      { parameters: [P1], twoWay: [P1, P2], gridPoints: 3, outcome: 'icer' },
      fakeModel,
      COMMITTED_CALIBRATION,
    );
    const row = result.tornado[0];
    expect(row?.low).toBeLessThan(base.get(P1));
    expect(row?.high).toBeGreaterThan(base.get(P1));
    expect(result.twoWay?.x.values).toHaveLength(3);
    expect(result.twoWay?.outcome[0]?.[0]).toBeCloseTo(
      (10_000 * ((result.twoWay?.x.values[0] as number) / base.get(P1))) /
        (0.05 * ((result.twoWay?.y.values[0] as number) / base.get(P2))),
      6,
    );
  });

  it('sweeps a calibrated parameter over its posterior 95% interval and passes every calibrated value to each run', async () => {
    const seen: Record<string, number>[] = [];
    const recording = async (overrides: Record<string, number>) => {
      seen.push(overrides);
      return fakeModel(overrides);
    };
    const result = await runDsa(
      scenario,
      { parameters: [CALIBRATED], thresholdSteps: 0 },
      recording,
      COMMITTED_CALIBRATION,
    );
    const k = COMMITTED_CALIBRATION.draws?.parameterIds.indexOf(CALIBRATED) ?? -1;
    const sorted = (COMMITTED_CALIBRATION.draws?.rows ?? []).map((row) => row[k] as number).sort((a, b) => a - b);
    expect(result.tornado[0]).toMatchObject({
      base: COMMITTED_CALIBRATION.values[CALIBRATED],
      low: sorted[Math.round(0.025 * (sorted.length - 1))],
      high: sorted[Math.round(0.975 * (sorted.length - 1))],
    });
    expect(result.calibration.name).toBe(COMMITTED_CALIBRATION.name);
    for (const overrides of seen) {
      for (const id of Object.keys(COMMITTED_CALIBRATION.values)) expect(overrides[id]).toBeDefined();
    }
  });

  it('names bad settings clearly', async () => {
    await expect(runDsa(scenario, { strategy: 'nope' }, fakeModel, COMMITTED_CALIBRATION)).rejects.toThrow(
      /dsa.strategy: got 'nope', must be one of/,
    );
    await expect(
      runDsa(scenario, { parameters: ['not.a.parameter'] }, fakeModel, COMMITTED_CALIBRATION),
    ).rejects.toThrow(/'not.a.parameter' is not a parameter id/);
    await expect(
      runDsa(scenario, { parameters: ['cohort.mix.extremity.adipocytic'] }, fakeModel, COMMITTED_CALIBRATION),
    ).rejects.toThrow(/has no range/);
    await expect(runDsa(scenario, { gridPoints: 50 }, fakeModel, COMMITTED_CALIBRATION)).rejects.toThrow(
      /gridPoints: got 50, must be ≤ 21/,
    );
  });
});
