// The horizon is inclusive: an event scheduled at exactly the horizon (or the end of an
// individual's follow-up) runs, and one scheduled after it does not.
import { describe, expect, it } from 'vitest';
import { runSerial } from './blocks.js';
import type { ModelDefinition, SimulationContext } from './model.js';
import { summarize } from './results.js';
import { createRunner } from './simulator.js';

type Ctx = SimulationContext<'alive' | 'dead', Record<string, never>>;

function countAt(times: readonly number[], followUpYears?: number) {
  const model: ModelDefinition<'alive' | 'dead', Record<string, never>> = {
    name: 'horizon',
    states: ['alive', 'dead'],
    terminalStates: ['dead'],
    attributes: () => ({}),
    initialState: 'alive',
    transitions: [],
    rewards: { costs: { annualDiscountRate: 0, perYearInState: {} } },
    counters: ['visits'],
    onEntry: (ctx: Ctx) => {
      for (const t of times) ctx.schedule(t, (c: Ctx) => c.count('visits'), null);
    },
    horizonYears: 30,
    ...(followUpYears === undefined ? {} : { followUpYears: () => followUpYears }),
    curveStepYears: 1,
  };
  const merged = runSerial(createRunner({ model, strategies: [{ id: 'only', label: 'only' }] }), {
    seed: 1,
    individuals: 3,
  });
  return summarize(merged).strategies[0]?.counters.visits?.perIndividual;
}

describe('the horizon', () => {
  it('runs an event at exactly the horizon and none after it', () => {
    expect(countAt([29.5, 30])).toBe(2);
    expect(countAt([30, 30.000001])).toBe(1);
  });

  it('runs an event at exactly the end of follow-up', () => {
    expect(countAt([10, 12], 12)).toBe(2);
    expect(countAt([12.5], 12)).toBe(0);
  });

  it('lets a 30-cycle periodic model run with a 30-year horizon (until is exclusive)', () => {
    const model: ModelDefinition<'alive' | 'dead', Record<string, never>> = {
      name: 'cycles',
      states: ['alive', 'dead'],
      terminalStates: ['dead'],
      attributes: () => ({}),
      initialState: 'alive',
      transitions: [],
      rewards: { costs: { annualDiscountRate: 0, perYearInState: {} } },
      counters: ['cycles'],
      onEntry: (ctx: Ctx) => ctx.schedulePeriodic(1, 1, 31, (c: Ctx) => c.count('cycles')),
      horizonYears: 30,
      curveStepYears: 1,
    };
    const merged = runSerial(createRunner({ model, strategies: [{ id: 'only', label: 'only' }] }), {
      seed: 1,
      individuals: 2,
    });
    expect(summarize(merged).strategies[0]?.counters.cycles?.perIndividual).toBe(30);
  });
});
