// The scenario: the single, validated description of a run (model, cohort size, seed, overrides).
import { z } from 'zod';
import { DEFAULT_BLOCK_SIZE } from '../engine/blocks.js';
import { catalogModel, DEFAULT_MODEL_ID, MODEL_CATALOG } from './model-catalog.js';
import { formatIssues, ScenarioError } from './validation-error.js';

export const MAX_PATIENTS = 100_000_000;
export const MAX_BLOCK_SIZE = 1_000_000;
export const DEFAULT_SEED = 20_261_122;
export const DEFAULT_PATIENTS = 100_000;

const modelIds = MODEL_CATALOG.map((m) => m.id) as [string, ...string[]];

function wholeNumber(min: number, max: number, maxText = `≤ ${max}`) {
  return z
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ≥ ${min}` })
    .max(max, { error: `must be ${maxText}` });
}

export const scenarioSchema = z
  .strictObject({
    model: z
      .enum(modelIds, { error: `must be one of ${modelIds.map((id) => `'${id}'`).join(', ')}` })
      .default(DEFAULT_MODEL_ID),
    patients: wholeNumber(1, MAX_PATIENTS).default(DEFAULT_PATIENTS),
    seed: wholeNumber(0, 2 ** 32 - 1, '< 2^32').default(DEFAULT_SEED),
    blockSize: wholeNumber(1, MAX_BLOCK_SIZE).default(DEFAULT_BLOCK_SIZE),
    parameters: z.record(z.string(), z.number({ error: 'must be a finite number' })).default({}),
  })
  .superRefine((scenario, ctx) => {
    const known = catalogModel(scenario.model).parameterDefaults;
    for (const id of Object.keys(scenario.parameters)) {
      if (!(id in known)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', id],
          input: scenario.parameters[id],
          message: `unknown parameter id for model '${scenario.model}'; known ids: ${Object.keys(known).join(', ')}`,
        });
      }
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

/** Validates untrusted scenario data; throws ScenarioError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) throw new ScenarioError(formatIssues(result.error.issues));
  return Object.freeze(result.data);
}
