// Verification against closed forms. Every tolerance is 4 Monte Carlo standard errors
// (a false alarm about once in 16,000 checks), plus half a grid step where curves are read.
import { describe, expect, it } from 'vitest';
import { runSerial } from './blocks.js';
import { exponential, gompertz, type Hazard, lifeTable, weibull } from './hazard.js';
import type { ModelDefinition, SimulationContext, StrategyDefinition } from './model.js';
import { type SimulationResults, type StrategyResult, summarize } from './results.js';
import { createRunner } from './simulator.js';
import { binomialSe, curveAt, expectWithin } from './statistics.test-util.js';

const N = 40_000;

function simulate<S extends string>(
  model: ModelDefinition<S, Record<string, never>>,
  strategies: StrategyDefinition<S, Record<string, never>>[] = [{ id: 'only', label: 'only' }],
  individuals = N,
): SimulationResults {
  return summarize(runSerial(createRunner({ model, strategies }), { seed: 99, individuals }));
}

function only(results: SimulationResults): StrategyResult {
  const first = results.strategies[0];
  if (first === undefined) throw new Error('no strategy in results');
  return first;
}

/** alive → dead with one hazard; life-years undiscounted give the mean time to death. */
function singleRisk(
  hazard: Hazard,
  horizonYears: number,
  curveStepYears = 0.01,
): ModelDefinition<'alive' | 'dead', Record<string, never>> {
  return {
    name: 'single risk',
    states: ['alive', 'dead'],
    terminalStates: ['dead'],
    attributes: () => ({}),
    initialState: 'alive',
    transitions: [{ from: 'alive', to: 'dead', hazard, clock: 'state' }],
    rewards: { lifeYears: { annualDiscountRate: 0, perYearInState: { alive: 1 } } },
    horizonYears,
    curveStepYears,
  };
}

/** Time where a decreasing step curve first falls to `level` or below. */
function crossing(times: readonly number[], values: readonly number[], level: number): number {
  const i = values.findIndex((v) => v <= level);
  return times[i] ?? Number.NaN;
}

describe('competing exponential risks', () => {
  it('cumulative incidence of each cause matches λk/Λ·(1 − e^{−Λt})', () => {
    const [rateA, rateB] = [0.2, 0.05];
    const model: ModelDefinition<'alive' | 'causeA' | 'causeB', Record<string, never>> = {
      name: 'competing',
      states: ['alive', 'causeA', 'causeB'],
      terminalStates: ['causeA', 'causeB'],
      attributes: () => ({}),
      initialState: 'alive',
      transitions: [
        { from: 'alive', to: 'causeA', hazard: exponential(rateA), clock: 'state' },
        { from: 'alive', to: 'causeB', hazard: exponential(rateB), clock: 'state' },
      ],
      rewards: {},
      horizonYears: 20,
      curveStepYears: 0.25,
    };
    const survival = only(simulate(model)).curves.survival;
    if (survival === undefined) throw new Error('survival curve missing');
    const total = rateA + rateB;
    for (const t of [1, 3, 5, 10, 20]) {
      for (const [cause, rate] of [
        ['causeA', rateA],
        ['causeB', rateB],
      ] as const) {
        const exact = (rate / total) * (1 - Math.exp(-total * t));
        const simulated = curveAt(survival.timesYears, survival.cumulativeIncidence[cause] ?? [], t, 0);
        expectWithin(simulated, exact, binomialSe(exact, N));
      }
    }
  });
});

describe('Weibull and Gompertz times', () => {
  it('Weibull(shape 2, scale 5): mean 5·Γ(1.5) and median 5·√ln2', () => {
    const results = only(simulate(singleRisk(weibull(2, 5), 100)));
    const lifeYears = results.rewards.lifeYears?.undiscounted;
    if (lifeYears === undefined) throw new Error('lifeYears missing');
    expectWithin(lifeYears.mean, 5 * (Math.sqrt(Math.PI) / 2), lifeYears.mcse);
    const survival = results.curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    const median = 5 * Math.sqrt(Math.LN2);
    // SE of a sample median ≈ 1/(2·f(m)·√n); reading it off the grid adds at most one step (0.01).
    const density = (2 / 5) * (median / 5) * 0.5;
    expectWithin(
      crossing(survival.timesYears, survival.eventFree, 0.5),
      median,
      1 / (2 * density * Math.sqrt(N)) + 0.01,
    );
  });

  it('Weibull(shape 0.5, scale 1): mean Γ(3) = 2', () => {
    const lifeYears = only(simulate(singleRisk(weibull(0.5, 1), 1e4, 10))).rewards.lifeYears?.undiscounted;
    if (lifeYears === undefined) throw new Error('lifeYears missing');
    expectWithin(lifeYears.mean, 2, lifeYears.mcse);
  });

  it('Gompertz(shape 0.08, rate 0.01): median and mean from the closed-form survival', () => {
    const [shape, rate] = [0.08, 0.01];
    const survivalAt = (t: number) => Math.exp(-(rate / shape) * Math.expm1(shape * t));
    const median = Math.log1p((shape * Math.LN2) / rate) / shape;
    // Mean = ∫ S(t) dt by Simpson's rule on [0, 200] (S(200) < 1e-300).
    const steps = 20_000;
    let mean = survivalAt(0) + survivalAt(200);
    for (let i = 1; i < steps; i++) mean += (i % 2 === 1 ? 4 : 2) * survivalAt((200 * i) / steps);
    mean *= 200 / steps / 3;
    const results = only(simulate(singleRisk(gompertz(shape, rate), 200)));
    const lifeYears = results.rewards.lifeYears?.undiscounted;
    const survival = results.curves.survival;
    if (lifeYears === undefined || survival === undefined) throw new Error('results missing');
    expectWithin(lifeYears.mean, mean, lifeYears.mcse);
    const density = rate * Math.exp(shape * median) * 0.5;
    expectWithin(
      crossing(survival.timesYears, survival.eventFree, 0.5),
      median,
      1 / (2 * density * Math.sqrt(N)) + 0.01,
    );
  });
});

describe('curves with a marked origin', () => {
  it('Kaplan–Meier from a random mark, with staggered censoring, matches e^{−λs}', () => {
    // Marks fall uniformly in [0, 5) years, the horizon is 8, so follow-up from the mark is 3–8 years.
    const rate = 0.3;
    type Ctx = SimulationContext<'alive' | 'dead', Record<string, never>>;
    const mark = (ctx: Ctx) => ctx.curveStart('fromMark');
    const model: ModelDefinition<'alive' | 'dead', Record<string, never>> = {
      ...singleRisk(exponential(rate), 8, 0.05),
      curves: { fromMark: { causes: [], origin: 'marked' } },
      onEntry: (ctx) => ctx.schedule(5 * ctx.uniform('mark'), mark, null),
    };
    const results = only(simulate(model));
    const fromMark = results.curves.fromMark;
    if (fromMark === undefined) throw new Error('curve missing');
    expect(fromMark.individuals).toBeLessThan(N);
    for (const s of [1, 2, 4, 6]) {
      const exact = Math.exp(-rate * s);
      const followedTo = Math.min(1, (8 - s) / 5) * fromMark.individuals; // still under observation at s, before deaths
      expectWithin(
        curveAt(fromMark.timesYears, fromMark.eventFree, s, 1),
        exact,
        binomialSe(exact, followedTo * exact),
      );
    }
  });
});

describe('administrative censoring', () => {
  it('Kaplan–Meier under uniform follow-up recovers the exponential survival', () => {
    const rate = 0.25;
    const model: ModelDefinition<'alive' | 'dead', { followUp: number }> = {
      name: 'censored',
      states: ['alive', 'dead'],
      terminalStates: ['dead'],
      attributes: (u) => ({ followUp: 10 * u() }),
      initialState: 'alive',
      transitions: [{ from: 'alive', to: 'dead', hazard: exponential(rate), clock: 'state' }],
      rewards: {},
      horizonYears: 10,
      curveStepYears: 0.05,
      followUpYears: (person) => person.attributes.followUp,
    };
    const runner = createRunner({ model, strategies: [{ id: 'only', label: 'only' }] });
    const survival = only(summarize(runSerial(runner, { seed: 8, individuals: N }))).curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    for (const t of [1, 3, 6]) {
      const exact = Math.exp(-rate * t);
      const underObservation = N * (1 - t / 10) * exact;
      expectWithin(curveAt(survival.timesYears, survival.eventFree, t, 1), exact, binomialSe(exact, underObservation));
    }
  });
});

describe('life-table sampling', () => {
  it('survival from age 60 follows the product of (1 − qx)', () => {
    const qx = Array.from({ length: 61 }, (_, age) => Math.min(1, 0.0004 * Math.exp(0.085 * age)));
    qx[60] = 1;
    const model: ModelDefinition<'alive' | 'dead', Record<string, never>> = {
      ...singleRisk(lifeTable(qx), 40),
      transitions: [{ from: 'alive', to: 'dead', hazard: lifeTable(qx), clock: 'entry', clockOffset: () => 20 }],
    };
    const survival = only(simulate(model)).curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    for (const years of [5, 10, 20, 30]) {
      let exact = 1;
      for (let age = 20; age < 20 + years; age++) exact *= 1 - (qx[age] as number);
      expectWithin(curveAt(survival.timesYears, survival.eventFree, years, 1), exact, binomialSe(exact, N));
    }
  });
});

describe('discounted expected time in a three-state Markov model', () => {
  it('matches the closed form for healthy and sick, with 3% discounting and a finite horizon', () => {
    const [onset, deathHealthy, deathSick] = [0.1, 0.02, 0.3];
    const horizon = 30;
    const r = Math.log(1.03);
    const model: ModelDefinition<'healthy' | 'sick' | 'dead', Record<string, never>> = {
      name: 'three-state',
      states: ['healthy', 'sick', 'dead'],
      terminalStates: ['dead'],
      attributes: () => ({}),
      initialState: 'healthy',
      transitions: [
        { from: 'healthy', to: 'sick', hazard: exponential(onset), clock: 'entry' },
        { from: 'healthy', to: 'dead', hazard: exponential(deathHealthy), clock: 'entry' },
        { from: 'sick', to: 'dead', hazard: exponential(deathSick), clock: 'state' },
      ],
      rewards: {
        healthyYears: { annualDiscountRate: 0.03, perYearInState: { healthy: 1 } },
        sickYears: { annualDiscountRate: 0.03, perYearInState: { sick: 1 } },
      },
      horizonYears: horizon,
      curveStepYears: 1,
    };
    const a0 = onset + deathHealthy;
    const integral = (k: number) => (1 - Math.exp(-k * horizon)) / k; // ∫₀ᵀ e^{−kt} dt
    const exactHealthy = integral(a0 + r);
    const exactSick = (onset / (a0 - deathSick)) * (integral(deathSick + r) - integral(a0 + r));
    const rewards = only(simulate(model)).rewards;
    const healthy = rewards.healthyYears?.discounted;
    const sick = rewards.sickYears?.discounted;
    if (healthy === undefined || sick === undefined) throw new Error('rewards missing');
    expectWithin(healthy.mean, exactHealthy, healthy.mcse);
    expectWithin(sick.mean, exactSick, sick.mcse);
  });
});

describe('scheduled events', () => {
  const base = singleRisk(exponential(0.1), 50);

  it('discount a one-off reward at its time exactly', () => {
    const model = { ...base, transitions: [], rewards: { costs: { annualDiscountRate: 0.03 } } };
    const strategies: StrategyDefinition<'alive' | 'dead', Record<string, never>>[] = [
      {
        id: 'visit',
        label: 'one visit at 5 years',
        onEntry: (ctx) => ctx.schedule(5, (c) => c.addReward('costs', 100), null),
      },
    ];
    const costs = only(simulate(model, strategies, 10)).rewards.costs;
    expect(costs?.undiscounted.mean).toBe(100);
    expect(costs?.discounted.mean).toBeCloseTo(100 * 1.03 ** -5, 10);
  });

  it('keep the spent hazard when an intervention changes it (survival after a hazard-ratio change)', () => {
    type Ctx = SimulationContext<'alive' | 'dead', { ratio: number }>;
    const [rate, changeAt, ratio] = [0.2, 2, 3];
    const model: ModelDefinition<'alive' | 'dead', { ratio: number }> = {
      name: 'hazard ratio changed at 2 years',
      states: ['alive', 'dead'],
      terminalStates: ['dead'],
      attributes: () => ({ ratio: 1 }),
      initialState: 'alive',
      transitions: [
        {
          from: 'alive',
          to: 'dead',
          hazard: exponential(rate),
          clock: 'state',
          hazardRatio: (p) => p.attributes.ratio,
        },
      ],
      rewards: {},
      horizonYears: 10,
      curveStepYears: 0.01,
    };
    const raise = (ctx: Ctx) => {
      (ctx.individual.attributes as { ratio: number }).ratio = ratio;
      ctx.hazardsChanged();
    };
    const runner = createRunner({
      model,
      strategies: [{ id: 'raise', label: 'raise', onEntry: (c) => c.schedule(changeAt, raise, null) }],
    });
    const survival = only(summarize(runSerial(runner, { seed: 3, individuals: N }))).curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    for (const t of [1, 2, 4, 6]) {
      const exact = Math.exp(-rate * Math.min(t, changeAt) - ratio * rate * Math.max(0, t - changeAt));
      expectWithin(curveAt(survival.timesYears, survival.eventFree, t, 1), exact, binomialSe(exact, N));
    }
  });

  it('express a discrete-time model as a periodic event: survival (1 − p)^k', () => {
    const perCycleDeath = 0.07;
    const cycle = (ctx: SimulationContext<'alive' | 'dead', Record<string, never>>) => {
      if (ctx.uniform('natural') < perCycleDeath) ctx.setState('dead');
    };
    const model = {
      ...base,
      transitions: [],
      onEntry: (ctx: SimulationContext<'alive' | 'dead', Record<string, never>>) =>
        ctx.schedulePeriodic(1, 1, 50, cycle),
    };
    const survival = only(simulate(model)).curves.survival;
    if (survival === undefined) throw new Error('survival missing');
    // Deaths at cycle k fall in the grid interval starting at k, so read the curve just after it.
    for (const k of [1, 5, 10, 20]) {
      const exact = (1 - perCycleDeath) ** k;
      expectWithin(curveAt(survival.timesYears, survival.eventFree, k + 0.015, 1), exact, binomialSe(exact, N));
    }
  });

  it('refuse to schedule in the past', () => {
    const model = {
      ...base,
      onEntry: (ctx: SimulationContext<'alive' | 'dead', Record<string, never>>) => ctx.schedule(-1, () => {}, null),
    };
    expect(() => simulate(model, undefined, 1)).toThrow('schedule: time -1 is before the current time 0');
  });
});
