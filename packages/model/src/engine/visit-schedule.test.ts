// Visit schedules and quiet runs against closed forms (4 Monte Carlo SEs, as verification.test.ts).
import { describe, expect, it } from 'vitest';
import { runSerial } from './blocks.js';
import { trialsBeforeSuccess } from './draws.js';
import { channelHandles, counterHandles, purposeHandles } from './handles.js';
import { exponential } from './hazard.js';
import type { ModelDefinition, SimulationContext, VisitSchedule, VisitSegment } from './model.js';
import { openStream, purposeId } from './random-streams.js';
import { summarize } from './results.js';
import { createRunner } from './simulator.js';
import { expectWithin } from './statistics.test-util.js';

type State = 'alive' | 'dead';
interface Person {
  frail: boolean;
}
type Ctx = SimulationContext<State, Person>;

const CHANNELS = ['costs', 'visits', 'alarms'] as const;
const CHANNEL = channelHandles(CHANNELS);
const COUNTERS = ['visits', 'alarms'] as const;
const COUNTER = counterHandles(COUNTERS);
const PURPOSES = ['screening'] as const;
const PURPOSE = purposeHandles(PURPOSES);

const DEATH_RATE = 0.3;
const FRAIL_AT = 1.5; // the death hazard doubles here (an event that calls hazardsChanged)
const ALARM = 0.2;
const ALARM_COST = 10;
const DISCOUNT = 0.05;
const HORIZON = 12;
const SEGMENTS: readonly VisitSegment[] = [
  { fromYears: 0, toYears: 2, everyYears: 0.25 },
  { fromYears: 2, toYears: 10, everyYears: 1 },
];

const visitOnce = (ctx: Ctx, time: number, alarm: boolean) => {
  ctx.count(COUNTER.visits);
  ctx.addRewardAt(CHANNEL.costs, 1, time);
  ctx.addRewardAt(CHANNEL.visits, 1, time);
  if (alarm) {
    ctx.count(COUNTER.alarms);
    ctx.addRewardAt(CHANNEL.costs, ALARM_COST, time);
    ctx.addRewardAt(CHANNEL.alarms, 1, time);
  }
};

const screening: VisitSchedule<State, Person, VisitSegment, null> = {
  segments: SEGMENTS,
  visit: (ctx, visit) => {
    visitOnce(ctx, visit.time, ctx.uniform(PURPOSE.screening) < ALARM);
    return true;
  },
  quiet: () => true,
  run: (ctx, run) => {
    let alarms = 0;
    for (
      let i = ctx.trialsBeforeSuccess(PURPOSE.screening, ALARM);
      i < run.count;
      i += 1 + ctx.trialsBeforeSuccess(PURPOSE.screening, ALARM)
    ) {
      alarms++;
      ctx.addRewardAt(CHANNEL.costs, ALARM_COST, run.time(i));
      ctx.addRewardAt(CHANNEL.alarms, 1, run.time(i));
    }
    ctx.addRewardSeries(CHANNEL.costs, 1, run.first, run.every, run.count);
    ctx.addRewardSeries(CHANNEL.visits, 1, run.first, run.every, run.count);
    ctx.count(COUNTER.visits, run.count);
    ctx.count(COUNTER.alarms, alarms);
  },
};

const model: ModelDefinition<State, Person> = {
  name: 'screening visits',
  states: ['alive', 'dead'],
  terminalStates: ['dead'],
  attributes: () => ({ frail: false }),
  initialState: 'alive',
  transitions: [
    {
      from: 'alive',
      to: 'dead',
      hazard: exponential(DEATH_RATE),
      hazardRatio: (person) => (person.attributes.frail ? 2 : 1),
      clock: 'state',
    },
  ],
  rewards: {
    costs: { annualDiscountRate: DISCOUNT },
    visits: { annualDiscountRate: 0 },
    alarms: { annualDiscountRate: 0 },
  },
  counters: COUNTERS,
  purposes: PURPOSES,
  onEntry: (ctx) => {
    ctx.schedule(
      FRAIL_AT,
      (c: Ctx) => {
        c.individual.attributes.frail = true;
        c.hazardsChanged();
      },
      null,
    );
  },
  horizonYears: HORIZON,
  curveStepYears: 1,
};

const survival = (t: number) =>
  t < FRAIL_AT ? Math.exp(-DEATH_RATE * t) : Math.exp(-DEATH_RATE * FRAIL_AT - 2 * DEATH_RATE * (t - FRAIL_AT));
const visitTimes = SEGMENTS.flatMap((s) =>
  Array.from(
    { length: Math.round((s.toYears - s.fromYears) / s.everyYears) },
    (_, k) => s.fromYears + k * s.everyYears,
  ),
);
const expectedVisits = visitTimes.reduce((sum, t) => sum + survival(t), 0);
const r = Math.log1p(DISCOUNT);
const expectedCost = visitTimes.reduce((sum, t) => sum + survival(t) * Math.exp(-r * t) * (1 + ALARM * ALARM_COST), 0);

function simulate(visitsOneByOne: boolean, individuals = 40_000, blockSize = 2_000) {
  const runner = createRunner({
    model,
    strategies: [{ id: 'screen', label: 'screen', onEntry: (ctx) => ctx.scheduleVisits(0, screening, null) }],
    visitsOneByOne,
  });
  return summarize(runSerial(runner, { seed: 21, individuals, blockSize }));
}

describe('visit schedules', () => {
  for (const oneByOne of [true, false]) {
    it(`${oneByOne ? 'one by one' : 'as quiet runs'}: visits, alarms and discounted costs match the closed form`, () => {
      const result = simulate(oneByOne).strategies[0];
      const visits = result?.rewards.visits?.undiscounted;
      const alarms = result?.rewards.alarms?.undiscounted;
      const costs = result?.rewards.costs?.discounted;
      if (visits === undefined || alarms === undefined || costs === undefined) throw new Error('missing rewards');
      expectWithin(visits.mean, expectedVisits, visits.mcse);
      expectWithin(alarms.mean, expectedVisits * ALARM, alarms.mcse);
      expectWithin(costs.mean, expectedCost, costs.mcse);
      // Counters agree with the rewards that mirror them.
      expect(result?.counters.visits?.perIndividual).toBeCloseTo(visits.mean, 12);
      expect(result?.counters.alarms?.perIndividual).toBeCloseTo(alarms.mean, 12);
    });
  }

  it('a run discounted at a vanishing rate is the undiscounted count, not 0/0', () => {
    const tiny = { ...model, rewards: { ...model.rewards, costs: { annualDiscountRate: 5e-324 } } };
    const runner = createRunner({
      model: tiny,
      strategies: [{ id: 'screen', label: 'screen', onEntry: (ctx) => ctx.scheduleVisits(0, screening, null) }],
    });
    const costs = summarize(runSerial(runner, { seed: 2, individuals: 200 })).strategies[0]?.rewards.costs;
    expect(costs?.discounted.mean).toBeCloseTo(costs?.undiscounted.mean as number, 9);
  });

  it('quiet runs stay bitwise identical for any blocking', () => {
    const a = JSON.stringify(simulate(false, 3_000, 3_000));
    expect(JSON.stringify(simulate(false, 3_000, 7))).toBe(a);
    expect(JSON.stringify(simulate(false, 3_000, 1_000))).toBe(a);
  });

  it('refuses a bad segment, naming it', () => {
    const runner = createRunner({
      model,
      strategies: [
        {
          id: 'bad',
          label: 'bad',
          onEntry: (ctx) =>
            ctx.scheduleVisits(0, { ...screening, segments: [{ fromYears: 0, toYears: 1, everyYears: 0 }] }, null),
        },
      ],
    });
    expect(() => runSerial(runner, { seed: 1, individuals: 1 })).toThrow(/segment 0 needs .*everyYears > 0/);
  });
});

describe('engine draws', () => {
  it('trialsBeforeSuccess is geometric: P(G ≥ k) = (1 − p)^k', () => {
    const u = openStream({ seed: 3, draw: 0, index: 0, purpose: purposeId('geometric') });
    const p = 0.15;
    const n = 100_000;
    let atLeast3 = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const g = trialsBeforeSuccess(u(), p);
      sum += g;
      if (g >= 3) atLeast3++;
    }
    const tail = (1 - p) ** 3;
    expectWithin(atLeast3 / n, tail, Math.sqrt((tail * (1 - tail)) / n));
    const mean = (1 - p) / p;
    expectWithin(sum / n, mean, Math.sqrt((1 - p) / (p * p) / n));
    expect(trialsBeforeSuccess(0.5, 0)).toBe(Infinity);
    expect(trialsBeforeSuccess(0.99, 1)).toBe(0);
  });
});

describe('handles', () => {
  it('index declared names in order, and a misspelt name does not compile', () => {
    expect([COUNTER.visits, COUNTER.alarms]).toEqual([0, 1]);
    expect(PURPOSE.entry).toBe(0);
    expect(PURPOSE.natural).toBe(1);
    expect(PURPOSE.screening).toBe(2);
    // @ts-expect-error: 'vists' is not a declared counter
    expect(COUNTER.vists).toBeUndefined();
    expect(() => purposeHandles(['natural'])).toThrow(/engine's own/);
    expect(() => counterHandles(['a', 'a'])).toThrow(/duplicate counter 'a'/);
  });
});
