// The simulated patient: primary-tumour attributes drawn at entry (site, histology, grade,
// a latent metastatic propensity, the speed of growth of any liver disease), and the liver,
// extrahepatic and local disease and treatment history the model updates as it unfolds.

import { type Grade, HISTOLOGIES, type Histology, type Sex, SITES, type Site } from '../domain/categories.js';
import { exponentialWait, standardNormal } from '../engine/draws.js';
import type { Uniform } from '../engine/random-streams.js';
import type { ParameterValues } from '../evidence/registry.js';
import type { GrowthModel } from './liver-burden.js';

export interface Patient {
  readonly site: Site;
  readonly histology: Histology;
  readonly grade: Grade;
  readonly ageAtEntry: number;
  readonly sex: Sex;
  /**
   * Latent metastatic propensity (mean 1): multiplies both the liver and the extrahepatic
   * onset hazards, so the two kinds of metastasis are correlated within a patient.
   */
  readonly propensity: number;
  /** This patient's liver-lesion growth (the doubling time varies between patients). */
  readonly growth: GrowthModel;
  /** Age of liver disease already present at entry (years), or NaN: synchronous by biology. */
  readonly synchronousAgeYears: number;
  /** Extrahepatic (mostly lung) metastasis already present at diagnosis of the primary. */
  readonly extrahepaticAtEntry: boolean;
  /** Uniform compared with the fitness for surgery at each decision (drawn once: fitness is the patient's). */
  readonly fitnessDraw: number;
  /**
   * Liver disease present at entry that a staging contrast CT at diagnosis would have shown
   * (decided once at entry from the natural stream; the staging rule's synchronous disease).
   */
  visibleAtDiagnosis: boolean;
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
  /** Liver disease ever resected (for the share of detected patients ever resected). */
  everResected: boolean;
  extrahepatic: boolean;
  /** Extrahepatic disease has been found (by chest imaging, staging or symptoms). */
  extrahepaticDetected: boolean;
  /** Extrahepatic disease is limited lung disease (decided when it appears). */
  limitedLung: boolean;
  /** Extrahepatic death hazard ratio after treatment of the extrahepatic disease (1 untreated). */
  extrahepaticDeathHazardRatio: number;
  /** Limited lung disease has been resected (once: it is not resected again with a later liver resection). */
  lungResected: boolean;
  /** The primary has recurred locally (it can then kill: local-recurrence death). */
  localRecurrence: boolean;
  /** Responding to systemic therapy: lowers the liver-disease death hazard. */
  systemicResponder: boolean;
  /** Recurrence hazard ratio after the last local treatment (burden, DFI, margin). */
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
  readonly highGradeShare: (histology: Histology) => number;
  /** Hazard ratio of liver onset (site × histology × grade), which also scales synchronous disease. */
  readonly onsetHazardRatio: (site: Site, histology: Histology, grade: Grade) => number;
  readonly synchronousProbability: number;
  readonly synchronousMaxAgeYears: number;
  /** Extrahepatic-onset hazard ratio (site × histology × grade), which also scales its presence at entry. */
  readonly extrahepaticHazardRatio: (site: Site, histology: Histology, grade: Grade) => number;
  readonly synchronousExtrahepaticProbability: number;
  /** Standard deviation of log propensity (0: no shared propensity). */
  readonly propensitySdLog: number;
  /** Growth of the median patient's lesions. */
  readonly growth: GrowthModel;
  /** Standard deviation of the log doubling time between patients. */
  readonly growthSdLog: number;
}

const AGE_MIN = 1; // 000: range 1–96
const AGE_MAX = 96;

export function cohortSampler(
  parameters: ParameterValues,
  onsetHazardRatio: CohortSampler['onsetHazardRatio'],
  extrahepaticHazardRatio: CohortSampler['extrahepaticHazardRatio'],
  growth: GrowthModel,
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
  const highGrade = Object.fromEntries(HISTOLOGIES.map((h) => [h, parameters.get(`nh.grade.highShare.${h}`)]));
  return {
    cells,
    ageMedian: parameters.get('cohort.age.median'),
    ageSd: parameters.get('cohort.age.sd'),
    maleShare: parameters.get('cohort.male'),
    highGradeShare: (histology) => highGrade[histology] ?? 0,
    onsetHazardRatio,
    synchronousProbability: parameters.get('nh.livermet.synchronousProbability'),
    synchronousMaxAgeYears: parameters.get('nh.livermet.synchronousMaxAgeYears'),
    extrahepaticHazardRatio,
    synchronousExtrahepaticProbability: parameters.get('nh.extrahepatic.synchronousProbability'),
    propensitySdLog: parameters.get('nh.metastasis.propensitySdLog'),
    growth,
    growthSdLog: parameters.get('nh.livermet.growthSdLog'),
  };
}

/** A lognormal multiplier with mean 1 and log-scale standard deviation `sdLog`. */
function meanOneLognormal(u: Uniform, sdLog: number): number {
  const z = standardNormal(u);
  return Math.exp(sdLog * z - (sdLog * sdLog) / 2);
}

/** A patient that a history may change without touching `patient` (the lesion lists are copied). */
export function copyPatient(patient: Patient): Patient {
  return { ...patient, lesionOnsets: [...patient.lesionOnsets], lesionLobes: [...patient.lesionLobes] };
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
  const grade: Grade = u() < sampler.highGradeShare(cell.histology) ? 'high' : 'low';
  const propensity = meanOneLognormal(u, sampler.propensitySdLog);
  const growth: GrowthModel = {
    initialDiameterMm: sampler.growth.initialDiameterMm,
    diameterDoublingYears: sampler.growth.diameterDoublingYears * meanOneLognormal(u, sampler.growthSdLog),
  };
  // Disease present at diagnosis is more likely where metastasis is: it scales with the
  // onset hazard ratio and the propensity, capped below certainty.
  const synchronousRisk = Math.min(
    0.95,
    sampler.synchronousProbability * sampler.onsetHazardRatio(cell.site, cell.histology, grade) * propensity,
  );
  const synchronous = u() < synchronousRisk;
  const synchronousAgeYears = synchronous ? u() * sampler.synchronousMaxAgeYears : Number.NaN;
  const extrahepaticRisk = Math.min(
    0.95,
    sampler.synchronousExtrahepaticProbability *
      sampler.extrahepaticHazardRatio(cell.site, cell.histology, grade) *
      propensity,
  );
  const extrahepaticAtEntry = u() < extrahepaticRisk;
  const fitnessDraw = u();
  let followUpYears = Infinity;
  if (followUp !== undefined) {
    const untilAnalysis = u() * followUp.accrualYears;
    const untilLost =
      followUp.lossToFollowUpPerYear > 0 ? exponentialWait(u(), followUp.lossToFollowUpPerYear) : Infinity;
    followUpYears = Math.min(untilAnalysis, untilLost);
  }
  const patient: Patient = {
    site: cell.site,
    histology: cell.histology,
    grade,
    ageAtEntry: age,
    sex,
    propensity,
    growth,
    synchronousAgeYears,
    extrahepaticAtEntry,
    fitnessDraw,
    visibleAtDiagnosis: false,
    followUpYears,
    episode: 0,
    episodeOnset: Number.NaN,
    lesionOnsets: [],
    lesionLobes: [],
    detected: false,
    everDetected: false,
    everResected: false,
    extrahepatic: false,
    extrahepaticDetected: false,
    limitedLung: false,
    extrahepaticDeathHazardRatio: 1,
    lungResected: false,
    localRecurrence: false,
    systemicResponder: false,
    recurrenceHazardRatio: 1,
    lastLocalTreatment: Number.NaN,
    localTreatments: 0,
  };
  // Disease present at entry began before it, so its hazards start part-way along.
  if (synchronous) beginEpisode(patient, -synchronousAgeYears);
  return patient;
}
