// The simulated patient: primary-tumour attributes drawn at entry, and the liver disease
// and treatment history the model updates as the patient's history unfolds.
import type { Uniform } from '../engine/random-streams.js';
import type { ParameterValues } from '../evidence/registry.js';
import { HISTOLOGIES, type Histology, type Sex, SITES, type Site } from './categories.js';

export interface Patient {
  readonly site: Site;
  readonly histology: Histology;
  readonly ageAtEntry: number;
  readonly sex: Sex;
  /** Age of liver disease already present at entry (years), or NaN. */
  readonly synchronousAgeYears: number;
  /** End of observation (registry replica only; Infinity otherwise). */
  readonly followUpYears: number;

  /** Current liver-disease episode (first onset 1, each recurrence +1; 0 before any). */
  episode: number;
  /** When the current episode began, in years since entry (negative if before entry). */
  episodeOnset: number;
  /** Onset time and lobe (0 or 1) of each lesion of the current episode. */
  readonly lesionOnsets: number[];
  readonly lesionLobes: number[];
  /** The current episode has been detected. */
  detected: boolean;
  /** Liver disease has been detected at least once (the patient has left surveillance). */
  everDetected: boolean;
  extrahepatic: boolean;
  /** Extrahepatic disease is limited lung disease (decided when it appears). */
  limitedLung: boolean;
  /** Responding to systemic therapy: lowers the liver-disease death hazard. */
  systemicResponder: boolean;
  /** Recurrence hazard ratio after the last local treatment (R1 resection, ablation). */
  recurrenceHazardRatio: number;
  /** Time of the last resection or ablation (NaN if none), for the treatment-free interval. */
  lastLocalTreatment: number;
  localTreatments: number;
}

export interface CohortSampler {
  readonly cells: readonly { readonly site: Site; readonly histology: Histology; readonly cumulative: number }[];
  readonly ageMedian: number;
  readonly ageSd: number;
  readonly maleShare: number;
  readonly synchronousProbability: (site: Site, histology: Histology) => number;
  readonly synchronousMaxAgeYears: number;
}

const AGE_MIN = 1; // 000: range 1–96
const AGE_MAX = 96;

export function cohortSampler(
  parameters: ParameterValues,
  onsetHazardRatio: (site: Site, histology: Histology) => number,
): CohortSampler {
  const weights = SITES.flatMap((site) =>
    HISTOLOGIES.map((histology) => ({ site, histology, weight: parameters.get(`cohort.mix.${site}.${histology}`) })),
  );
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (!(total > 0)) throw new RangeError('cohort mix: the shares (cohort.mix.*) must not all be 0');
  let running = 0;
  const cells = weights
    .filter((w) => w.weight > 0)
    .map((w) => {
      running += w.weight / total;
      return { site: w.site, histology: w.histology, cumulative: running };
    });
  const baseSynchronous = parameters.get('nh.livermet.synchronousProbability');
  return {
    cells,
    ageMedian: parameters.get('cohort.age.median'),
    ageSd: parameters.get('cohort.age.sd'),
    maleShare: parameters.get('cohort.male'),
    // Risk scales with the onset hazard ratios, capped below certainty.
    synchronousProbability: (site, histology) => Math.min(0.95, baseSynchronous * onsetHazardRatio(site, histology)),
    synchronousMaxAgeYears: parameters.get('nh.livermet.synchronousMaxAgeYears'),
  };
}

/** Standard normal by Box–Muller (one of the pair; two uniforms). */
function standardNormal(u: Uniform): number {
  const radius = Math.sqrt(-2 * Math.log(1 - u()));
  return radius * Math.cos(2 * Math.PI * u());
}

/** Resets the patient's liver disease to a new episode whose first lesion began at `onset`. */
export function beginEpisode(patient: Patient, onset: number): void {
  patient.episode += 1;
  patient.episodeOnset = onset;
  patient.lesionOnsets.length = 0;
  patient.lesionLobes.length = 0;
  patient.lesionOnsets.push(onset);
  patient.lesionLobes.push(0);
  patient.detected = false;
  patient.systemicResponder = false;
}

/** Staggered accrual and loss to follow-up, for replicating a registry's censored follow-up. */
export interface FollowUpSampler {
  readonly accrualYears: number;
  readonly lossToFollowUpPerYear: number;
}

export function samplePatient(sampler: CohortSampler, u: Uniform, followUp?: FollowUpSampler): Patient {
  const pick = u();
  const last = sampler.cells[sampler.cells.length - 1];
  const cell = sampler.cells.find((c) => pick < c.cumulative) ?? last;
  if (cell === undefined) throw new Error('cohort mix is empty');
  // Truncated normal by rejection; the truncation removes < 1% of the mass at the defaults.
  let age = sampler.ageMedian + sampler.ageSd * standardNormal(u);
  while (age < AGE_MIN || age > AGE_MAX) age = sampler.ageMedian + sampler.ageSd * standardNormal(u);
  const sex: Sex = u() < sampler.maleShare ? 'male' : 'female';
  const synchronous = u() < sampler.synchronousProbability(cell.site, cell.histology);
  const synchronousAgeYears = synchronous ? u() * sampler.synchronousMaxAgeYears : Number.NaN;
  let followUpYears = Infinity;
  if (followUp !== undefined) {
    const untilAnalysis = u() * followUp.accrualYears;
    const untilLost =
      followUp.lossToFollowUpPerYear > 0 ? -Math.log(1 - u()) / followUp.lossToFollowUpPerYear : Infinity;
    followUpYears = Math.min(untilAnalysis, untilLost);
  }
  const patient: Patient = {
    site: cell.site,
    histology: cell.histology,
    ageAtEntry: age,
    sex,
    synchronousAgeYears,
    followUpYears,
    episode: 0,
    episodeOnset: Number.NaN,
    lesionOnsets: [],
    lesionLobes: [],
    detected: false,
    everDetected: false,
    extrahepatic: false,
    limitedLung: false,
    systemicResponder: false,
    recurrenceHazardRatio: 1,
    lastLocalTreatment: Number.NaN,
    localTreatments: 0,
  };
  // Disease present at entry began before it, so its hazards start part-way along.
  if (synchronous) beginEpisode(patient, -synchronousAgeYears);
  return patient;
}
