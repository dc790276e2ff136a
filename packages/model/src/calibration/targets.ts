// Calibration targets: the documents' figures, each with the experiment statistic that
// reproduces it and a likelihood (binomial for counts; normal on the logit or log scale with
// σ from a 95% interval). Where a document gives a figure without an interval, the interval
// used is an assumption stated in `interval`. Nothing else from the documents is a target.

import { HISTOLOGIES, HISTOLOGY_LABELS, LMS, SITE_LABELS, SITES } from '../domain/categories.js';
import { type CurveResult, curveValueAt, type StrategyResult } from '../engine/results.js';
import { TABLE_3, TABLE_4 } from '../evidence/records/okamoto-observations.js';
import { RETROPERITONEAL_LMS, type RegistryCategory, registryCounter } from '../sarcoma/registry-replica.js';
import type { ExperimentResults } from './experiments.js';

export type Likelihood =
  | { readonly kind: 'binomial'; readonly events: number; readonly total: number }
  | { readonly kind: 'logit'; readonly value: number; readonly low: number; readonly high: number }
  | { readonly kind: 'log'; readonly value: number; readonly low: number; readonly high: number };

export interface Target {
  readonly id: string;
  /** Which of the target groups (1–7) it belongs to. */
  readonly group: number;
  readonly label: string;
  /** Evidence record(s) or document place the figure comes from. */
  readonly source: string;
  readonly unit: 'proportion' | 'months';
  readonly likelihood: Likelihood;
  /** How the interval was obtained when the document gives none. */
  readonly interval?: string;
  readonly weight: number;
  readonly simulated: (results: ExperimentResults) => number;
}

const MONTHS_PER_YEAR = 12;

function ratio(result: StrategyResult, numerator: string, denominator: string): number {
  const n = result.counters[denominator]?.total ?? 0;
  return n > 0 ? (result.counters[numerator]?.total ?? 0) / n : Number.NaN;
}

/** Median time to the curve's events, in months, interpolated within the grid interval. */
export function medianMonths(curve: CurveResult | undefined): number {
  if (curve === undefined) return Number.NaN;
  let previousTime = 0;
  let previous = 1;
  for (let i = 0; i < curve.timesYears.length; i++) {
    const time = curve.timesYears[i] as number;
    const value = curve.eventFree[i] as number;
    if (value <= 0.5) {
      const fraction = previous === value ? 1 : (previous - 0.5) / (previous - value);
      return (previousTime + fraction * (time - previousTime)) * MONTHS_PER_YEAR;
    }
    previousTime = time;
    previous = value;
  }
  return Number.NaN;
}

/** Event-free share, and a cause's cumulative incidence, at `years` (also used by external-validation.ts). */
export const survivalAt = (curve: CurveResult | undefined, years: number) =>
  curveValueAt(curve, (c) => c.eventFree, years, 1);
export const incidenceAt = (curve: CurveResult | undefined, cause: string, years: number) =>
  curveValueAt(curve, (c) => c.cumulativeIncidence[cause], years, 0);

/**
 * Okamoto's cumulative counts at presentation ⊂ as first metastasis ⊂ by last follow-up, as
 * three conditional binomials: at presentation among all; as first metastasis among those not
 * found at presentation; after another metastasis among those not found as first metastasis.
 * Their product is the multinomial over the four categories, so each patient enters once per
 * table.
 */
const CATEGORY_STEPS: readonly {
  readonly category: RegistryCategory;
  readonly label: string;
  /** Categories already excluded from the denominator. */
  readonly before: readonly RegistryCategory[];
}[] = [
  { category: 'atPresentation', label: 'at presentation', before: [] },
  {
    category: 'asFirstMetastasis',
    label: 'later, as first distant metastasis (among those without at presentation)',
    before: ['atPresentation'],
  },
  {
    category: 'afterOtherMetastasis',
    label: 'after other metastases, by last follow-up (among those not found as first metastasis)',
    before: ['atPresentation', 'asFirstMetastasis'],
  },
];

/** Share of the replica's patients in some groups, pooled, falling in a category among those not in `before`. */
function pooledCategoryShare(
  r: ExperimentResults,
  category: RegistryCategory,
  before: readonly RegistryCategory[],
  groups: readonly string[],
): number {
  let events = 0;
  let total = 0;
  const count = (name: string) => r.registry.counters[name]?.total ?? 0;
  for (const group of groups) {
    events += count(registryCounter.category(category, group));
    total += count(registryCounter.patients(group));
    for (const c of before) total -= count(registryCounter.category(c, group));
  }
  return total > 0 ? events / total : Number.NaN;
}

/**
 * The site table and the histology table describe the same 658 patients, so each enters the
 * objective at half weight: together they count every patient once.
 */
const TABLE_WEIGHT = 0.5;
/** Where a document gives a figure without an interval, the assumed interval counts half. */
const ASSUMED_INTERVAL_WEIGHT = 0.5;

/** The three conditional targets for a row of Table 3 or 4 against the replica's pooled groups. */
function countTargets(
  group: number,
  idPrefix: string,
  label: string,
  source: string,
  replicaGroups: readonly string[],
  counts: readonly number[],
  total: number,
): Target[] {
  const [presentation = 0, first = 0, last = 0] = counts;
  if (!(presentation <= first && first <= last && last <= total)) {
    throw new Error(`calibration: ${idPrefix} counts are not nested (${counts.join(', ')} of ${total})`);
  }
  const events = [presentation, first - presentation, last - first];
  const denominators = [total, total - presentation, total - first];
  return CATEGORY_STEPS.map((step, k) => ({
    id: `${idPrefix}.${step.category}`,
    group,
    label: `Liver metastases ${step.label}: ${label}`,
    source,
    unit: 'proportion' as const,
    likelihood: { kind: 'binomial' as const, events: events[k] ?? 0, total: denominators[k] ?? 0 },
    weight: TABLE_WEIGHT,
    simulated: (r: ExperimentResults) => pooledCategoryShare(r, step.category, step.before, replicaGroups),
  }));
}

/** By site (000 Table 3); LMS against all other histologies pooled (000 Table 4); RP-LMS (000 Results). */
function registryCountTargets(): Target[] {
  const others = HISTOLOGIES.filter((h) => h !== LMS);
  const lms = TABLE_4[LMS];
  return [
    ...SITES.flatMap((site) =>
      countTargets(
        1,
        `okamoto.site.${site}`,
        SITE_LABELS[site],
        `000 Table 3, ${SITE_LABELS[site]}`,
        [`site.${site}`],
        TABLE_3[site].counts,
        TABLE_3[site].n,
      ),
    ),
    ...countTargets(
      2,
      'okamoto.histology.lms',
      HISTOLOGY_LABELS[LMS],
      '000 Table 4, Smooth muscle tumors',
      [`histology.${LMS}`],
      lms.counts,
      lms.n,
    ),
    ...countTargets(
      2,
      'okamoto.histology.notLms',
      'all other histologies',
      '000 Table 4, all rows but smooth muscle tumors',
      others.map((h) => `histology.${h}`),
      [0, 1, 2].map((t) => others.reduce((sum, h) => sum + (TABLE_4[h].counts[t] ?? 0), 0)),
      others.reduce((sum, h) => sum + TABLE_4[h].n, 0),
    ),
    {
      id: 'okamoto.retroperitonealLms.lastFollowUp',
      group: 2,
      label: 'Liver metastases by last follow-up: retroperitoneal leiomyosarcoma',
      source: '000 Results: eight of 16 retroperitoneal leiomyosarcomas',
      unit: 'proportion',
      likelihood: { kind: 'binomial', events: 8, total: 16 },
      // These 16 patients are in both tables already (at half weight each).
      weight: 1 / 3,
      simulated: (r) =>
        ratio(
          r.registry,
          registryCounter.detected('lastFollowUp', RETROPERITONEAL_LMS),
          registryCounter.patients(RETROPERITONEAL_LMS),
        ),
    },
  ];
}

const FOLLOW_UP_MONTHS = 35;

/** Share of a curve's individuals still at risk (alive and observed) at `years`. */
function underObservationAt(curve: CurveResult | undefined, years: number): number {
  if (curve === undefined || curve.individuals === 0) return Number.NaN;
  const index = curve.timesYears.findIndex((t) => t >= years);
  return index < 0 ? 0 : (curve.atRisk[index] ?? 0) / curve.individuals;
}

const TARGETS_WITHOUT_WEIGHTING: readonly Target[] = [
  ...registryCountTargets(),
  {
    id: 'okamoto.followUp.median',
    group: 3,
    label: `Registry follow-up: still observed at ${FOLLOW_UP_MONTHS} months (the median)`,
    source: '000 Results: median follow-up 35.0 months (range 0–135)',
    unit: 'proportion',
    likelihood: { kind: 'binomial', events: 329, total: 658 },
    weight: 1,
    simulated: (r) => underObservationAt(r.registry.curves.survival, FOLLOW_UP_MONTHS / MONTHS_PER_YEAR),
  },
  {
    id: 'okamoto.os.2y',
    group: 3,
    label: 'Overall survival at 2 years',
    source: '000 Results: 80.3% (77.2–83.4)',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.803, low: 0.772, high: 0.834 },
    weight: 1,
    simulated: (r) => survivalAt(r.registry.curves.survival, 2),
  },
  {
    id: 'okamoto.os.5y',
    group: 3,
    label: 'Overall survival at 5 years',
    source: '000 Results: 70.0% (66.1–74.0)',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.7, low: 0.661, high: 0.74 },
    weight: 1,
    simulated: (r) => survivalAt(r.registry.curves.survival, 5),
  },
  {
    id: 'okamoto.osAfterLivermet.1y',
    group: 4,
    label: 'Survival 1 year after liver metastasis',
    source: '000 Results: 36.1% (18.7–53.6)',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.361, low: 0.187, high: 0.536 },
    weight: 1,
    simulated: (r) => survivalAt(r.registry.curves.survivalFromDetection, 1),
  },
  {
    id: 'okamoto.osAfterLivermet.2y',
    group: 4,
    label: 'Survival 2 years after liver metastasis',
    source: '000 Results: 21.7% (5.0–38.4)',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.217, low: 0.05, high: 0.384 },
    weight: 1,
    simulated: (r) => survivalAt(r.registry.curves.survivalFromDetection, 2),
  },
  {
    id: 'delisle.liver.medianOs',
    group: 5,
    label: 'LMS liver metastasectomy: median overall survival',
    source: '002 pooled: 34.8 months (22.3–47.2)',
    unit: 'months',
    likelihood: { kind: 'log', value: 34.8, low: 22.3, high: 47.2 },
    weight: 1,
    simulated: (r) => medianMonths(r.lmsFollowed.curves.survivalFromResection),
  },
  {
    id: 'delisle.liver.dfs5y',
    group: 5,
    label: 'LMS liver metastasectomy: disease-free survival at 5 years',
    source: '002 Discussion: 22%',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.22, low: 0.12, high: 0.36 },
    interval: 'assumed 12–36%: the review pools few small series',
    weight: 1,
    simulated: (r) => survivalAt(r.lmsFollowed.curves.diseaseFreeFromResection, 5),
  },
  {
    id: 'delisle.liver.medianDfs',
    group: 5,
    label: 'LMS liver metastasectomy: median disease-free survival',
    source: '002 Discussion: 13–16 months',
    unit: 'months',
    likelihood: { kind: 'log', value: 14.5, low: 10, high: 21 },
    interval: 'assumed 10–21 months around the reported 13–16 (between-study range, not a CI)',
    weight: 1,
    simulated: (r) => medianMonths(r.lmsFollowed.curves.diseaseFreeFromResection),
  },
  {
    id: 'mizoshiri.metastasisWithin1y',
    group: 6,
    label: 'Extremity/trunk LMS: share of metastases within 1 year',
    source: '004 Discussion: 61%',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.61, low: 0.45, high: 0.75 },
    interval: 'assumed 45–75% (series of about 30–40 patients)',
    weight: 1,
    simulated: (r) => {
      const curve = r.lmsExtremityTrunk.curves.firstMetastasisFound;
      return incidenceAt(curve, 'found', 1) / incidenceAt(curve, 'found', 20);
    },
  },
  {
    id: 'mizoshiri.metastasisWithin3y',
    group: 6,
    label: 'Extremity/trunk LMS: share of metastases within 3 years',
    source: '004 Discussion: 87%',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.87, low: 0.74, high: 0.94 },
    interval: 'assumed 74–94%',
    weight: 1,
    simulated: (r) => {
      const curve = r.lmsExtremityTrunk.curves.firstMetastasisFound;
      return incidenceAt(curve, 'found', 3) / incidenceAt(curve, 'found', 20);
    },
  },
  {
    id: 'mizoshiri.livermets.multiple',
    group: 6,
    label: 'Liver metastases of intra-abdominal STS: multiple',
    source: '004 Discussion: 89% ("all of these patients had intra-abdominal soft-tissue sarcomas")',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.89, low: 0.78, high: 0.95 },
    interval: 'assumed 78–95%',
    weight: 1,
    simulated: (r) => ratio(r.abdominalFollowed, 'multipleAtFirstDetection', 'firstDetections'),
  },
  {
    id: 'mizoshiri.livermets.bilobar',
    group: 6,
    label: 'Liver metastases of intra-abdominal STS: bilobar',
    source: '004 Discussion: 74% (intra-abdominal primaries)',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.74, low: 0.6, high: 0.85 },
    interval: 'assumed 60–85%',
    weight: 1,
    simulated: (r) => ratio(r.abdominalFollowed, 'bilobarAtFirstDetection', 'firstDetections'),
  },
  {
    id: 'mizoshiri.untreated.medianOs',
    group: 7,
    label: 'LMS liver metastasis without local therapy: median overall survival',
    source: '004 Discussion: about 14 months',
    unit: 'months',
    likelihood: { kind: 'log', value: 14, low: 9, high: 22 },
    interval: 'assumed 9–22 months ("approximately 14")',
    weight: 1,
    simulated: (r) => medianMonths(r.lmsUnresected.curves.survivalFromDetection),
  },
  {
    id: 'mizoshiri.untreated.os5y',
    group: 7,
    label: 'LMS liver metastasis without resection: 5-year overall survival',
    source: '004 Discussion: 4%',
    unit: 'proportion',
    likelihood: { kind: 'logit', value: 0.04, low: 0.01, high: 0.12 },
    interval: 'assumed 1–12%',
    weight: 1,
    simulated: (r) => survivalAt(r.lmsUnresected.curves.survivalFromDetection, 5),
  },
];

export const TARGETS: readonly Target[] = TARGETS_WITHOUT_WEIGHTING.map((t) =>
  t.interval === undefined ? t : { ...t, weight: t.weight * ASSUMED_INTERVAL_WEIGHT },
);

/** The observed value and its 95% interval (the binomial's Wilson interval for counts). */
export function observedInterval(likelihood: Likelihood): { value: number; low: number; high: number } {
  if (likelihood.kind !== 'binomial') return { value: likelihood.value, low: likelihood.low, high: likelihood.high };
  const { events, total } = likelihood;
  const p = events / total;
  const z = 1.959964;
  const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
  const half = (z / (1 + (z * z) / total)) * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const Z95 = 1.959964;
const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

/**
 * Negative log-likelihood of a simulated value, 0 at a perfect fit: the binomial deviance / 2
 * for counts, z²/2 on the logit or log scale otherwise. A missing value (NaN) costs as much as
 * being 10 σ away, so the optimiser steers away from parameters that produce none.
 */
export function negativeLogLikelihood(likelihood: Likelihood, simulated: number): number {
  if (!Number.isFinite(simulated)) return 50;
  switch (likelihood.kind) {
    case 'binomial': {
      const { events, total } = likelihood;
      const p = clamp(simulated);
      const observed = events / total;
      const term = (k: number, q: number, o: number) => (k === 0 ? 0 : k * Math.log(o / q));
      return term(events, p, observed) + term(total - events, 1 - p, 1 - observed);
    }
    case 'logit': {
      const sigma = (logit(likelihood.high) - logit(likelihood.low)) / (2 * Z95);
      const z = (logit(clamp(simulated)) - logit(likelihood.value)) / sigma;
      return (z * z) / 2;
    }
    case 'log': {
      const sigma = (Math.log(likelihood.high) - Math.log(likelihood.low)) / (2 * Z95);
      const z = (Math.log(Math.max(simulated, 1e-9)) - Math.log(likelihood.value)) / sigma;
      return (z * z) / 2;
    }
  }
}
