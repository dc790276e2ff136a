// A surveillance policy space as data: factors (modality, interval per period of follow-up,
// total duration, the risk group that gets abdominal imaging, what everyone else gets) and
// their levels. The product of the levels, less schedules that are the same policy written
// twice, is the candidate set; each candidate is a strategy of the scenario schema, checked
// by that schema. Method and the default space: docs/explore.md.

import { HISTOLOGIES, SITES } from '../domain/categories.js';
import { z } from '../engine/zod.js';
import { MODALITIES, type Modality } from '../evidence/records/imaging.js';
import {
  type Eligibility,
  resolveStrategy,
  type ScheduleSegment,
  type SurveillanceStrategy,
  strategyChoiceSchema,
} from '../sarcoma/surveillance-strategy.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { formatIssues, ScenarioError } from '../scenario/validation-error.js';

/** Most candidates a space may produce: the exploration's first stage runs every one. */
export const MAX_CANDIDATES = 5_000;
/** Strategies per run besides the comparator (the scenario's cap is 12, the comparator takes one). */
export const CANDIDATES_PER_RUN = 11;
/** Leaders beside the comparator leave at least 6 places for new candidates in a run. */
export const MAX_LEADERS_PER_RUN = 5;

const MODALITY_CODES: Record<Modality, string> = {
  contrastCt: 'cect',
  nonContrastCt: 'ncct',
  liverMri: 'mri',
  chestCt: 'chest',
};
const MODALITY_SHORT: Record<Modality, string> = {
  contrastCt: 'Contrast CT',
  nonContrastCt: 'Non-contrast CT',
  liverMri: 'Liver MRI',
  chestCt: 'Chest CT',
};

const NAMED_GROUPS = ['all', 'retroperitoneal', 'lms', 'retroperitonealOrLms'] as const;
const GROUP_CODES: Record<(typeof NAMED_GROUPS)[number], string> = {
  all: 'all',
  retroperitoneal: 'rp',
  lms: 'lms',
  retroperitonealOrLms: 'rplms',
};
const GROUP_LABELS: Record<(typeof NAMED_GROUPS)[number], string> = {
  all: 'all',
  retroperitoneal: 'RP',
  lms: 'LMS',
  retroperitonealOrLms: 'RP or LMS',
};

const positiveYears = z.number({ error: 'must be a number of years' }).positive({ error: 'must be > 0' });

const periodSchema = z.strictObject({
  fromYear: z.number({ error: 'must be a number of years' }).min(0, { error: 'must be ≥ 0' }),
  toYear: positiveYears,
  intervalsMonths: z
    .array(z.number({ error: 'must be a number of months' }).positive({ error: 'must be > 0' }))
    .min(1, { error: 'must list at least one interval' })
    .max(12, { error: 'must list at most 12 intervals' }),
});

const riskGroupSchema = z.union(
  [
    z.enum(NAMED_GROUPS),
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9]{0,7}$/, { error: 'must be 1–8 lower-case letters or digits' }),
      label: z.string().min(1).max(24),
      sites: z.array(z.enum(SITES)).optional(),
      histologies: z.array(z.enum(HISTOLOGIES)).optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.input === undefined || typeof issue.input === 'string'
        ? `must be one of ${NAMED_GROUPS.map((g) => `'${g}'`).join(', ')} or { id, label, sites, histologies } (grade is not yet a risk factor of the model)`
        : undefined,
  },
);

const OTHERS = ['chestCt', 'nothing'] as const;

const searchSchema = z
  .strictObject({
    screenPatients: z.int().min(100, { error: 'must be ≥ 100' }).max(10_000_000).default(1_000),
    growth: z.number().min(2, { error: 'must be ≥ 2' }).max(16, { error: 'must be ≤ 16' }).default(4),
    finalPatients: z.int().min(1_000, { error: 'must be ≥ 1,000' }).max(100_000_000).default(200_000),
    budgetPatients: z.int().min(1_000, { error: 'must be ≥ 1,000' }).max(1e12).default(20_000_000),
    keepWithinMcse: z.number().min(0, { error: 'must be ≥ 0' }).max(10, { error: 'must be ≤ 10' }).default(3),
    /** Current leaders run beside the comparator in every batch of a stage after the first, for exact paired differences. */
    leadersPerRun: z
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be ≥ 0' })
      .max(MAX_LEADERS_PER_RUN, { error: `must be ≤ ${MAX_LEADERS_PER_RUN}` })
      .default(3),
    thresholds: z
      .strictObject({
        min: z.number().min(0, { error: 'must be ≥ 0' }),
        max: z.number().positive({ error: 'must be > 0' }).max(10_000_000),
        step: z.number().positive({ error: 'must be > 0' }),
      })
      .refine((t) => t.max > t.min, { error: 'max must be greater than min', path: ['max'] })
      .refine((t) => (t.max - t.min) / t.step <= 1_000, { error: 'at most 1,000 thresholds', path: ['step'] })
      .default({ min: 0, max: 300_000, step: 5_000 }),
  })
  .default({
    screenPatients: 1_000,
    growth: 4,
    finalPatients: 200_000,
    budgetPatients: 20_000_000,
    keepWithinMcse: 3,
    leadersPerRun: 3,
    thresholds: { min: 0, max: 300_000, step: 5_000 },
  });

export const policySpaceSchema = z
  .strictObject({
    description: z.string().max(400).optional(),
    /** The strategy every candidate is compared with (and run beside, for common random numbers). */
    comparator: strategyChoiceSchema.default('chest-only'),
    /** Scenario settings other than strategies, patients and seed (horizon, parameters, discounting…). */
    scenario: z.record(z.string(), z.unknown()).default({}),
    modalities: z
      .array(z.enum(MODALITIES, { error: `must be one of ${MODALITIES.join(', ')}` }))
      .min(1, { error: 'must list at least one modality' }),
    periods: z.array(periodSchema).min(1, { error: 'must list at least one period' }).max(6),
    durationsYears: z.array(positiveYears).min(1, { error: 'must list at least one duration' }),
    riskGroups: z.array(riskGroupSchema).min(1, { error: 'must list at least one risk group' }),
    othersGet: z
      .array(z.enum(OTHERS, { error: "must be 'chestCt' (chest CT on the same timing) or 'nothing'" }))
      .min(1, { error: "must list 'chestCt', 'nothing' or both" }),
    search: searchSchema,
  })
  .superRefine((space, ctx) => {
    space.periods.forEach((p, i) => {
      const previousEnd = i === 0 ? 0 : (space.periods[i - 1]?.toYear ?? 0);
      if (p.fromYear !== previousEnd) {
        ctx.addIssue({
          code: 'custom',
          path: ['periods', i, 'fromYear'],
          input: p.fromYear,
          message: `must be ${previousEnd} (periods start at year 0 and follow one another without gaps)`,
        });
      }
      if (p.toYear <= p.fromYear) {
        ctx.addIssue({
          code: 'custom',
          path: ['periods', i, 'toYear'],
          input: p.toYear,
          message: 'must be greater than fromYear',
        });
      }
    });
    const end = space.periods.at(-1)?.toYear ?? 0;
    space.durationsYears.forEach((d, i) => {
      if (d > end) {
        ctx.addIssue({
          code: 'custom',
          path: ['durationsYears', i],
          input: d,
          message: `must be ≤ ${end}, the end of the last period`,
        });
      }
    });
    const ids = space.riskGroups.map((g) => (typeof g === 'string' ? g : g.id));
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['riskGroups', i], input: id, message: 'risk group ids must be unique' });
      }
    });
  });

export type PolicySpaceInput = z.input<typeof policySpaceSchema>;
export type PolicySpace = z.output<typeof policySpaceSchema>;
export type SearchSettings = PolicySpace['search'];

/** The factor levels one candidate was built from. */
export interface CandidateFactors {
  readonly modality: Modality;
  /** Interval (months) in each period that starts before the duration ends. */
  readonly intervalsMonths: readonly number[];
  readonly durationYears: number;
  readonly riskGroup: string;
  readonly othersGet: (typeof OTHERS)[number];
}

export interface Candidate {
  readonly strategy: SurveillanceStrategy;
  readonly factors: CandidateFactors;
}

export interface CandidateSet {
  readonly space: PolicySpace;
  /** The base scenario (strategies: the comparator alone; patients and seed set per run). */
  readonly scenario: SarcomaScenario;
  readonly comparator: SurveillanceStrategy;
  readonly candidates: readonly Candidate[];
  /** Level combinations that gave a schedule already in the set (e.g. the risk group 'all' with either othersGet). */
  readonly duplicates: number;
}

/**
 * Runs that hold `candidates` candidates beside the comparator, 11 in each; with `leaders`
 * of them in every run (leaders ≤ candidates), 11 − leaders new candidates in each.
 */
export const runsFor = (candidates: number, leaders = 0) =>
  Math.ceil((candidates - leaders) / (CANDIDATES_PER_RUN - leaders));
/**
 * Patient histories simulated (patients × strategies of every run: the comparator and the
 * leaders once per run) when running `candidates` at `patients`.
 */
export const historiesFor = (candidates: number, patients: number, leaders = 0) =>
  patients * (candidates - leaders + runsFor(candidates, leaders) * (1 + leaders));

/** The factor names and their levels as text, for frequency tables and CSV columns. */
export const FACTOR_NAMES = ['modality', 'intervalsMonths', 'durationYears', 'riskGroup', 'othersGet'] as const;

export function factorLevel(factors: CandidateFactors, name: (typeof FACTOR_NAMES)[number]): string {
  const value = factors[name];
  return Array.isArray(value) ? value.join('/') : String(value);
}

function cartesian<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

function scheduleOf(
  periods: PolicySpace['periods'],
  intervals: readonly number[],
  duration: number,
  modality: Modality,
): ScheduleSegment[] {
  return intervals.map((intervalMonths, i) => {
    const p = periods[i] as PolicySpace['periods'][number];
    return {
      fromMonths: p.fromYear * 12,
      toMonths: Math.min(p.toYear, duration) * 12,
      intervalMonths,
      modality,
    };
  });
}

const idNumber = (x: number) => String(x).replace('.', 'p');

/** The candidates of a validated space, before the scenario checks them. */
function enumerate(space: PolicySpace): { candidates: Candidate[]; duplicates: number } {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  let duplicates = 0;
  for (const duration of space.durationsYears) {
    const active = space.periods.filter((p) => p.fromYear < duration);
    for (const intervals of cartesian(active.map((p) => p.intervalsMonths))) {
      for (const modality of space.modalities) {
        for (const group of space.riskGroups) {
          for (const others of space.othersGet) {
            const schedule = scheduleOf(space.periods, intervals, duration, modality);
            const otherwise = others === 'chestCt' ? scheduleOf(space.periods, intervals, duration, 'chestCt') : [];
            const eligibility: Eligibility =
              typeof group === 'string'
                ? group
                : {
                    ...(group.sites === undefined ? {} : { sites: group.sites }),
                    ...(group.histologies === undefined ? {} : { histologies: group.histologies }),
                  };
            // The same policy written twice: everyone eligible (what others get does not
            // matter), or the eligible get what others get (eligibility does not matter).
            const same = JSON.stringify(schedule) === JSON.stringify(otherwise);
            const key = JSON.stringify(group === 'all' || same ? { schedule } : { eligibility, schedule, otherwise });
            if (seen.has(key)) {
              duplicates += 1;
              continue;
            }
            seen.add(key);
            const groupId = typeof group === 'string' ? GROUP_CODES[group] : group.id;
            const groupLabel = typeof group === 'string' ? GROUP_LABELS[group] : group.label;
            const timing = intervals.map(idNumber).join('-');
            let id = `${MODALITY_CODES[modality]}-${timing}-y${idNumber(duration)}-${groupId}-${others === 'chestCt' ? 'chest' : 'none'}`;
            if (id.length > 41) id = `cand-${candidates.length + 1}`;
            const label =
              `${MODALITY_SHORT[modality]} q${intervals.join('/')} mo to ${duration} y, ${groupLabel}` +
              (group === 'all' ? '' : others === 'chestCt' ? '; others chest CT' : '; others none');
            candidates.push({
              strategy: { id, label: label.slice(0, 80), eligibility, schedule, otherwise },
              factors: {
                modality,
                intervalsMonths: intervals,
                durationYears: duration,
                riskGroup: groupId,
                othersGet: others,
              },
            });
          }
        }
      }
    }
  }
  return { candidates, duplicates };
}

/**
 * Validates a policy space and lists its candidates; throws ScenarioError naming every
 * problem (paths as `periods[1].intervalsMonths[0]`, a candidate the scenario refuses by its id).
 */
export function candidateSet(input: unknown): CandidateSet {
  const parsed = policySpaceSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues));
  const space = parsed.data;
  const { candidates, duplicates } = enumerate(space);
  if (candidates.length > MAX_CANDIDATES) {
    throw new ScenarioError([
      `(space): got ${candidates.length.toLocaleString('en-US')} candidates, must produce at most ${MAX_CANDIDATES.toLocaleString('en-US')}: list fewer levels`,
    ]);
  }
  const screenCost = historiesFor(candidates.length, space.search.screenPatients);
  if (screenCost > space.search.budgetPatients) {
    throw new ScenarioError([
      `search.budgetPatients: got ${space.search.budgetPatients.toLocaleString('en-US')}, must be at least ${screenCost.toLocaleString('en-US')}: screening ${candidates.length} candidates (and the comparator in each of ${runsFor(candidates.length)} runs) at ${space.search.screenPatients.toLocaleString('en-US')} patients`,
    ]);
  }
  const prefix = (e: unknown, where: string) => {
    if (e instanceof ScenarioError) throw new ScenarioError(e.problems.map((p) => `${where}: ${p}`));
    throw e;
  };
  const base = { ...space.scenario, model: 'sarcoma', strategies: [space.comparator] };
  for (const key of ['strategies', 'patients', 'seed']) {
    if (key in space.scenario) {
      throw new ScenarioError([
        `scenario.${key}: must not be set (the exploration chooses strategies, patients and seed)`,
      ]);
    }
  }
  let scenario: SarcomaScenario;
  try {
    scenario = parseScenario(base) as SarcomaScenario;
  } catch (e) {
    return prefix(e, 'scenario');
  }
  const comparatorStrategy = resolveStrategy(scenario.strategies[0] as (typeof scenario.strategies)[number]);
  if (candidates.some((c) => c.strategy.id === comparatorStrategy.id)) {
    throw new ScenarioError([`comparator: id '${comparatorStrategy.id}' is also a candidate's id; choose another id`]);
  }
  // Every candidate must be a strategy the scenario accepts (schedule limits, horizon).
  for (let i = 0; i < candidates.length; i += CANDIDATES_PER_RUN) {
    const chunk = candidates.slice(i, i + CANDIDATES_PER_RUN).map((c) => c.strategy);
    try {
      parseScenario({ ...base, strategies: [space.comparator, ...chunk] });
    } catch (e) {
      prefix(e, `candidates ${chunk[0]?.id}…${chunk.at(-1)?.id}`);
    }
  }
  return { space, scenario, comparator: comparatorStrategy, candidates, duplicates };
}

/**
 * The default space: every modality; 3, 4, 6 or 12 months in years 1–2, 6 or 12 in years
 * 3–5, yearly after; 2, 3, 5 or 10 years in all; abdominal imaging for everyone, RP, LMS, RP
 * or LMS, or abdominal and visceral primaries; the others chest CT on the same timing or nothing.
 */
export const DEFAULT_POLICY_SPACE: PolicySpaceInput = {
  description:
    'Modality × interval in years 1–2 and 3–5 × duration × risk group with abdominal imaging × what others get.',
  comparator: 'chest-only',
  modalities: ['contrastCt', 'nonContrastCt', 'liverMri', 'chestCt'],
  periods: [
    { fromYear: 0, toYear: 2, intervalsMonths: [3, 4, 6, 12] },
    { fromYear: 2, toYear: 5, intervalsMonths: [6, 12] },
    { fromYear: 5, toYear: 10, intervalsMonths: [12] },
  ],
  durationsYears: [2, 3, 5, 10],
  riskGroups: [
    'all',
    'retroperitoneal',
    'lms',
    'retroperitonealOrLms',
    { id: 'abdvisc', label: 'RP or visceral', sites: ['retroperitoneal', 'thoracicPeritoneal'] },
  ],
  othersGet: ['chestCt', 'nothing'],
};
