import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { runSerial } from '../engine/blocks.js';
import { parseScenario, type SarcomaScenario, type Scenario } from '../scenario/scenario.js';
import { runnerFor } from '../scenario/scenario-runner.js';
import { drawOutcome } from './draw-outcome.js';
import { mergePsaParts, runPsaPart, shardRange, summarisePsa } from './psa.js';
import type { PsaPart } from './psa-part.js';

const evaluate = async (scenario: Scenario, draw: number) => {
  const acc = runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
    seed: scenario.seed,
    draw,
    individuals: scenario.patients,
  });
  return drawOutcome(scenario, acc);
};

const scenario = parseScenario({
  patients: 150,
  seed: 99,
  strategies: ['chest-only', 'contrast-ct-rp-lms'],
  economics: { psa: { draws: 7 }, wtpGrid: { points: 5 } },
}) as SarcomaScenario;

describe('PSA parts and merge', () => {
  it('shards split the draws evenly and exactly', () => {
    expect([0, 1, 2].map((i) => shardRange(7, i, 3))).toEqual([
      { first: 0, count: 2 },
      { first: 2, count: 2 },
      { first: 4, count: 3 },
    ]);
    expect(() => shardRange(7, 3, 3)).toThrow(/shard index: got 3, must be a whole number from 0 to 2/);
    expect(() => shardRange(7, 0, 8)).toThrow(/shard count: got 8/);
  });

  it('merged shards give exactly the single-machine result', async () => {
    const whole = await runPsaPart(scenario, { first: 0, count: 7 }, evaluate, COMMITTED_CALIBRATION);
    const parts = await Promise.all(
      [0, 1, 2].map((i) => runPsaPart(scenario, shardRange(7, i, 3), evaluate, COMMITTED_CALIBRATION)),
    );
    const single = JSON.stringify(summarisePsa(whole, COMMITTED_CALIBRATION));
    const merged = JSON.stringify(
      summarisePsa(mergePsaParts([parts[2], parts[0], parts[1]] as PsaPart[]), COMMITTED_CALIBRATION),
    );
    expect(merged).toBe(single);
    // Draws differ from one another (parameters and individuals both vary by draw).
    expect(new Set(whole.draws.map((d) => d.costs[0])).size).toBe(7);
    const result = summarisePsa(whole, COMMITTED_CALIBRATION);
    expect(result.summary.acceptability).toHaveLength(5);
    expect(result.summary.strategies.map((s) => s.id)).toEqual(['chest-only', 'contrast-ct-rp-lms']);
    // Each draw keeps its inner noise; the raw EVPI is the acceptability's, corrected and bounded below it.
    expect(whole.draws[0]?.innerCovariance).toHaveLength(10);
    const e = result.summary.evpiAtThreshold;
    expect(e.raw).toBeCloseTo(result.summary.atThreshold.evpiPerPatient, 6);
    expect(e.corrected).toBeLessThanOrEqual(Math.max(0, e.raw));
    expect(e.lowerBound).toBeLessThanOrEqual(e.corrected + 1e-9);
    expect(result.summary.evpiNoise).toHaveLength(5);
    // The EVPI warning appears exactly when the raw value does not exceed its noise floor.
    expect(e.belowNoiseFloor).toBe(e.raw <= e.noiseFloor);
    expect(result.summary.warnings.some((w) => w.startsWith('raw EVPI'))).toBe(e.belowNoiseFloor);
  });

  it('refuses missing, overlapping and mismatched parts, naming the problem', async () => {
    const a = await runPsaPart(scenario, { first: 0, count: 3 }, evaluate, COMMITTED_CALIBRATION);
    const b = await runPsaPart(scenario, { first: 5, count: 2 }, evaluate, COMMITTED_CALIBRATION);
    expect(() => mergePsaParts([a, b])).toThrow('merge: draws 3–4 are missing (the PSA has 7 draws)');
    expect(() => mergePsaParts([a, a])).toThrow('merge: parts overlap at draw 0');
    const other = await runPsaPart({ ...scenario, seed: 100 }, { first: 3, count: 2 }, evaluate, COMMITTED_CALIBRATION);
    expect(() => mergePsaParts([a, other, b])).toThrow(/part 2 is for scenario .* cannot be merged/);
    expect(() => mergePsaParts([a, { ...b, version: '0.0.1' }])).toThrow(
      /part 2 was made by sarcsim 0.0.1, but this is sarcsim/,
    );
    expect(() => mergePsaParts([a, { ...b, scenario: { ...b.scenario, patients: 10 } }])).toThrow(
      /does not match its recorded hash/,
    );
    expect(() => summarisePsa(a, COMMITTED_CALIBRATION)).toThrow(/covers 3 of 7 draws/);
  });

  it("the scenario's own overrides are held fixed, not sampled", async () => {
    const fixed = { ...scenario, parameters: { 'cost.resection': 12_345 } };
    const part = await runPsaPart(fixed, { first: 0, count: 2 }, evaluate, COMMITTED_CALIBRATION);
    expect(part.parameterIds).not.toContain('cost.resection');
    expect(part.parameterIds).toContain('cost.ablation');
  });
});
