import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import type { StrategyEconomics } from '../economics/strategy-economics.js';
import { runSerial } from '../engine/blocks.js';
import { ParameterValues } from '../evidence/registry.js';
import { QUANTITY_CHANNELS } from '../sarcoma/names.js';
import { VALUATION_PARAMETER_IDS } from '../sarcoma/valuation.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { runnerFor } from '../scenario/scenario-runner.js';
import { drawOutcome } from './draw-outcome.js';
import { type EvaluateOverrides, runDsa } from './dsa.js';

// A stand-in model with a known answer: incremental NMB of 'contrast-ct-rp-lms' over 'chest-only'
// at WTP 100,000 is 5,000·r2 − 10,000·r1, where r = parameter / its base value.
const base = new ParameterValues(COMMITTED_CALIBRATION);
const CALIBRATED = 'nh.livermet.volumeDoublingDays';
const P1 = 'cost.resection';
const P2 = 'utility.noEvidentDisease';
const P3 = 'cost.ablation'; // moves nothing
// It gives no quantities, so every parameter is simulated again.
const fakeModel = async (overrides: Record<string, number>): Promise<{ strategies: StrategyEconomics[] }> => {
  const r = (id: string) => (overrides[id] ?? base.get(id)) / base.get(id);
  return {
    strategies: [
      { id: 'chest-only', label: 'S', cost: 0, qalys: 1, lifeYears: 1 },
      { id: 'contrast-ct-rp-lms', label: 'C', cost: 10_000 * r(P1), qalys: 1 + 0.05 * r(P2), lifeYears: 1 },
    ],
  };
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

  describe('valuation after simulation', () => {
    // The real model on a small cohort: re-priced rows must equal re-simulated ones.
    const small = parseScenario({
      patients: 1_500,
      strategies: ['chest-only', 'contrast-ct-rp-lms'],
      discountRates: { costs: 0.03, effects: 0.015 },
    }) as SarcomaScenario;
    const simulated = (withQuantities: boolean, calls: { n: number }): EvaluateOverrides => {
      return async (overrides) => {
        calls.n++;
        const s = { ...small, parameters: overrides };
        const acc = runSerial(runnerFor(s, COMMITTED_CALIBRATION), {
          seed: s.seed,
          individuals: s.patients,
          blockSize: s.blockSize,
        });
        const outcome = drawOutcome(s, acc);
        return withQuantities ? outcome : { strategies: outcome.strategies };
      };
    };
    const PRICES = [
      'cost.resection',
      'imaging.contrastCt.cost',
      'utility.noEvidentDisease',
      'utility.metastaticProgressive',
      'imaging.falsePositive.qalyLoss',
    ];
    const SIMULATED = 'tx.resection.r0Probability';

    it('a parameter that only prices is re-priced on the base run, equal to re-simulating it', async () => {
      const settings = { parameters: [...PRICES, SIMULATED], thresholdSteps: 0 };
      const repricedCalls = { n: 0 };
      const resimulatedCalls = { n: 0 };
      const repriced = await runDsa(small, settings, simulated(true, repricedCalls), COMMITTED_CALIBRATION);
      const resimulated = await runDsa(small, settings, simulated(false, resimulatedCalls), COMMITTED_CALIBRATION);
      expect(repricedCalls.n).toBe(1 + 2);
      expect(resimulatedCalls.n).toBe(1 + 2 * (PRICES.length + 1));
      expect(repriced.simulations).toBe(repricedCalls.n);
      expect(resimulated.simulations).toBe(resimulatedCalls.n);
      expect(repriced.base).toEqual(resimulated.base);
      const close = (a: number, b: number) =>
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(b)));
      for (const row of resimulated.tornado) {
        const other = repriced.tornado.find((r) => r.id === row.id);
        expect(other?.repriced).toBe(row.id !== SIMULATED);
        expect(row.repriced).toBe(false);
        expect(Math.abs(row.outcomeLow - row.outcomeHigh)).toBeGreaterThan(0);
        close(other?.outcomeLow as number, row.outcomeLow);
        close(other?.outcomeHigh as number, row.outcomeHigh);
        expect([other?.preferredLow, other?.preferredHigh]).toEqual([row.preferredLow, row.preferredHigh]);
        expect(other?.threshold === null).toBe(row.threshold === null);
      }
    });

    it('finds a price threshold exactly: the preferred strategy changes within a few ulps of it', async () => {
      // Contrast CT scans more: free, it is preferred; at ten times its price, chest CT alone is.
      const id = 'imaging.contrastCt.cost';
      const evaluate = simulated(true, { n: 0 });
      const result = await runDsa(
        small,
        { parameters: [id], ranges: { [id]: { low: 0, high: 5_000 } } },
        evaluate,
        COMMITTED_CALIBRATION,
      );
      const threshold = result.tornado[0]?.threshold;
      expect(result.tornado[0]?.preferredLow).not.toBe(result.tornado[0]?.preferredHigh);
      expect(result.simulations).toBe(1);
      const value = threshold?.value as number;
      expect(value).toBeGreaterThan(0);
      // Eight re-simulated bisection steps would leave it within 5,000 / 256; this is within 1e-12.
      const around = await runDsa(
        small,
        { parameters: [id], ranges: { [id]: { low: value * (1 - 1e-12), high: value * (1 + 1e-12) } } },
        evaluate,
        COMMITTED_CALIBRATION,
      );
      const row = around.tornado[0];
      expect(row?.preferredLow).toBe(threshold?.below);
      expect(row?.preferredHigh).toBe(threshold?.above);
    });

    it('on the default settings runs two fewer simulations for every swept parameter that only prices', async () => {
      // A stand-in whose preferred strategy never changes (no threshold runs) and whose quantities are all zero.
      const stand = (withQuantities: boolean, calls: { n: number }): EvaluateOverrides => {
        return async () => {
          calls.n++;
          const strategies = [
            { id: 'chest-only', label: 'S', cost: 0, qalys: 1, lifeYears: 1 },
            { id: 'contrast-ct-rp-lms', label: 'C', cost: 1_000, qalys: 1, lifeYears: 1 },
          ];
          const means = Object.fromEntries(QUANTITY_CHANNELS.map((q) => [q, 0]));
          return withQuantities
            ? { strategies, quantities: strategies.map((s) => ({ id: s.id, means })) }
            : { strategies };
        };
      };
      const before = { n: 0 };
      const after = { n: 0 };
      const old = await runDsa(scenario, {}, stand(false, before), COMMITTED_CALIBRATION);
      const now = await runDsa(scenario, {}, stand(true, after), COMMITTED_CALIBRATION);
      const pricing = now.tornado.filter((r) => r.repriced).map((r) => r.id);
      expect(new Set(pricing)).toEqual(
        new Set(old.tornado.map((r) => r.id).filter((id) => VALUATION_PARAMETER_IDS.has(id))),
      );
      expect(before.n - after.n).toBe(2 * pricing.length);
      // Every parameter that only prices has a range by default, so each saves its two runs
      // (on the registry of this commit: 18 of 104 swept parameters, 36 of 209 runs).
      expect(pricing.length).toBe(VALUATION_PARAMETER_IDS.size);
      expect(now.simulations).toBe(after.n);
    });
  });
});
