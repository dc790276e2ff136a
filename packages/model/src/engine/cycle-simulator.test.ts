// Verification of discrete-time (cycle) models against the closed-form cohort expectation.
// Every tolerance is 4 Monte Carlo standard errors, as in verification.test.ts.
import { describe, expect, it } from 'vitest';
import { runSerial } from './blocks.js';
import { expectedValue, markovTrace } from './cohort-trace.test-util.js';
import type { CycleModelDefinition, CycleSimulationDefinition, ValueTiming } from './cycle-model.js';
import { VALUE_TIMINGS } from './cycle-model.js';
import { createCycleRunner } from './cycle-simulator.js';
import { type SimulationResults, type StrategyResult, summarize } from './results.js';
import { binomialSe, expectWithin } from './statistics.test-util.js';

type S = 'well' | 'ill' | 'worse' | 'dead';
const STATES: S[] = ['well', 'ill', 'worse', 'dead'];
const N = 20_000;
const P = [
  [0.8, 0.12, 0, 0.08],
  [0.3, 0.5, 0.15, 0.05],
  [0, 0, 0.75, 0.25],
  [0, 0, 0, 1],
];
const COST = [1_000, 5_000, 20_000, 0];
const UTILITY = [0.9, 0.6, 0.3, 0];

function fourState(timing: ValueTiming, cycles = 20): CycleModelDefinition<S, { frail: boolean }> {
  return {
    name: 'four-state',
    states: STATES,
    terminalStates: ['dead'],
    initialState: 'well',
    cycleYears: 1,
    cycles,
    transitions: {
      well: { ill: 0.12, dead: 0.08 },
      ill: { well: 0.3, worse: 0.15, dead: 0.05 },
      worse: { dead: 0.25 },
    },
    valueTiming: timing,
    values: {
      costs: { annualDiscountRate: 0.04, perCycleInState: { well: 1_000, ill: 5_000, worse: 20_000 } },
      qalys: { annualDiscountRate: 0.015, perCycleInState: { well: 0.9, ill: 0.6, worse: 0.3 } },
      lifeYears: { annualDiscountRate: 0, perCycleInState: { well: 1, ill: 1, worse: 1 } },
    },
    counters: { illCycles: { ill: 1 } },
  };
}

function run(simulation: CycleSimulationDefinition<S, { frail: boolean }>, individuals = N, blockSize?: number) {
  return summarize(
    runSerial(createCycleRunner(simulation), { seed: 7, individuals, ...(blockSize ? { blockSize } : {}) }),
  );
}

function strategy(results: SimulationResults, i = 0): StrategyResult {
  const s = results.strategies[i];
  if (s === undefined) throw new Error('strategy missing');
  return s;
}

describe('a cycle model against its Markov trace', () => {
  for (const timing of VALUE_TIMINGS) {
    it(`gives the cohort expectation of every value, counted '${timing}'`, () => {
      const result = strategy(run({ kind: 'cycle', model: fourState(timing), strategies: [{ id: 'a', label: 'a' }] }));
      const trace = markovTrace([1, 0, 0, 0], () => P, 20);
      const check = (channel: string, value: number[], rate: number) => {
        const r = result.rewards[channel];
        if (r === undefined) throw new Error(`${channel} missing`);
        expectWithin(r.discounted.mean, expectedValue(trace, value, timing, rate), r.discounted.mcse);
        expectWithin(r.undiscounted.mean, expectedValue(trace, value, timing, 0), r.undiscounted.mcse);
      };
      check('costs', COST, 0.04);
      check('qalys', UTILITY, 0.015);
      check('lifeYears', [1, 1, 1, 0], 0);
      // Cycles begun ill: the sum of the trace's ill occupancy at the 20 cycle starts.
      const illCycles = trace.slice(0, 20).reduce((s, pi) => s + (pi[1] as number), 0);
      const counted = result.counters.illCycles?.perIndividual ?? Number.NaN;
      expect(Math.abs(counted - illCycles)).toBeLessThan(0.05 * illCycles);
    });
  }

  it.each(VALUE_TIMINGS)('matches the closed form to rounding when every history is the same, counted %s', (timing) => {
    // well → ill → worse → dead with certainty: no Monte Carlo error, so each convention's
    // weights (including half-cycle against within-cycle) are checked exactly.
    const model = fourState(timing, 6);
    const simulation: CycleSimulationDefinition<S, { frail: boolean }> = {
      kind: 'cycle',
      model: { ...model, transitions: { well: { ill: 1 }, ill: { worse: 1 }, worse: { dead: 1 } } },
      strategies: [{ id: 'a', label: 'a' }],
    };
    const certain = [
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
    ];
    const trace = markovTrace([1, 0, 0, 0], () => certain, 6);
    const costs = strategy(run(simulation, 3)).rewards.costs;
    expect(costs?.discounted.mcse).toBe(0);
    const exact = expectedValue(trace, COST, timing, 0.04);
    expect(Math.abs((costs?.discounted.mean ?? Number.NaN) - exact)).toBeLessThan(1e-9 * exact);
    expect(costs?.undiscounted.mean).toBeCloseTo(expectedValue(trace, COST, timing, 0), 9);
  });

  it('gives survival (not dead at the end of each cycle) on the cycle grid', () => {
    const survival = strategy(
      run({ kind: 'cycle', model: fourState('half-cycle'), strategies: [{ id: 'a', label: 'a' }] }),
    ).curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    const trace = markovTrace([1, 0, 0, 0], () => P, 20);
    expect(survival.timesYears).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    for (const k of [0, 4, 9, 19]) {
      const alive = 1 - ((trace[k + 1] as number[])[3] as number);
      expectWithin(survival.eventFree[k] as number, alive, binomialSe(alive, N));
    }
  });

  it('follows per-individual attributes and cycle-dependent probabilities (a mixture of two traces)', () => {
    const model = fourState('cycle-end', 15);
    const deathFromWell = (frail: boolean, cycle: number) => Math.min(1, 0.02 * (frail ? 3 : 1) * (1 + 0.1 * cycle));
    const simulation: CycleSimulationDefinition<S, { frail: boolean }> = {
      kind: 'cycle',
      model: {
        ...model,
        attributes: (u) => ({ frail: u() < 0.3 }),
        transitions: {
          ...model.transitions,
          well: { ill: 0.12, dead: (p) => deathFromWell(p.attributes.frail, p.cycle) },
        },
      },
      strategies: [{ id: 'a', label: 'a' }],
    };
    const result = strategy(run(simulation));
    const traceFor = (frail: boolean) =>
      markovTrace(
        [1, 0, 0, 0],
        (k) => {
          const d = deathFromWell(frail, k);
          return [[1 - 0.12 - d, 0.12, 0, d], ...P.slice(1)];
        },
        15,
      );
    const exact =
      0.3 * expectedValue(traceFor(true), COST, 'cycle-end', 0.04) +
      0.7 * expectedValue(traceFor(false), COST, 'cycle-end', 0.04);
    const costs = result.rewards.costs?.discounted;
    if (costs === undefined) throw new Error('costs missing');
    // The frail share is itself random (binomial), which the MCSE of the mean already includes.
    expectWithin(costs.mean, exact, costs.mcse);
  });

  it('counts whole cycles in the current state (a tunnel: ill for exactly three cycles)', () => {
    const model = fourState('cycle-start', 10);
    const simulation: CycleSimulationDefinition<S, { frail: boolean }> = {
      kind: 'cycle',
      model: {
        ...model,
        transitions: { well: { ill: 1 }, ill: { well: (p) => (p.cyclesInState >= 2 ? 1 : 0) } },
      },
      strategies: [{ id: 'a', label: 'a' }],
    };
    // well at cycle 0, ill 1–3, well 4, ill 5–7, well 8, ill 9: 7 cycles begun ill.
    expect(strategy(run(simulation, 5)).counters.illCycles?.perIndividual).toBe(7);
  });

  it('runs the final cycle in full: 30 cycles of one year make a 30-year horizon', () => {
    const model = fourState('cycle-end', 30);
    const results = run(
      { kind: 'cycle', model: { ...model, transitions: {} }, strategies: [{ id: 'a', label: 'a' }] },
      10,
    );
    expect(results.horizonYears).toBe(30);
    expect(strategy(results).rewards.lifeYears?.undiscounted.mean).toBe(30);
    expect(strategy(results).curves.survival?.timesYears.at(-1)).toBe(30);
  });
});

describe('strategies of a cycle model', () => {
  const model = fourState('half-cycle');
  const simulation: CycleSimulationDefinition<S, { frail: boolean }> = {
    kind: 'cycle',
    model,
    strategies: [
      { id: 'usual', label: 'Usual care' },
      { id: 'cheaper', label: 'Cheaper care', values: { costs: { ill: 2_000 } } },
      { id: 'better', label: 'Better care', transitions: { ill: { worse: 0.05 } } },
    ],
  };
  const results = run(simulation, 5_000);

  it('share random numbers: a strategy that changes only values has the very same histories', () => {
    const [usual, cheaper] = [strategy(results, 0), strategy(results, 1)];
    expect(cheaper.curves).toEqual(usual.curves);
    expect(cheaper.rewards.qalys).toEqual(usual.rewards.qalys);
    expect(cheaper.counters).toEqual(usual.counters);
    expect(cheaper.rewards.costs?.discounted.mean).toBeLessThan(usual.rewards.costs?.discounted.mean ?? 0);
  });

  it('apply their own transition probabilities', () => {
    const better = strategy(results, 2).rewards.lifeYears?.undiscounted.mean ?? 0;
    expect(better).toBeGreaterThan(strategy(results, 0).rewards.lifeYears?.undiscounted.mean ?? Infinity);
  });

  it('give bitwise-identical results for any blocking', () => {
    expect(JSON.stringify(run(simulation, 5_000, 333))).toBe(JSON.stringify(results));
  });
});

describe('a cycle model refuses bad input, naming the field, the value and what is allowed', () => {
  const base = fourState('cycle-start');
  const simulate = (model: CycleModelDefinition<S, { frail: boolean }>) =>
    createCycleRunner({ kind: 'cycle', model, strategies: [{ id: 'a', label: 'a' }] });
  it.each([
    [{ ...base, cycles: 2.5 }, 'cycles must be a whole number ≥ 1, got 2.5'],
    [{ ...base, cycleYears: 0 }, 'cycleYears must be a finite number > 0, got 0'],
    [
      { ...base, valueTiming: 'midpoint' as ValueTiming },
      "valueTiming must be one of cycle-start, cycle-end, half-cycle, within-cycle, got 'midpoint'",
    ],
    [{ ...base, transitions: { well: { ill: 1.2 } } }, 'transitions.well.ill must be a probability in [0, 1], got 1.2'],
    [{ ...base, transitions: { well: { ill: 0.7, dead: 0.4 } } }, "probabilities out of 'well' add up to 1.1"],
    [{ ...base, transitions: { well: { gone: 0.1 } as never } }, "transitions.well names unknown state 'gone'"],
    [{ ...base, transitions: { dead: { well: 0.1 } } }, "transitions.dead: terminal state 'dead' cannot be left"],
    [{ ...base, initialState: 'dead' as S }, "initialState 'dead' is terminal; allowed: well, ill, worse"],
    [
      { ...base, values: { costs: { annualDiscountRate: 0, perCycleInState: { dead: 5 } } } },
      'values.costs.dead is 5, but terminal states count no values',
    ],
    [
      { ...base, values: { costs: { annualDiscountRate: 1.5, perCycleInState: {} } } },
      'values.costs.annualDiscountRate must be in [0, 1), got 1.5',
    ],
  ])('%#', (model, message) => {
    expect(() => simulate(model)).toThrow(message);
  });

  it('refuses stream coordinates outside [0, 2^32)', () => {
    expect(() => simulate(base).run({ seed: 2 ** 32, draw: 0, firstIndex: 0, count: 1 })).toThrow(
      'random stream: seed must be an integer in [0, 2^32), got 4294967296',
    );
    expect(() => simulate(base).run({ seed: 1, draw: 0, firstIndex: 2 ** 32 - 1, count: 2 })).toThrow(
      'random stream: individual index must be an integer in [0, 2^32), got 4294967296',
    );
  });

  it('a probability function that leaves [0, 1] is named with the individual and cycle', () => {
    const model = { ...base, transitions: { well: { ill: (p: { cycle: number }) => (p.cycle < 3 ? 0 : 2) } } };
    expect(() => runSerial(simulate(model), { seed: 1, individuals: 1 })).toThrow(
      'transitions.well.ill (individual 0, cycle 3) must be a probability in [0, 1], got 2',
    );
  });
});
