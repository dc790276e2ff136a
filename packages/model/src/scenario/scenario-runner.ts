// Builds the runner for a validated scenario, whichever model it names.
import { LIFE_TABLES } from '../data/life-tables.js';
import { createRunner, type SimulationRunner } from '../engine/simulator.js';
import { type CalibrationSet, ParameterValues } from '../evidence/registry.js';
import { illnessDeathExample } from '../examples/illness-death.js';
import { sarcomaSimulation } from '../sarcoma/sarcoma-model.js';
import { resolveStrategy } from '../sarcoma/surveillance-strategy.js';
import type { Scenario } from './scenario.js';

/** What a run keeps beyond its outcomes; none of it changes a result. */
export interface RunnerOptions {
  /** The sarcoma model's quantity channels (default true; see SarcomaOptions.quantities). */
  readonly quantities?: boolean;
}

/** The runner; the sarcoma model's parameters use `calibration`'s point values (a posterior's mean). */
export function runnerFor(
  scenario: Scenario,
  calibration: CalibrationSet,
  options: RunnerOptions = {},
): SimulationRunner {
  switch (scenario.model) {
    case 'illness-death-example':
      return createRunner(illnessDeathExample(scenario.parameters));
    case 'sarcoma': {
      const lifeTable = LIFE_TABLES.find((t) => t.id === scenario.lifeTable);
      if (lifeTable === undefined) throw new RangeError(`lifeTable: unknown table '${scenario.lifeTable}'`);
      return createRunner(
        sarcomaSimulation(new ParameterValues(calibration, scenario.parameters), {
          strategies: scenario.strategies.map(resolveStrategy),
          lifeTable,
          horizonYears: scenario.horizonYears,
          discountRates: scenario.discountRates,
          treatmentEffect: scenario.treatmentEffect,
          synchronousRule: scenario.synchronousRule,
          gradeEffect: scenario.gradeEffect ?? 'modelled',
          quantities: options.quantities ?? true,
        }),
      );
    }
  }
}
