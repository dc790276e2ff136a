// Everything the sarcoma model needs, derived once from the parameter values: hazards,
// imaging tables, rules, and the charges (costs and utilities, charges.ts). This is the only
// file of the simulation that reads registry ids (the prices' ids are listed in valuation.ts).

import { type Grade, HISTOLOGIES, type Histology, LMS, type Site } from '../domain/categories.js';
import { exponential, gompertz, type Hazard, weibull } from '../engine/hazard.js';
import { type Modality, SIZE_CLASS_EDGES_MM, SIZE_CLASSES } from '../evidence/records/imaging.js';
import type { ParameterValues } from '../evidence/registry.js';
import { type Charge, chargesAt } from './charges.js';
import { type GradeEffect, gradeRatio as gradeRatioFor } from './grade-effect.js';
import { type GrowthModel, growthModel, type SizeSensitivity } from './liver-burden.js';
import type { QuantityChannel } from './names.js';
import { type CohortSampler, cohortSampler } from './patient.js';
import type { SynchronousRule } from './synchronous-rule.js';
import type { TreatmentRules } from './treatment-rules.js';

export interface ImagingModality {
  readonly sensitivity: SizeSensitivity;
  readonly specificity: number;
}

export interface SarcomaInputs {
  readonly cohort: CohortSampler;
  readonly onsetHazard: Hazard;
  /** Liver-onset hazard ratio for the primary's site, histology and grade (the propensity multiplies it). */
  readonly onsetHazardRatio: (site: Site, histology: Histology, grade: Grade) => number;
  readonly extrahepaticOnset: Hazard;
  /** Extrahepatic-onset hazard ratio: lung first for limb, trunk and head-and-neck primaries (003). */
  readonly extrahepaticHazardRatio: (site: Site, histology: Histology, grade: Grade) => number;
  readonly extrahepaticDeath: Hazard;
  /** Found at a scan that images the chest, when present. */
  readonly extrahepaticChestSensitivity: number;
  /** Clinical presentation of extrahepatic disease, per year once present. */
  readonly extrahepaticSymptomRatePerYear: number;
  /** Extrahepatic death hazard ratio after metastasectomy of limited lung disease. */
  readonly lungMetastasectomyDeathHazardRatio: number;
  /** Local recurrence after the treated primary: a fading hazard by site, multiplied by the grade ratio. */
  readonly localRecurrence: (site: Site) => Hazard;
  readonly localRecurrenceHazardRatio: (grade: Grade, histology: Histology) => number;
  /** Death from uncontrolled local disease, per year after a local recurrence. */
  readonly localRecurrenceDeathRate: (site: Site) => number;
  readonly liverDeath: Hazard;
  readonly recurrenceAfterTreatment: Hazard;
  readonly growth: GrowthModel;
  readonly newLesionRatePerYear: number;
  readonly otherLobeProbability: number;
  readonly maxLesions: number;
  /** Symptomatic detection on the time since the episode began (hazard ∝ largest diameter^k), for a patient's growth. */
  readonly symptoms: (growth: GrowthModel) => Hazard;
  readonly imaging: Readonly<Record<Modality, ImagingModality>>;
  readonly defaultAdherence: number;
  readonly rules: TreatmentRules;
  readonly surgicalFitness: number;
  readonly surgicalFitnessAgeLimit: number;
  readonly bilobarComplexProbability: number;
  readonly limitedLungProbability: number;
  readonly synchronous: {
    readonly rule: SynchronousRule;
    readonly windowYears: number;
  };
  readonly systemicFirstProbability: number;
  readonly systemicReassessYears: number;
  /** Diameter of responding lesions relative to the start of therapy (RECIST partial response). */
  readonly responseDiameterRatio: number;
  /** Growth of the largest lesion on therapy that counts as progression (RECIST: ≥ 20%). */
  readonly progressionDiameterRatio: number;
  readonly r0Probability: number;
  readonly resectionPrognosis: ResectionPrognosis;
  /** Share of the resected series' survival advantage that is caused by the resection. */
  readonly resectionCausalShare: number;
  readonly perioperativeMortality: number;
  readonly r1RecurrenceHazardRatio: number;
  readonly ablationSuccess: number;
  readonly ablationRecurrenceHazardRatio: number;
  readonly systemicResponse: number;
  readonly responderDeathHazardRatio: number;
  /** Every cost and QALY, as a quantity and its price (per event, or per year for durations). */
  readonly charges: Readonly<Record<QuantityChannel, Charge>>;
}

/** How recurrence after an R0 liver resection depends on the burden resected and the disease-free interval. */
export interface ResectionPrognosis {
  readonly hazardRatioPerExtraLesion: number;
  readonly largeLesionMm: number;
  readonly hazardRatioLargeLesion: number;
  readonly shortDfiYears: number;
  readonly hazardRatioShortDfi: number;
}

const MONTHS = 1 / 12;
const VISCERAL_SITES: readonly Site[] = ['retroperitoneal', 'thoracicPeritoneal'];
const LUNG_FIRST_SITES: readonly Site[] = ['extremity', 'bodyWall', 'headNeck'];

export function sarcomaInputs(
  p: ParameterValues,
  synchronousRule: SynchronousRule = 'staging',
  gradeEffect: GradeEffect = 'modelled',
): SarcomaInputs {
  const siteRatio: Record<Site, number> = {
    extremity: 1,
    bodyWall: p.get('nh.livermet.hr.bodyWall'),
    retroperitoneal: p.get('nh.livermet.hr.retroperitoneal'),
    thoracicPeritoneal: p.get('nh.livermet.hr.thoracicPeritoneal'),
    headNeck: p.get('nh.livermet.hr.headNeck'),
  };
  const lmsRatio = p.get('nh.livermet.hr.lms');
  const localRecurrenceOther = gompertz(p.get('nh.localRecurrence.shape'), p.get('nh.localRecurrence.rate'));
  const localRecurrenceVisceral = gompertz(
    p.get('nh.localRecurrence.shapeVisceral'),
    p.get('nh.localRecurrence.rateVisceral'),
  );
  const gradeMetastasisRatio = p.get('nh.grade.hr.metastasis');
  const gradeLocalRatio = p.get('nh.grade.hr.localRecurrence');
  const highShare = Object.fromEntries(HISTOLOGIES.map((h) => [h, p.get(`nh.grade.highShare.${h}`)]));
  const gradeRatio = gradeRatioFor(gradeEffect, (histology) => highShare[histology] ?? 0);
  const onsetHazardRatio = (site: Site, histology: Histology, grade: Grade) =>
    siteRatio[site] * (histology === LMS ? lmsRatio : 1) * gradeRatio(grade, histology, gradeMetastasisRatio);
  const extrahepaticVisceralRatio = p.get('nh.extrahepatic.hr.visceral');
  const extrahepaticLmsRatio = p.get('nh.extrahepatic.hr.lms');
  const extrahepaticHazardRatio = (site: Site, histology: Histology, grade: Grade) =>
    (LUNG_FIRST_SITES.includes(site) ? 1 : extrahepaticVisceralRatio) *
    (histology === LMS ? extrahepaticLmsRatio : 1) *
    gradeRatio(grade, histology, gradeMetastasisRatio);
  const localRecurrenceDeathOther = p.get('nh.localRecurrence.deathRate');
  const localRecurrenceDeathVisceral = p.get('nh.localRecurrence.deathRateVisceral');
  const growth = growthModel(p.get('nh.livermet.initialDiameterMm'), p.get('nh.livermet.volumeDoublingDays'));
  const symptomRateAt10mm = p.get('nh.livermet.symptoms.rateAt10mm');
  const exponent = p.get('nh.livermet.symptoms.burdenExponent');
  const modality = (m: Modality): ImagingModality => ({
    sensitivity: {
      edgesMm: SIZE_CLASS_EDGES_MM,
      sensitivity: SIZE_CLASSES.map((c) => p.get(`imaging.${m}.sensitivity.${c}`)),
    },
    specificity: p.get(`imaging.${m}.specificity`),
  });
  const imaging: Record<Modality, ImagingModality> = {
    contrastCt: modality('contrastCt'),
    nonContrastCt: modality('nonContrastCt'),
    liverMri: modality('liverMri'),
    chestCt: modality('chestCt'),
  };

  return {
    cohort: cohortSampler(p, onsetHazardRatio, extrahepaticHazardRatio, growth),
    onsetHazard: gompertz(p.get('nh.livermet.onsetShape'), p.get('nh.livermet.onsetRate')),
    onsetHazardRatio,
    extrahepaticOnset: gompertz(p.get('nh.extrahepatic.onsetShape'), p.get('nh.extrahepatic.onsetRate')),
    extrahepaticHazardRatio,
    extrahepaticDeath: exponential(p.get('nh.extrahepatic.deathRate')),
    extrahepaticChestSensitivity: p.get('imaging.chest.extrahepaticSensitivity'),
    extrahepaticSymptomRatePerYear: p.get('nh.extrahepatic.symptomRate'),
    lungMetastasectomyDeathHazardRatio: p.get('tx.lungMetastasectomy.deathHr'),
    localRecurrence: (site) => (VISCERAL_SITES.includes(site) ? localRecurrenceVisceral : localRecurrenceOther),
    localRecurrenceHazardRatio: (grade, histology) => gradeRatio(grade, histology, gradeLocalRatio),
    localRecurrenceDeathRate: (site) =>
      VISCERAL_SITES.includes(site) ? localRecurrenceDeathVisceral : localRecurrenceDeathOther,
    liverDeath: weibull(p.get('nh.livermet.death.shape'), p.get('nh.livermet.death.scaleYears')),
    recurrenceAfterTreatment: weibull(
      p.get('tx.resection.recurrence.shape'),
      p.get('tx.resection.recurrence.scaleYears'),
    ),
    growth,
    newLesionRatePerYear: p.get('nh.livermet.newLesionRatePerYear'),
    otherLobeProbability: p.get('nh.livermet.otherLobeProbability'),
    maxLesions: p.get('nh.livermet.maxLesions'),
    // h(τ) = a·(d(τ)/10 mm)^k with d(τ) = d0·2^{τ/T}: a Gompertz hazard in τ, T the patient's.
    symptoms: (g) =>
      gompertz(
        (exponent * Math.LN2) / g.diameterDoublingYears,
        symptomRateAt10mm * (g.initialDiameterMm / 10) ** exponent,
      ),
    imaging,
    defaultAdherence: p.get('imaging.adherence.default'),
    rules: {
      oligometastaticMaxLesions: p.get('rule.oligometastatic.maxLesions'),
      oligometastaticMaxSites: p.get('rule.oligometastatic.maxSites'),
      resectableMaxDiameterMm: p.get('rule.resectable.maxDiameterMm'),
      ablationMaxLesions: p.get('rule.ablation.maxLesions'),
      ablationMaxDiameterMm: p.get('rule.ablation.maxDiameterMm'),
      reresectionMinTfiYears: p.get('rule.reresection.minTfiMonths') * MONTHS,
    },
    surgicalFitness: p.get('rule.surgicalFitness'),
    surgicalFitnessAgeLimit: p.get('rule.surgicalFitness.ageLimit'),
    bilobarComplexProbability: p.get('rule.bilobarComplexProbability'),
    limitedLungProbability: p.get('rule.limitedLungProbability'),
    synchronous: { rule: synchronousRule, windowYears: p.get('rule.synchronousWindowMonths') * MONTHS },
    systemicFirstProbability: p.get('rule.systemicFirst.probability'),
    systemicReassessYears: p.get('rule.systemicFirst.reassessMonths') * MONTHS,
    responseDiameterRatio: p.get('tx.systemic.responseDiameterRatio'),
    progressionDiameterRatio: p.get('rule.progression.diameterRatio'),
    r0Probability: p.get('tx.resection.r0Probability'),
    resectionPrognosis: {
      hazardRatioPerExtraLesion: p.get('tx.resection.recurrenceHr.perExtraLesion'),
      largeLesionMm: p.get('tx.resection.largeLesionMm'),
      hazardRatioLargeLesion: p.get('tx.resection.recurrenceHr.largeLesion'),
      shortDfiYears: p.get('tx.resection.shortDfiMonths') * MONTHS,
      hazardRatioShortDfi: p.get('tx.resection.recurrenceHr.shortDfi'),
    },
    resectionCausalShare: p.get('tx.resection.causalShare'),
    perioperativeMortality: p.get('tx.resection.perioperativeMortality'),
    r1RecurrenceHazardRatio: p.get('tx.resection.r1RecurrenceHr'),
    ablationSuccess: p.get('tx.ablation.successProbability'),
    ablationRecurrenceHazardRatio: p.get('tx.ablation.recurrenceHr'),
    systemicResponse: p.get('tx.systemic.responseProbability'),
    responderDeathHazardRatio: p.get('tx.systemic.responderDeathHr'),
    charges: chargesAt(p),
  };
}
