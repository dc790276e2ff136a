// The Sick-Sicker example against its Markov trace: the microsimulation's means lie within
// 4 Monte Carlo standard errors of the cohort expectation, for both strategies.
import { describe, expect, it } from 'vitest';
import { runSerial } from '../engine/blocks.js';
import { expectedValue, markovTrace } from '../engine/cohort-trace.test-util.js';
import { createCycleRunner } from '../engine/cycle-simulator.js';
import { summarize } from '../engine/results.js';
import { expectWithin } from '../engine/statistics.test-util.js';
import { SICK_SICKER_DEFAULTS, sickSickerExample } from './sick-sicker.js';

describe('the Sick-Sicker example', () => {
  const p = SICK_SICKER_DEFAULTS.probabilities;
  const dead = (ratio: number) => 1 - (1 - p.healthyDead) ** ratio;
  const [dS, dSS] = [dead(3), dead(10)];
  const P = [
    [1 - p.healthySick - p.healthyDead, p.healthySick, 0, p.healthyDead],
    [p.sickHealthy, 1 - p.sickHealthy - p.sickSicker - dS, p.sickSicker, dS],
    [0, 0, 1 - dSS, dSS],
    [0, 0, 0, 1],
  ];
  const trace = markovTrace([1, 0, 0, 0], () => P, 30);
  const results = summarize(runSerial(createCycleRunner(sickSickerExample()), { seed: 3, individuals: 20_000 }));

  it('matches the cohort expectation of costs and QALYs under both strategies', () => {
    const [none, treated] = results.strategies;
    if (none === undefined || treated === undefined) throw new Error('strategies missing');
    const check = (estimate: { mean: number; mcse: number } | undefined, values: number[]) => {
      if (estimate === undefined) throw new Error('estimate missing');
      expectWithin(estimate.mean, expectedValue(trace, values, 'half-cycle', 0.03), estimate.mcse);
    };
    check(none.rewards.costs?.discounted, [2_000, 4_000, 15_000, 0]);
    check(none.rewards.qalys?.discounted, [1, 0.75, 0.5, 0]);
    check(treated.rewards.costs?.discounted, [2_000, 16_000, 27_000, 0]);
    check(treated.rewards.qalys?.discounted, [1, 0.95, 0.5, 0]);
    expect(none.counters.treatedCycles?.total).toBe(0);
    expect(treated.counters.treatedCycles?.perIndividual).toBeGreaterThan(0);
  });

  it('runs 30 cycles over a 30-year horizon', () => {
    expect(results.horizonYears).toBe(30);
    expect(results.strategies[0]?.curves.survival?.timesYears.length).toBe(30);
  });
});
