// Reproducibility and common random numbers.
import { describe, expect, it } from 'vitest';
import { illnessDeathExample } from '../examples/illness-death.js';
import type { TraceRecord } from './accumulators.js';
import { runSerial } from './blocks.js';
import type { SimulationContext, SimulationDefinition } from './model.js';
import { summarize } from './results.js';
import { createRunner } from './simulator.js';

const example = illnessDeathExample();
type State = (typeof example.model.states)[number];
type Person = ReturnType<typeof example.model.attributes>;

function run(simulation: SimulationDefinition<State, Person>, seed: number, blockSize: number, individuals = 3_000) {
  return runSerial(createRunner(simulation), { seed, individuals, blockSize, traceIndividuals: 300 });
}

function statesOf(traces: readonly TraceRecord[], strategyId: string): string[] {
  return traces
    .filter((t) => t.strategyId === strategyId && t.kind !== 'event')
    .map((t) => `${t.index}@${t.time}:${t.detail}`);
}

describe('reproducibility', () => {
  it('the same seed gives bitwise-identical results', () => {
    const a = JSON.stringify(summarize(run(example, 11, 500)));
    const b = JSON.stringify(summarize(run(example, 11, 500)));
    expect(a).toBe(b);
  });

  it('any blocking of the same individuals gives bitwise-identical results', () => {
    const reference = JSON.stringify(summarize(run(example, 11, 3_000)));
    for (const blockSize of [1, 7, 250, 1_024]) {
      expect(JSON.stringify(summarize(run(example, 11, blockSize)))).toBe(reference);
    }
  });

  it('drawing attributes once and copying them per strategy changes nothing', () => {
    const copying = { ...example, model: { ...example.model, copyAttributes: (p: Person) => ({ ...p }) } };
    expect(JSON.stringify(summarize(run(copying, 11, 250)))).toBe(JSON.stringify(summarize(run(example, 11, 250))));
  });

  it('running into a reused accumulator gives the same block as a fresh one, traces included', () => {
    const runner = createRunner(example);
    const fresh = runner.run({ seed: 4, draw: 0, firstIndex: 100, count: 60, traceIndividuals: 130 });
    const reused = runner.run({ seed: 9, draw: 1, firstIndex: 0, count: 80, traceIndividuals: 80 });
    expect(runner.run({ seed: 4, draw: 0, firstIndex: 100, count: 60, traceIndividuals: 130 }, reused)).toBe(reused);
    expect(reused.firstIndex).toBe(100);
    expect(reused.counts).toEqual(fresh.counts);
    expect(reused.sums.toArray()).toEqual(fresh.sums.toArray());
    expect(reused.traces).toEqual(fresh.traces);
    expect(JSON.stringify(summarize(reused))).toBe(JSON.stringify(summarize(fresh)));
    const other = createRunner(example).run({ seed: 4, draw: 0, firstIndex: 0, count: 1 });
    expect(() => runner.run({ seed: 4, draw: 0, firstIndex: 0, count: 1 }, other)).toThrow('belongs to another runner');
  });

  it('a different seed gives different results', () => {
    const a = summarize(run(example, 11, 500)).strategies[0]?.rewards.lifeYears?.discounted.mean;
    const b = summarize(run(example, 12, 500)).strategies[0]?.rewards.lifeYears?.discounted.mean;
    expect(a).not.toBe(b);
  });

  it('blocks must be merged in index order, so a missing block cannot pass unnoticed', () => {
    const runner = createRunner(example);
    const first = runner.run({ seed: 1, draw: 0, firstIndex: 0, count: 10 });
    const third = runner.run({ seed: 1, draw: 0, firstIndex: 20, count: 10 });
    expect(() => first.merge(third)).toThrow('expected a block starting at 10, got 20');
  });
});

describe('common random numbers', () => {
  const noop = (ctx: SimulationContext<State, Person>) => ctx.count('screens');
  const withSham: SimulationDefinition<State, Person> = {
    model: example.model,
    strategies: [
      { id: 'none', label: 'No visits' },
      { id: 'sham', label: 'Visits that change nothing', onEntry: (ctx) => ctx.schedulePeriodic(0.25, 0.25, 40, noop) },
    ],
  };

  it('a strategy whose scheduled events do nothing leaves every natural history identical', () => {
    const acc = run(withSham, 5, 1_000);
    expect(statesOf(acc.traces, 'sham')).toEqual(statesOf(acc.traces, 'none'));
    const [none, sham] = summarize(acc).strategies;
    expect(sham?.rewards.lifeYears).toEqual(none?.rewards.lifeYears);
    expect(sham?.counters.screens?.total).toBeGreaterThan(0);
  });

  it('an intervention changes a history only from the time it acts', () => {
    const acc = run(example, 5, 1_000);
    const treatedAt = new Map<number, number>();
    const screened = acc.traces.filter((t) => t.strategyId === 'annual-screening');
    // The first screen that finds an ill person is the first event after entering 'ill'.
    const illSince = new Map<number, number>();
    for (const t of screened) {
      if (t.kind === 'state' && t.detail === 'ill') illSince.set(t.index, t.time);
      if (t.kind === 'event' && illSince.has(t.index) && !treatedAt.has(t.index)) treatedAt.set(t.index, t.time);
    }
    const before = (strategyId: string) =>
      acc.traces
        .filter((t) => t.strategyId === strategyId && t.kind === 'state')
        .filter((t) => t.time <= (treatedAt.get(t.index) ?? Infinity))
        .map((t) => `${t.index}@${t.time}:${t.detail}`);
    expect(treatedAt.size).toBeGreaterThan(10);
    expect(before('annual-screening')).toEqual(before('no-screening'));
  });
});
