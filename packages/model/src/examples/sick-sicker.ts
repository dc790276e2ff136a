// The Sick-Sicker model, the standard teaching microsimulation (Krijkamp et al., Med Decis Making
// 2018), as a discrete-time cycle model with the engine's public API. Teaching values from that
// tutorial, not evidence. Treatment costs 12,000 a year when sick or sicker; it helps the sick only.
import type { CycleSimulationDefinition, ValueTiming } from '../engine/cycle-model.js';

type State = 'healthy' | 'sick' | 'sicker' | 'dead';

export const SICK_SICKER_DEFAULTS = {
  probabilities: { healthySick: 0.15, healthyDead: 0.005, sickHealthy: 0.5, sickSicker: 0.105 },
  /** Death rate ratios of the sick and the sicker against the healthy. */
  deathRateRatios: { sick: 3, sicker: 10 },
  costs: { healthy: 2_000, sick: 4_000, sicker: 15_000, treatment: 12_000 },
  utilities: { healthy: 1, sick: 0.75, sicker: 0.5, treatedSick: 0.95 },
  cycles: 30,
  valueTiming: 'half-cycle' as ValueTiming,
};
export type SickSickerParameters = typeof SICK_SICKER_DEFAULTS;

export type SickSicker = CycleSimulationDefinition<State, undefined>;

export function sickSickerExample(overrides: Partial<SickSickerParameters> = {}): SickSicker {
  const run = { ...SICK_SICKER_DEFAULTS, ...overrides };
  const { probabilities: p, deathRateRatios: rr, costs: c, utilities: u } = run;
  // A rate ratio applies to the death rate, so the probability is 1 − (1 − p)^ratio.
  const dying = (ratio: number) => 1 - (1 - p.healthyDead) ** ratio;
  return {
    kind: 'cycle',
    model: {
      name: 'Sick-Sicker',
      states: ['healthy', 'sick', 'sicker', 'dead'],
      terminalStates: ['dead'],
      initialState: 'healthy',
      cycleYears: 1,
      cycles: run.cycles,
      transitions: {
        healthy: { sick: p.healthySick, dead: p.healthyDead },
        sick: { healthy: p.sickHealthy, sicker: p.sickSicker, dead: dying(rr.sick) },
        sicker: { dead: dying(rr.sicker) },
      },
      valueTiming: run.valueTiming,
      values: {
        costs: { annualDiscountRate: 0.03, perCycleInState: { healthy: c.healthy, sick: c.sick, sicker: c.sicker } },
        qalys: { annualDiscountRate: 0.03, perCycleInState: { healthy: u.healthy, sick: u.sick, sicker: u.sicker } },
      },
      counters: { treatedCycles: {} },
    },
    strategies: [
      { id: 'no-treatment', label: 'No treatment' },
      {
        id: 'treatment',
        label: 'Treatment',
        values: {
          costs: { sick: c.sick + c.treatment, sicker: c.sicker + c.treatment },
          qalys: { sick: u.treatedSick },
        },
        counters: { treatedCycles: { sick: 1, sicker: 1 } },
      },
    ],
  };
}
