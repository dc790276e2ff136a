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

export const scenarioSchema = z
  .strictObject({
    model: z
      .enum(modelIds, { error: `must be one of ${modelIds.map((id) => `'${id}'`).join(', ')}` })
      .default(DEFAULT_MODEL_ID),
    patients: z
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be ≥ 1' })
      .max(MAX_PATIENTS, { error: `must be ≤ ${MAX_PATIENTS}` })
      .default(DEFAULT_PATIENTS),
    seed: z
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be ≥ 0' })
      .max(2 ** 32 - 1, { error: 'must be < 2^32' })
      .default(DEFAULT_SEED),
    blockSize: z
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be ≥ 1' })
      .max(MAX_BLOCK_SIZE, { error: `must be ≤ ${MAX_BLOCK_SIZE}` })
      .default(DEFAULT_BLOCK_SIZE),
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
