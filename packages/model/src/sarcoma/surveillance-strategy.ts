// Surveillance strategies as data: who is eligible, the imaging schedule they follow, and
// what everyone else gets. The named strategies are the comparisons the model ships with.

import { HISTOLOGIES, type Histology, LMS, SITES, type Site } from '../domain/categories.js';
import { z } from '../engine/zod.js';
import { MODALITIES, type Modality } from '../evidence/records/imaging.js';

export interface ScheduleSegment {
  /** First scan of the segment, months from diagnosis of the primary. */
  readonly fromMonths: number;
  /** Scans continue while the time is before this (months). */
  readonly toMonths: number;
  readonly intervalMonths: number;
  readonly modality: Modality;
}

export type Eligibility =
  | 'all'
  | 'retroperitoneal'
  | 'lms'
  | 'retroperitonealOrLms'
  | { readonly sites?: readonly Site[]; readonly histologies?: readonly Histology[] };

export interface SurveillanceStrategy {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly eligibility: Eligibility;
  /** The schedule of eligible patients. */
  readonly schedule: readonly ScheduleSegment[];
  /** The schedule of everyone else (empty: no scheduled imaging). */
  readonly otherwise: readonly ScheduleSegment[];
  /** Share of scheduled scans that take place; default: the registry's `imaging.adherence.default`. */
  readonly adherence?: number;
}

export function isEligible(eligibility: Eligibility, site: Site, histology: Histology): boolean {
  switch (eligibility) {
    case 'all':
      return true;
    case 'retroperitoneal':
      return site === 'retroperitoneal';
    case 'lms':
      return histology === LMS;
    case 'retroperitonealOrLms':
      return site === 'retroperitoneal' || histology === LMS;
    default:
      return (eligibility.sites ?? []).includes(site) || (eligibility.histologies ?? []).includes(histology);
  }
}

/**
 * 001 recommendation 13.1: every 3–4 months for 2 years, every 6 months to year 5, then
 * yearly; staging at diagnosis, and yearly scans to 10 years (assumption: follow-up ends then).
 */
export function consensusSchedule(modality: Modality): ScheduleSegment[] {
  return [
    { fromMonths: 0, toMonths: 24, intervalMonths: 3, modality },
    { fromMonths: 24, toMonths: 60, intervalMonths: 6, modality },
    { fromMonths: 60, toMonths: 120, intervalMonths: 12, modality },
  ];
}

export const NAMED_STRATEGIES: readonly SurveillanceStrategy[] = [
  {
    id: 'chest-only',
    label: 'Chest CT only',
    description: 'No liver imaging: liver metastases are found by symptoms or incidentally on chest CT.',
    eligibility: 'all',
    schedule: consensusSchedule('chestCt'),
    otherwise: [],
  },
  {
    id: 'noncontrast-ct-all',
    label: 'Non-contrast CT chest+abdomen, all',
    description: 'Guideline-style follow-up (ESMO/NCCN timing, as the consensus schedule) with unenhanced CT.',
    eligibility: 'all',
    schedule: consensusSchedule('nonContrastCt'),
    otherwise: [],
  },
  {
    id: 'contrast-ct-all',
    label: 'Contrast CT chest+abdomen, all',
    description: 'The consensus schedule (001 rec. 13.1) with contrast-enhanced CT for everyone.',
    eligibility: 'all',
    schedule: consensusSchedule('contrastCt'),
    otherwise: [],
  },
  {
    id: 'contrast-ct-rp-lms',
    label: 'Contrast CT for RP or LMS, chest CT for others',
    description: "Okamoto's recommendation (000): contrast CT for retroperitoneal or leiomyosarcoma patients.",
    eligibility: 'retroperitonealOrLms',
    schedule: consensusSchedule('contrastCt'),
    otherwise: consensusSchedule('chestCt'),
  },
  {
    id: 'mri-rp-lms',
    label: 'Liver MRI for RP or LMS, chest CT for others',
    description:
      'Liver MRI (with chest CT) for retroperitoneal or leiomyosarcoma patients (001 rec. 4.2: MRI for lesions < 1 cm).',
    eligibility: 'retroperitonealOrLms',
    schedule: consensusSchedule('liverMri'),
    otherwise: consensusSchedule('chestCt'),
  },
  {
    id: 'registry-practice',
    label: "The registry's practice",
    description:
      'Okamoto (000): no routine abdominal imaging and mostly plain CT. Plain CT chest+abdomen at staging for everyone (NCCN staging, cited in 000), then chest CT; plain CT chest+abdomen throughout for abdominal and visceral primaries (assumption).',
    eligibility: { sites: ['retroperitoneal', 'thoracicPeritoneal'] },
    schedule: consensusSchedule('nonContrastCt'),
    otherwise: [
      { fromMonths: 0, toMonths: 1, intervalMonths: 1, modality: 'nonContrastCt' },
      ...consensusSchedule('chestCt').map((segment, i) => (i === 0 ? { ...segment, fromMonths: 3 } : segment)),
    ],
  },
];

export const DEFAULT_STRATEGY_IDS = [
  'chest-only',
  'noncontrast-ct-all',
  'contrast-ct-all',
  'contrast-ct-rp-lms',
  'mri-rp-lms',
] as const;

const segmentSchema = z
  .strictObject({
    fromMonths: z.number().min(0, { error: 'must be ≥ 0' }),
    toMonths: z.number().positive({ error: 'must be > 0' }),
    intervalMonths: z.number().positive({ error: 'must be > 0' }),
    modality: z.enum(MODALITIES, { error: `must be one of ${MODALITIES.join(', ')}` }),
  })
  .refine((s) => s.toMonths > s.fromMonths, { error: 'toMonths must be greater than fromMonths', path: ['toMonths'] });

const scheduleSchema = z.array(segmentSchema).superRefine((segments, ctx) => {
  for (let i = 1; i < segments.length; i++) {
    const previous = segments[i - 1];
    const current = segments[i];
    if (previous !== undefined && current !== undefined && current.fromMonths < previous.toMonths) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'fromMonths'],
        input: current.fromMonths,
        message: `segments must be in order and not overlap: starts before the previous segment ends (${previous.toMonths})`,
      });
    }
  }
});

export const strategySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { error: 'must be 1–41 lower-case letters, digits or dashes' }),
  label: z.string().min(1).max(80),
  description: z.string().max(400).optional(),
  eligibility: z.union(
    [
      z.enum(['all', 'retroperitoneal', 'lms', 'retroperitonealOrLms']),
      z.strictObject({
        sites: z.array(z.enum(SITES)).optional(),
        histologies: z.array(z.enum(HISTOLOGIES)).optional(),
      }),
    ],
    {
      error: (issue) =>
        issue.input === undefined || typeof issue.input === 'string'
          ? "must be 'all', 'retroperitoneal', 'lms', 'retroperitonealOrLms' or { sites: [...], histologies: [...] }"
          : undefined,
    },
  ),
  schedule: scheduleSchema,
  otherwise: scheduleSchema.default([]),
  adherence: z.number().min(0).max(1).optional(),
});

/** A scenario names shipped strategies by id or defines its own. */
const namedStrategyError = `must be a strategy object or one of ${NAMED_STRATEGIES.map((s) => `'${s.id}'`).join(', ')}`;

export const strategyChoiceSchema = z.union(
  [z.enum(NAMED_STRATEGIES.map((s) => s.id) as [string, ...string[]], { error: namedStrategyError }), strategySchema],
  // A string can only be a name: say which names exist rather than "invalid input".
  { error: (issue) => (typeof issue.input === 'string' ? namedStrategyError : undefined) },
);

export function resolveStrategy(choice: z.output<typeof strategyChoiceSchema>): SurveillanceStrategy {
  if (typeof choice !== 'string') return choice;
  const named = NAMED_STRATEGIES.find((s) => s.id === choice);
  if (named === undefined) throw new RangeError(`unknown strategy '${choice}'`);
  return named;
}
