// Everything the sarcoma model needs, derived once from the parameter values: hazards,
// imaging tables, rules, costs and utilities. This is the only file that reads registry ids.
import { exponential, gompertz, type Hazard, weibull } from '../engine/hazard.js';
import { type Modality, SIZE_CLASS_EDGES_MM, SIZE_CLASSES } from '../evidence/records/imaging.js';
import type { ParameterValues } from '../evidence/registry.js';
import { type Histology, LMS, type Site } from './categories.js';
import { type GrowthModel, growthModel, type SizeSensitivity } from './liver-burden.js';
import { type CohortSampler, cohortSampler } from './patient.js';
import type { TreatmentRules } from './treatment-rules.js';

export interface ImagingModality {
  readonly sensitivity: SizeSensitivity;
  readonly specificity: number;
  readonly cost: number;
}

export interface SarcomaInputs {
  readonly cohort: CohortSampler;
  readonly onsetHazard: Hazard;
  readonly onsetHazardRatio: (site: Site, histology: Histology) => number;
  readonly extrahepaticOnset: Hazard;
  readonly extrahepaticDeath: Hazard;
  readonly localRecurrenceRate: (site: Site) => number;
  readonly liverDeath: Hazard;
  readonly recurrenceAfterTreatment: Hazard;
  readonly growth: GrowthModel;
  readonly newLesionRatePerYear: number;
  readonly otherLobeProbability: number;
  readonly maxLesions: number;
  /** Symptomatic detection on the time since the episode began (hazard ∝ largest diameter^k). */
  readonly symptoms: Hazard;
  readonly imaging: Readonly<Record<Modality, ImagingModality>>;
  readonly scanQalyLoss: number;
  readonly falsePositiveCost: number;
  readonly falsePositiveQalyLoss: number;
  readonly defaultAdherence: number;
  readonly rules: TreatmentRules;
  readonly surgicalFitness: number;
  readonly surgicalFitnessAgeLimit: number;
  readonly bilobarComplexProbability: number;
  readonly limitedLungProbability: number;
  readonly systemicReassessYears: number;
  readonly r0Probability: number;
  readonly perioperativeMortality: number;
  readonly r1RecurrenceHazardRatio: number;
  readonly ablationSuccess: number;
  readonly ablationRecurrenceHazardRatio: number;
  readonly systemicResponse: number;
  readonly systemicAtLeastStable: number;
  readonly responderDeathHazardRatio: number;
  readonly cost: {
    readonly resection: number;
    readonly ablation: number;
    readonly systemicCourse: number;
    readonly metastaticCarePerYear: number;
    readonly endOfLife: number;
    readonly localRecurrence: number;
  };
  readonly utility: {
    readonly noEvidentDisease: number;
    readonly metastaticControlled: number;
    readonly metastaticProgressive: number;
    readonly liverSurgeryQalyLoss: number;
  };
}

const MONTHS = 1 / 12;
const VISCERAL_SITES: readonly Site[] = ['retroperitoneal', 'thoracicPeritoneal'];

export function sarcomaInputs(p: ParameterValues): SarcomaInputs {
  const siteRatio: Record<Site, number> = {
    extremity: 1,
    bodyWall: p.get('nh.livermet.hr.bodyWall'),
    retroperitoneal: p.get('nh.livermet.hr.retroperitoneal'),
    thoracicPeritoneal: p.get('nh.livermet.hr.thoracicPeritoneal'),
    headNeck: p.get('nh.livermet.hr.headNeck'),
  };
  const lmsRatio = p.get('nh.livermet.hr.lms');
  const localRecurrenceOther = p.get('nh.localRecurrence.rate');
  const localRecurrenceVisceral = p.get('nh.localRecurrence.rateVisceral');
  const onsetHazardRatio = (site: Site, histology: Histology) => siteRatio[site] * (histology === LMS ? lmsRatio : 1);
  const growth = growthModel(p.get('nh.livermet.initialDiameterMm'), p.get('nh.livermet.volumeDoublingDays'));
  const exponent = p.get('nh.livermet.symptoms.burdenExponent');
  const modality = (m: Modality): ImagingModality => ({
    sensitivity: {
      edgesMm: SIZE_CLASS_EDGES_MM,
      sensitivity: SIZE_CLASSES.map((c) => p.get(`imaging.${m}.sensitivity.${c}`)),
    },
    specificity: p.get(`imaging.${m}.specificity`),
    cost: p.get(`imaging.${m}.cost`),
  });
  const imaging: Record<Modality, ImagingModality> = {
    contrastCt: modality('contrastCt'),
    nonContrastCt: modality('nonContrastCt'),
    liverMri: modality('liverMri'),
    chestCt: modality('chestCt'),
  };

  return {
    cohort: cohortSampler(p, onsetHazardRatio),
    onsetHazard: gompertz(p.get('nh.livermet.onsetShape'), p.get('nh.livermet.onsetRate')),
    onsetHazardRatio,
    extrahepaticOnset: gompertz(p.get('nh.extrahepatic.onsetShape'), p.get('nh.extrahepatic.onsetRate')),
    extrahepaticDeath: exponential(p.get('nh.extrahepatic.deathRate')),
    localRecurrenceRate: (site) => (VISCERAL_SITES.includes(site) ? localRecurrenceVisceral : localRecurrenceOther),
    liverDeath: weibull(p.get('nh.livermet.death.shape'), p.get('nh.livermet.death.scaleYears')),
    recurrenceAfterTreatment: weibull(
      p.get('tx.resection.recurrence.shape'),
      p.get('tx.resection.recurrence.scaleYears'),
    ),
    growth,
    newLesionRatePerYear: p.get('nh.livermet.newLesionRatePerYear'),
    otherLobeProbability: p.get('nh.livermet.otherLobeProbability'),
    maxLesions: p.get('nh.livermet.maxLesions'),
    // h(τ) = a·(d(τ)/10 mm)^k with d(τ) = d0·2^{τ/T}: a Gompertz hazard in τ.
    symptoms: gompertz(
      (exponent * Math.LN2) / growth.diameterDoublingYears,
      p.get('nh.livermet.symptoms.rateAt10mm') * (growth.initialDiameterMm / 10) ** exponent,
    ),
    imaging,
    scanQalyLoss: p.get('imaging.scanQalyLoss'),
    falsePositiveCost: p.get('imaging.falsePositive.cost'),
    falsePositiveQalyLoss: p.get('imaging.falsePositive.qalyLoss'),
    defaultAdherence: p.get('imaging.adherence.default'),
    rules: {
      synchronousWindowYears: p.get('rule.synchronousWindowMonths') * MONTHS,
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
    systemicReassessYears: p.get('rule.systemicFirst.reassessMonths') * MONTHS,
    r0Probability: p.get('tx.resection.r0Probability'),
    perioperativeMortality: p.get('tx.resection.perioperativeMortality'),
    r1RecurrenceHazardRatio: p.get('tx.resection.r1RecurrenceHr'),
    ablationSuccess: p.get('tx.ablation.successProbability'),
    ablationRecurrenceHazardRatio: p.get('tx.ablation.recurrenceHr'),
    systemicResponse: p.get('tx.systemic.responseProbability'),
    systemicAtLeastStable: Math.max(
      p.get('tx.systemic.atLeastStableProbability'),
      p.get('tx.systemic.responseProbability'),
    ),
    responderDeathHazardRatio: p.get('tx.systemic.responderDeathHr'),
    cost: {
      resection: p.get('cost.resection'),
      ablation: p.get('cost.ablation'),
      systemicCourse: p.get('cost.systemicCourse'),
      metastaticCarePerYear: p.get('cost.metastaticCarePerYear'),
      endOfLife: p.get('cost.endOfLife'),
      localRecurrence: p.get('cost.localRecurrence'),
    },
    utility: {
      noEvidentDisease: p.get('utility.noEvidentDisease'),
      metastaticControlled: p.get('utility.metastaticControlled'),
      metastaticProgressive: p.get('utility.metastaticProgressive'),
      liverSurgeryQalyLoss: p.get('utility.afterLiverSurgery.qalyLoss'),
    },
  };
}
