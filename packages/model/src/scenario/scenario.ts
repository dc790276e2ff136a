// The scenario: the single, validated description of a run (model, cohort size, seed,
// parameter overrides and, for the sarcoma model, strategies and settings).

import { LIFE_TABLES } from '../data/life-tables.js';
import { economicSettingsSchema } from '../economics/economic-settings.js';
import { DEFAULT_BLOCK_SIZE } from '../engine/blocks.js';
import { z } from '../engine/zod.js';
import { EVIDENCE_BY_ID, overrideProblems, PARAMETER_IDS } from '../evidence/registry.js';
import { ILLNESS_DEATH_DEFAULTS } from '../examples/illness-death.js';
import { GRADE_EFFECTS } from '../sarcoma/grade-effect.js';
import { CURVE_STEP_YEARS } from '../sarcoma/sarcoma-model.js';
import { DEFAULT_STRATEGY_IDS, strategyChoiceSchema } from '../sarcoma/surveillance-strategy.js';
import { SYNCHRONOUS_RULES } from '../sarcoma/synchronous-rule.js';
import { scheduleProblems } from './schedule-limits.js';
import { structureProblems } from './untrusted-json.js';
import { formatIssues, ScenarioError } from './validation-error.js';

export const MAX_PATIENTS = 100_000_000;
export const MAX_BLOCK_SIZE = 1_000_000;
/** Strategies compared at once, in the schema and in the web app. */
export const MAX_STRATEGIES = 12;
/** Shortest horizon: one step of the survival curves. */
export const MIN_HORIZON_YEARS = CURVE_STEP_YEARS;
export const DEFAULT_SEED = 20_261_122;
export const DEFAULT_PATIENTS = 100_000;
export const DEFAULT_MODEL_ID = 'sarcoma';
export const MODEL_IDS = ['sarcoma', 'illness-death-example'] as const;

function wholeNumber(min: number, max: number, maxText = `≤ ${max}`) {
  return z
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ≥ ${min}` })
    .max(max, { error: `must be ${maxText}` });
}

const annualRate = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be ≥ 0' })
  .max(0.2, { error: 'must be ≤ 0.2 (20% per year)' });

const runSettings = {
  patients: wholeNumber(1, MAX_PATIENTS).default(DEFAULT_PATIENTS),
  seed: wholeNumber(0, 2 ** 32 - 1, '< 2^32').default(DEFAULT_SEED),
  blockSize: wholeNumber(1, MAX_BLOCK_SIZE).default(DEFAULT_BLOCK_SIZE),
};

const overrides = z.record(z.string(), z.number({ error: 'must be a finite number' })).default({});

const sarcomaScenario = z
  .strictObject({
    model: z.literal('sarcoma'),
    ...runSettings,
    parameters: overrides,
    strategies: z
      .array(strategyChoiceSchema)
      .min(1, { error: 'must list at least one strategy' })
      .max(MAX_STRATEGIES, { error: `must list at most ${MAX_STRATEGIES} strategies` })
      .default([...DEFAULT_STRATEGY_IDS]),
    lifeTable: z
      .enum(LIFE_TABLES.map((t) => t.id) as [string, ...string[]], {
        error: `must be one of ${LIFE_TABLES.map((t) => `'${t.id}'`).join(', ')}`,
      })
      .default('us-2022'),
    horizonYears: z
      .number({ error: 'must be a number' })
      .min(MIN_HORIZON_YEARS, { error: 'must be ≥ 1/12 (one month, the step of the survival curves)' })
      .max(100, { error: 'must be ≤ 100' })
      .default(40),
    discountRates: z.strictObject({ costs: annualRate, effects: annualRate }).default({ costs: 0.03, effects: 0.03 }),
    treatmentEffect: z.enum(['modelled', 'none'], { error: "must be 'modelled' or 'none'" }).default('modelled'),
    synchronousRule: z
      .enum(SYNCHRONOUS_RULES, { error: `must be one of ${SYNCHRONOUS_RULES.map((r) => `'${r}'`).join(', ')}` })
      .default('staging'),
    // Optional without a default: absent means 'modelled', and scenarios that do not name it keep their hash.
    gradeEffect: z
      .enum(GRADE_EFFECTS, { error: `must be one of ${GRADE_EFFECTS.map((r) => `'${r}'`).join(', ')}` })
      .optional(),
    economics: economicSettingsSchema,
  })
  .superRefine((scenario, ctx) => {
    for (const problem of overrideProblems(scenario.parameters)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', problem.id],
        input: problem.value,
        message: problem.message,
      });
    }
    const mix = PARAMETER_IDS.filter((id) => id.startsWith('cohort.mix.'));
    if (mix.every((id) => (scenario.parameters[id] ?? EVIDENCE_BY_ID.get(id)?.value ?? 0) <= 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parameters'],
        input: 0,
        message: 'the cohort mix (cohort.mix.*) sums to 0; at least one share must be positive',
      });
    }
    for (const [group, ids] of Object.entries(scenario.economics.psa.evppiGroups ?? {})) {
      ids.forEach((id, i) => {
        if (EVIDENCE_BY_ID.get(id)?.role !== 'parameter') {
          ctx.addIssue({
            code: 'custom',
            path: ['economics', 'psa', 'evppiGroups', group, i],
            input: id,
            message: 'unknown parameter id (`sarcsim params` lists them)',
          });
        }
      });
    }
    scenario.strategies.forEach((strategy, i) => {
      if (typeof strategy === 'string') return;
      for (const key of ['schedule', 'otherwise'] as const) {
        const segments = strategy[key];
        if (!Array.isArray(segments)) continue;
        for (const problem of scheduleProblems(segments, scenario.horizonYears, ['strategies', i, key])) {
          ctx.addIssue({
            code: 'custom',
            path: problem.path,
            input: problem.input,
            params: { got: problem.got },
            message: problem.message,
          });
        }
      }
    });
    const ids = scenario.strategies.map((s) => (typeof s === 'string' ? s : s.id));
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['strategies', i], input: id, message: 'strategy ids must be unique' });
      }
    });
  });

const illnessDeathScenario = z
  .strictObject({ model: z.literal('illness-death-example'), ...runSettings, parameters: overrides })
  .superRefine((scenario, ctx) => {
    for (const [id, value] of Object.entries(scenario.parameters)) {
      if (!(id in ILLNESS_DEATH_DEFAULTS)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', id],
          input: value,
          message: `unknown parameter id for model 'illness-death-example'; known ids: ${Object.keys(ILLNESS_DEATH_DEFAULTS).join(', ')}`,
        });
      }
    }
  });

/** A missing `model` means the default model. */
function withDefaultModel(input: unknown): unknown {
  if (input === undefined || input === null) return { model: DEFAULT_MODEL_ID };
  if (typeof input === 'object' && !Array.isArray(input) && !('model' in input))
    return { model: DEFAULT_MODEL_ID, ...input };
  return input;
}

export const scenarioSchema = z.preprocess(
  withDefaultModel,
  z.discriminatedUnion('model', [sarcomaScenario, illnessDeathScenario], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `must be one of ${MODEL_IDS.map((id) => `'${id}'`).join(', ')}` : undefined,
  }),
);

export type ScenarioInput = z.input<typeof scenarioSchema>;
/** What a sarcoma scenario file or link may hold (the schema's input: defaults not yet applied). */
export type SarcomaScenarioInput = z.input<typeof sarcomaScenario>;
export type Scenario = z.output<typeof scenarioSchema>;
export type SarcomaScenario = Extract<Scenario, { model: 'sarcoma' }>;

/** Validates untrusted scenario data; throws ScenarioError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  // Shape first: the schema (and its messages) recurse into the data.
  const structure = structureProblems(input);
  if (structure.length > 0) throw new ScenarioError(structure);
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ScenarioError(formatIssues(result.error.issues));
  return Object.freeze(result.data);
}
