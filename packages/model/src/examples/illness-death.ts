// A textbook illness–death model written with the engine's public API (see docs/engine.md).
//
// Illustrative teaching values, not evidence: this model exists to show the engine and to
// verify it. Healthy people fall ill (Weibull onset) and die of background causes (US life
// table); ill people also die of the disease. A screening strategy finds illness at annual
// visits and treatment lowers the disease death hazard.

import { US_2022 } from '../data/life-tables.js';
import { exponential, type Hazard, lifeTable, weibull } from '../engine/hazard.js';
import type { ModelDefinition, SimulationContext, SimulationDefinition, StrategyDefinition } from '../engine/model.js';

type State = 'healthy' | 'ill' | 'dead';
interface Person {
  readonly ageAtEntry: number;
  readonly sex: 'male' | 'female';
  treated: boolean;
}
type Ctx = SimulationContext<State, Person>;

export const ILLNESS_DEATH_DEFAULTS = {
  onsetShape: 1.3,
  onsetScaleYears: 25,
  diseaseDeathRatePerYear: 0.2,
  treatmentHazardRatio: 0.5,
  screeningSensitivity: 0.8,
  screeningCost: 150,
  treatmentCost: 8_000,
  illnessCostPerYear: 3_000,
  utilityHealthy: 0.9,
  utilityIll: 0.6,
  horizonYears: 40,
};
export type IllnessDeathParameters = typeof ILLNESS_DEATH_DEFAULTS;

const background: Record<Person['sex'], Hazard> = {
  male: lifeTable(US_2022.male),
  female: lifeTable(US_2022.female),
};

export function illnessDeathExample(
  overrides: Partial<IllnessDeathParameters> = {},
): SimulationDefinition<State, Person> {
  const p = { ...ILLNESS_DEATH_DEFAULTS, ...overrides };

  const model: ModelDefinition<State, Person> = {
    name: 'illness-death example',
    states: ['healthy', 'ill', 'dead'],
    terminalStates: ['dead'],
    attributes: (u) => ({ ageAtEntry: 50 + Math.floor(u() * 21), sex: u() < 0.5 ? 'male' : 'female', treated: false }),
    initialState: 'healthy',
    transitions: [
      { from: 'healthy', to: 'ill', hazard: weibull(p.onsetShape, p.onsetScaleYears), clock: 'entry' },
      {
        from: ['healthy', 'ill'],
        to: 'dead',
        hazard: (person) => background[person.attributes.sex],
        clock: 'entry',
        clockOffset: (person) => person.attributes.ageAtEntry,
      },
      {
        from: 'ill',
        to: 'dead',
        hazard: exponential(p.diseaseDeathRatePerYear),
        hazardRatio: (person) => (person.attributes.treated ? p.treatmentHazardRatio : 1),
        clock: 'state',
      },
    ],
    rewards: {
      costs: { annualDiscountRate: 0.03, perYearInState: { ill: p.illnessCostPerYear } },
      qalys: { annualDiscountRate: 0.03, perYearInState: { healthy: p.utilityHealthy, ill: p.utilityIll } },
      lifeYears: { annualDiscountRate: 0.03, perYearInState: { healthy: 1, ill: 1 } },
    },
    counters: ['screens', 'treated'],
    horizonYears: p.horizonYears,
    curveStepYears: 1 / 12,
  };

  const screen = (ctx: Ctx): void => {
    ctx.count('screens');
    ctx.addReward('costs', p.screeningCost);
    const person = ctx.individual;
    if (person.state !== 'ill' || person.attributes.treated) return;
    if (ctx.uniform('screening') < p.screeningSensitivity) {
      person.attributes.treated = true;
      ctx.count('treated');
      ctx.addReward('costs', p.treatmentCost);
      ctx.hazardsChanged();
    }
  };

  const strategies: StrategyDefinition<State, Person>[] = [
    { id: 'no-screening', label: 'No screening' },
    {
      id: 'annual-screening',
      label: 'Annual screening',
      onEntry: (ctx) => ctx.schedulePeriodic(1, 1, p.horizonYears, screen),
    },
  ];
  return { model, strategies };
}
