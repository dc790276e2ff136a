// The models a scenario can name, each with its parameter defaults and a builder.
import { createRunner, type SimulationRunner } from '../engine/simulator.js';
import { ILLNESS_DEATH_DEFAULTS, illnessDeathExample } from '../examples/illness-death.js';

export interface CatalogModel {
  readonly id: string;
  readonly description: string;
  readonly parameterDefaults: Readonly<Record<string, number>>;
  readonly build: (parameters: Readonly<Record<string, number>>) => SimulationRunner;
}

export const MODEL_CATALOG: readonly CatalogModel[] = [
  {
    id: 'illness-death-example',
    description: 'Textbook illness–death model with an annual-screening strategy (engine example, illustrative values)',
    parameterDefaults: { ...ILLNESS_DEATH_DEFAULTS },
    build: (parameters) => createRunner(illnessDeathExample(parameters)),
  },
];

export const DEFAULT_MODEL_ID = 'illness-death-example';

export function catalogModel(id: string): CatalogModel {
  const model = MODEL_CATALOG.find((m) => m.id === id);
  if (model === undefined) {
    throw new RangeError(`model: got '${id}', must be one of ${MODEL_CATALOG.map((m) => `'${m.id}'`).join(', ')}`);
  }
  return model;
}
