// One way to run any model the engine knows: a continuous-time simulation (model.ts) or a
// discrete-time cycle simulation (cycle-model.ts), told apart by `kind`. The worker pool and
// the CLI use this, so neither needs to know which kind a user's model is.
import type { CycleSimulationDefinition } from './cycle-model.js';
import { createCycleRunner } from './cycle-simulator.js';
import type { SimulationDefinition } from './model.js';
import { createRunner, type SimulationRunner } from './simulator.js';

// biome-ignore lint/suspicious/noExplicitAny: a runner erases the model's state and attribute types.
type AnyModel = any;

/** A simulation of either kind, with its state and attribute types erased. */
export type AnySimulationDefinition =
  | SimulationDefinition<string, AnyModel>
  | CycleSimulationDefinition<string, AnyModel>;

export function isCycleSimulation(
  definition: AnySimulationDefinition,
): definition is CycleSimulationDefinition<string, AnyModel> {
  return (definition as { kind?: unknown }).kind === 'cycle';
}

/** A runner for a simulation of either kind. */
export function createModelRunner(definition: AnySimulationDefinition): SimulationRunner {
  return isCycleSimulation(definition) ? createCycleRunner(definition) : createRunner(definition);
}
