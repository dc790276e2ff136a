// What happens once liver disease is found: classification and the consensus pathway
// (resection, systemic therapy first, ablation, systemic therapy), post-treatment follow-up
// imaging, and the outcome counters. Random draws use the 'treatment' stream.
import type { SimulationContext } from '../engine/model.js';
import { detectionProbability, type LiverBurden, liverBurden } from './liver-burden.js';
import type { DetectionRoute } from './liver-course.js';
import type { SarcomaInputs } from './model-inputs.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';
import { classify, decideTreatment, type Findings, type PatientFactors } from './treatment-rules.js';

type Ctx = SimulationContext<SarcomaState, Patient>;

const TREATMENT = 'treatment';
const FOLLOW_UP = 'followUp';

/** Post-treatment imaging: contrast CT every 3 months for 2 years, then every 6 months to 5 years (001 rec. 13.1). */
const FOLLOW_UP_SCHEDULE: readonly {
  readonly fromYears: number;
  readonly toYears: number;
  readonly everyYears: number;
}[] = [
  { fromYears: 0.25, toYears: 2, everyYears: 0.25 },
  { fromYears: 2, toYears: 5, everyYears: 0.5 },
];

interface FollowUpVisit {
  readonly treatment: number;
  readonly start: number;
  visit: number;
}

export interface CarePathway {
  detect(ctx: Ctx, route: DetectionRoute): void;
}

/** Optional observation of first detections (the registry replica counts them). */
export type FirstDetectionObserver = (ctx: Ctx) => void;

/** `treatmentWorks` false: treatments happen and cost, but leave the disease as it was. */
export function carePathway(
  inputs: SarcomaInputs,
  treatmentWorks: boolean,
  onFirstDetection?: FirstDetectionObserver,
  /** Share of planned resections and ablations that take place (1 except in the registry replica). */
  localTherapyAvailability = 1,
): CarePathway {
  const localTherapyHappens = (ctx: Ctx) =>
    localTherapyAvailability >= 1 || ctx.uniform(TREATMENT) < localTherapyAvailability;

  const findingsOf = (ctx: Ctx, burden: LiverBurden): Findings => {
    const patient = ctx.individual.attributes;
    return {
      lesions: burden.lesions,
      largestMm: burden.largestMm,
      bilobar: burden.bilobar,
      extrahepatic: patient.extrahepatic,
      limitedLung: patient.limitedLung,
      yearsSinceDiagnosis: ctx.individual.time,
      yearsSinceLocalTreatment: ctx.individual.time - patient.lastLocalTreatment,
    };
  };

  const factorsOf = (ctx: Ctx): PatientFactors => {
    const patient = ctx.individual.attributes;
    const age = patient.ageAtEntry + ctx.individual.time;
    const fitness = age > inputs.surgicalFitnessAgeLimit ? inputs.surgicalFitness / 2 : inputs.surgicalFitness;
    return {
      fitForSurgery: ctx.uniform(TREATMENT) < fitness,
      complexIfBilobar: ctx.uniform(TREATMENT) < inputs.bilobarComplexProbability,
    };
  };

  const burdenNow = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    return liverBurden(inputs.growth, patient.lesionOnsets, patient.lesionLobes, ctx.individual.time);
  };

  const followUpScan = (ctx: Ctx, visit: FollowUpVisit) => {
    const patient = ctx.individual.attributes;
    if (patient.localTreatments !== visit.treatment || (ctx.individual.state === 'liverDisease' && patient.detected))
      return;
    const contrast = inputs.imaging.contrastCt;
    ctx.count('followUpScans');
    ctx.addReward('costs', contrast.cost);
    ctx.addReward('qalys', -inputs.scanQalyLoss);
    if (ctx.individual.state === 'liverDisease') {
      const p = detectionProbability(inputs.growth, contrast.sensitivity, patient.lesionOnsets, ctx.individual.time);
      if (ctx.uniform(FOLLOW_UP) < p) pathway.detect(ctx, 'followUp');
    } else if (ctx.uniform(FOLLOW_UP) > contrast.specificity) {
      ctx.count('falsePositives');
      ctx.addReward('costs', inputs.falsePositiveCost);
      ctx.addReward('qalys', -inputs.falsePositiveQalyLoss);
    }
    scheduleNextFollowUp(ctx, visit);
  };

  /** Schedules visit number `visit.visit + 1` of the follow-up schedule, if there is one. */
  const scheduleNextFollowUp = (ctx: Ctx, visit: FollowUpVisit) => {
    let k = visit.visit + 1;
    for (const segment of FOLLOW_UP_SCHEDULE) {
      const visitsInSegment = Math.round((segment.toYears - segment.fromYears) / segment.everyYears);
      if (k < visitsInSegment) {
        visit.visit += 1;
        ctx.schedule(visit.start + segment.fromYears + k * segment.everyYears, followUpScan, visit);
        return;
      }
      k -= visitsInSegment;
    }
  };

  const startFollowUp = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    const first = FOLLOW_UP_SCHEDULE[0];
    if (first === undefined) return;
    const visit: FollowUpVisit = { treatment: patient.localTreatments, start: ctx.individual.time, visit: 0 };
    ctx.schedule(ctx.individual.time + first.fromYears, followUpScan, visit);
  };

  const clearLiver = (ctx: Ctx, recurrenceHazardRatio: number) => {
    if (!treatmentWorks) return;
    const patient = ctx.individual.attributes;
    patient.recurrenceHazardRatio = recurrenceHazardRatio;
    patient.lastLocalTreatment = ctx.individual.time;
    patient.localTreatments += 1;
    ctx.setState('liverCleared');
    startFollowUp(ctx);
  };

  const resect = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    if (!localTherapyHappens(ctx)) {
      startSystemic(ctx, ctx.uniform(TREATMENT));
      return;
    }
    ctx.count(patient.localTreatments > 0 ? 'reResections' : 'resections');
    // Outcomes after the first resection, as surgical series report them (002).
    ctx.curveStart('survivalFromResection');
    ctx.curveStart('diseaseFreeFromResection');
    ctx.addReward('costs', inputs.cost.resection);
    ctx.addReward('qalys', -inputs.utility.liverSurgeryQalyLoss);
    if (ctx.uniform(TREATMENT) < inputs.perioperativeMortality) {
      ctx.count('perioperativeDeaths');
      ctx.setState('deadCancer');
      return;
    }
    const r0 = ctx.uniform(TREATMENT) < inputs.r0Probability;
    clearLiver(ctx, r0 ? 1 : inputs.r1RecurrenceHazardRatio);
  };

  const startSystemic = (ctx: Ctx, draw: number) => {
    const patient = ctx.individual.attributes;
    ctx.count('systemicTherapies');
    ctx.addReward('costs', inputs.cost.systemicCourse);
    patient.systemicResponder = draw < inputs.systemicResponse;
    ctx.hazardsChanged();
  };

  const reassessAfterSystemic = (ctx: Ctx, data: { readonly episode: number; readonly draw: number }) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== data.episode || ctx.individual.state !== 'liverDisease') return;
    const atLeastStable = data.draw < inputs.systemicAtLeastStable;
    if (!atLeastStable) return;
    // Resection of residual disease if the primary is controlled and the disease is resectable (001 rec. 8.3).
    const c = classify(
      { ...findingsOf(ctx, burdenNow(ctx)), yearsSinceDiagnosis: Infinity },
      factorsOf(ctx),
      inputs.rules,
    );
    if (c.surgicalCandidate) resect(ctx);
  };

  const ablate = (ctx: Ctx) => {
    if (!localTherapyHappens(ctx)) {
      startSystemic(ctx, ctx.uniform(TREATMENT));
      return;
    }
    ctx.count('ablations');
    ctx.addReward('costs', inputs.cost.ablation);
    if (ctx.uniform(TREATMENT) < inputs.ablationSuccess) clearLiver(ctx, inputs.ablationRecurrenceHazardRatio);
    else startSystemic(ctx, ctx.uniform(TREATMENT));
  };

  const pathway: CarePathway = {
    detect(ctx, route) {
      const patient = ctx.individual.attributes;
      const burden = burdenNow(ctx);
      const firstDetection = !patient.everDetected;
      patient.detected = true;
      patient.everDetected = true;
      ctx.count(
        route === 'surveillance'
          ? 'detectedBySurveillance'
          : route === 'symptoms'
            ? 'detectedBySymptoms'
            : 'detectedByFollowUp',
      );
      if (patient.localTreatments > 0) {
        ctx.count('liverRecurrencesDetected');
        ctx.curveEvent('diseaseFreeFromResection', 'recurrence');
      }
      const findings = findingsOf(ctx, burden);
      const factors = factorsOf(ctx);
      const plan = decideTreatment(findings, factors, inputs.rules);
      if (firstDetection) {
        ctx.curveEvent('livermetDetected', 'detected');
        ctx.curveStart('survivalFromDetection');
        ctx.count('firstDetections');
        ctx.count('lesionsAtFirstDetection', burden.lesions);
        ctx.count('largestMmAtFirstDetection', burden.largestMm);
        if (burden.lesions > 1) ctx.count('multipleAtFirstDetection');
        if (burden.bilobar) ctx.count('bilobarAtFirstDetection');
        if (classify(findings, factors, inputs.rules).oligometastatic) ctx.count('oligometastaticAtFirstDetection');
        if (plan === 'resection') ctx.count('resectedAtFirstDetection');
        if (route === 'symptoms') {
          ctx.count('symptomaticFirstDetections');
          if (burden.lesions > 1) ctx.count('multipleAtSymptomaticDetection');
          if (burden.bilobar) ctx.count('bilobarAtSymptomaticDetection');
        }
        onFirstDetection?.(ctx);
      }
      ctx.hazardsChanged(); // known disease changes costs and utility
      const draw = ctx.uniform(TREATMENT);
      switch (plan) {
        case 'resection':
          resect(ctx);
          break;
        case 'systemicThenReassess':
          startSystemic(ctx, draw);
          ctx.schedule(ctx.individual.time + inputs.systemicReassessYears, reassessAfterSystemic, {
            episode: patient.episode,
            draw,
          });
          break;
        case 'ablation':
          ablate(ctx);
          break;
        case 'systemic':
          startSystemic(ctx, draw);
          break;
      }
    },
  };
  return pathway;
}
