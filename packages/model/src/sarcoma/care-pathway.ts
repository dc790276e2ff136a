// What happens once metastatic disease is found: classification and the consensus pathway
// for liver disease (resection, systemic therapy first, ablation, systemic therapy), staging
// and treatment of extrahepatic disease, post-treatment follow-up imaging, and the outcome
// counters. Random draws use the 'treatment' stream, follow-up scans the 'followUp' stream (names.ts).
import type { PurposeHandle } from '../engine/handles.js';
import type { SimulationContext, VisitSchedule, VisitSegment } from '../engine/model.js';
import { charge } from './charges.js';
import { detectionProbability, type LiverBurden, liverBurden } from './liver-burden.js';
import type { SarcomaInputs } from './model-inputs.js';
import { COUNTER, CURVE, PURPOSE } from './names.js';
import type { Patient } from './patient.js';
import { resectionRecurrenceHazardRatio } from './resection-prognosis.js';
import type { SarcomaState } from './states.js';
import { isSynchronous } from './synchronous-rule.js';
import { classify, decideTreatment, type Findings, type PatientFactors } from './treatment-rules.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
export type DetectionRoute = 'surveillance' | 'symptoms' | 'followUp' | 'staging';

/** Post-treatment imaging: contrast CT every 3 months for 2 years, then every 6 months to 5 years (001 rec. 13.1). */
const FOLLOW_UP_SEGMENTS: readonly VisitSegment[] = [
  { fromYears: 0.25, toYears: 2, everyYears: 0.25 },
  { fromYears: 2, toYears: 5, everyYears: 0.5 },
];

/** Systemic therapy given first for synchronous disease, reassessed after a few months. */
interface SystemicFirstCourse {
  readonly episode: number;
  readonly startTime: number;
  readonly largestMmAtStart: number;
}

export interface CarePathway {
  /** Liver disease found (by a scan, symptoms or staging). */
  detect(ctx: Ctx, route: DetectionRoute): void;
  /**
   * A scan imaged the chest (and the abdomen too, if `abdomenImaged`): it may find extrahepatic
   * (mostly lung) disease, whose staging then needs no second abdominal scan.
   */
  chestImaged(ctx: Ctx, purpose: PurposeHandle, abdomenImaged: boolean): void;
  /** Extrahepatic disease found (by a scan or by symptoms). */
  detectExtrahepatic(ctx: Ctx, route: DetectionRoute, abdomenImaged: boolean): void;
}

/**
 * Optional observation of first detections (the registry replica counts them). It learns
 * whether extrahepatic disease was already known before this liver disease was found.
 */
export type FirstDetectionObserver = (ctx: Ctx, extrahepaticKnownBefore: boolean) => void;

/** `treatmentWorks` false: treatments happen and cost, but leave the disease as it was. */
export function carePathway(
  inputs: SarcomaInputs,
  treatmentWorks: boolean,
  onFirstDetection?: FirstDetectionObserver,
  /** Share of planned resections and ablations that take place (1 except in the registry replica). */
  localTherapyAvailability = 1,
): CarePathway {
  const { charges } = inputs;
  const localTherapyHappens = (ctx: Ctx) =>
    localTherapyAvailability >= 1 || ctx.uniform(PURPOSE.treatment) < localTherapyAvailability;

  const findingsOf = (ctx: Ctx, burden: LiverBurden): Findings => {
    const patient = ctx.individual.attributes;
    return {
      lesions: burden.lesions,
      largestMm: burden.largestMm,
      bilobar: burden.bilobar,
      extrahepatic: patient.extrahepaticDetected,
      limitedLung: patient.limitedLung,
      synchronous: isSynchronous(inputs.synchronous.rule, inputs.synchronous.windowYears, {
        yearsSinceDiagnosis: ctx.individual.time,
        visibleAtDiagnosis: patient.episode === 1 && patient.visibleAtDiagnosis,
      }),
      yearsSinceLocalTreatment: ctx.individual.time - patient.lastLocalTreatment,
    };
  };

  // A patient's fitness is drawn once (at entry), so the same patient is not unfit at one
  // decision and fit at the next; it is halved above the age limit.
  const fitForSurgery = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    const age = patient.ageAtEntry + ctx.individual.time;
    const fitness = age > inputs.surgicalFitnessAgeLimit ? inputs.surgicalFitness / 2 : inputs.surgicalFitness;
    return patient.fitnessDraw < fitness;
  };

  const factorsOf = (ctx: Ctx): PatientFactors => ({
    fitForSurgery: fitForSurgery(ctx),
    complexIfBilobar: ctx.uniform(PURPOSE.treatment) < inputs.bilobarComplexProbability,
    systemicFirstPolicy: ctx.uniform(PURPOSE.treatment) < inputs.systemicFirstProbability,
  });

  const burdenNow = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    return liverBurden(patient.growth, patient.lesionOnsets, patient.lesionLobes, ctx.individual.time);
  };

  const liverFoundBy = (ctx: Ctx, modality: SarcomaInputs['imaging']['contrastCt'], purpose: PurposeHandle) => {
    const patient = ctx.individual.attributes;
    const p = detectionProbability(patient.growth, modality.sensitivity, patient.lesionOnsets, ctx.individual.time);
    return ctx.uniform(purpose) < p;
  };

  /** One follow-up contrast CT; the schedule ends once the patient is treated again or the disease is known. */
  const followUpScan = (ctx: Ctx, _visit: unknown, treatment: number): boolean => {
    const patient = ctx.individual.attributes;
    if (patient.localTreatments !== treatment || (ctx.individual.state === 'liverDisease' && patient.detected)) {
      return false;
    }
    const contrast = inputs.imaging.contrastCt;
    ctx.count(COUNTER.followUpScans);
    charge(ctx, charges['scans.contrastCt']);
    charge(ctx, charges['qalyLosses.scan']);
    if (ctx.individual.state === 'liverDisease' && liverFoundBy(ctx, contrast, PURPOSE.followUp)) {
      pathway.detect(ctx, 'followUp'); // whose staging images the chest
    } else {
      if (ctx.individual.state !== 'liverDisease' && ctx.uniform(PURPOSE.followUp) > contrast.specificity) {
        ctx.count(COUNTER.falsePositives);
        charge(ctx, charges['workups.falsePositive']);
        charge(ctx, charges['qalyLosses.falsePositive']);
      }
      pathway.chestImaged(ctx, PURPOSE.followUp, true);
    }
    return true;
  };
  /** The follow-up schedule; its data is the number of local treatments it follows. */
  const followUp: VisitSchedule<SarcomaState, Patient, VisitSegment, number> = {
    segments: FOLLOW_UP_SEGMENTS,
    visit: followUpScan,
  };

  const startFollowUp = (ctx: Ctx) => {
    ctx.scheduleVisits(ctx.individual.time, followUp, ctx.individual.attributes.localTreatments);
  };

  const clearLiver = (ctx: Ctx, recurrenceHazardRatio: number) => {
    const patient = ctx.individual.attributes;
    patient.recurrenceHazardRatio = recurrenceHazardRatio;
    patient.lastLocalTreatment = ctx.individual.time;
    patient.localTreatments += 1;
    ctx.setState('liverCleared');
    startFollowUp(ctx);
  };

  const resect = (ctx: Ctx, burden: LiverBurden) => {
    const patient = ctx.individual.attributes;
    if (!localTherapyHappens(ctx)) {
      startSystemic(ctx, ctx.uniform(PURPOSE.treatment));
      return;
    }
    ctx.count(patient.localTreatments > 0 ? COUNTER.reResections : COUNTER.resections);
    if (!patient.everResected) {
      // Burden at the first resection, as surgical series report it (002 Table 4).
      patient.everResected = true;
      ctx.count(COUNTER.patientsEverResected);
      if (burden.lesions === 1) ctx.count(COUNTER.solitaryAtFirstResection);
      if (burden.largestMm > inputs.resectionPrognosis.largeLesionMm) ctx.count(COUNTER.largeLesionAtFirstResection);
    }
    // Outcomes after the first resection, as surgical series report them (002).
    ctx.curveStart(CURVE.survivalFromResection.curve);
    ctx.curveStart(CURVE.diseaseFreeFromResection.curve);
    charge(ctx, charges['operations.liverResection']);
    charge(ctx, charges['qalyLosses.liverSurgery']);
    if (ctx.uniform(PURPOSE.treatment) < inputs.perioperativeMortality) {
      ctx.count(COUNTER.perioperativeDeaths);
      ctx.setState('deadCancer');
      return;
    }
    const r0 = ctx.uniform(PURPOSE.treatment) < inputs.r0Probability;
    // Only a share of the resected series' advantage is causal (the rest is selection, 002):
    // for the others the operation leaves the disease's course as it was.
    const causal = ctx.uniform(PURPOSE.treatment) < inputs.resectionCausalShare;
    // Limited lung disease known at the time is resected too (001 rec. 5.4); its own effect
    // does not depend on whether the liver resection's does.
    if (patient.extrahepaticDetected && patient.limitedLung && !patient.lungResected) resectLung(ctx);
    if (!treatmentWorks || !causal) return;
    // The disease-free interval runs to the onset of this disease, not to its detection, so
    // that finding the same disease earlier does not make its prognosis look worse.
    const intervalStart = Number.isNaN(patient.lastLocalTreatment) ? 0 : patient.lastLocalTreatment;
    const diseaseFreeYears = patient.episodeOnset - intervalStart;
    const marginRatio = r0 ? 1 : inputs.r1RecurrenceHazardRatio;
    clearLiver(ctx, marginRatio * resectionRecurrenceHazardRatio(inputs.resectionPrognosis, burden, diseaseFreeYears));
  };

  const startSystemic = (ctx: Ctx, draw: number) => {
    const patient = ctx.individual.attributes;
    ctx.count(COUNTER.systemicTherapies);
    charge(ctx, charges['courses.systemic']);
    patient.systemicResponder = draw < inputs.systemicResponse;
    ctx.hazardsChanged();
  };

  /**
   * After systemic therapy first: responding lesions have shrunk (RECIST partial response),
   * the others grew at the patient's own rate. Resection follows unless the disease
   * progressed (001 rec. 8.3) and if it is still resectable.
   */
  const reassessAfterSystemic = (ctx: Ctx, course: SystemicFirstCourse) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== course.episode || ctx.individual.state !== 'liverDisease') return;
    if (treatmentWorks && patient.systemicResponder) {
      // Shrinking by a factor r takes the lesions back log2(1/r) diameter doublings from where
      // they were at the start: shift their onsets later by that plus the months on therapy.
      const back =
        ctx.individual.time -
        course.startTime +
        Math.log2(1 / inputs.responseDiameterRatio) * patient.growth.diameterDoublingYears;
      for (let i = 0; i < patient.lesionOnsets.length; i++) {
        patient.lesionOnsets[i] = (patient.lesionOnsets[i] as number) + back;
      }
    }
    ctx.count(COUNTER.systemicFirstReassessments);
    const burden = burdenNow(ctx);
    const progressed = burden.largestMm >= inputs.progressionDiameterRatio * course.largestMmAtStart;
    if (progressed) {
      ctx.count(COUNTER.progressedOnSystemicFirst);
      return;
    }
    const c = classify(findingsOf(ctx, burden), factorsOf(ctx), inputs.rules);
    if (c.surgicalCandidate) resect(ctx, burden);
  };

  const ablate = (ctx: Ctx) => {
    if (!localTherapyHappens(ctx)) {
      startSystemic(ctx, ctx.uniform(PURPOSE.treatment));
      return;
    }
    ctx.count(COUNTER.ablations);
    charge(ctx, charges['operations.ablation']);
    if (ctx.uniform(PURPOSE.treatment) < inputs.ablationSuccess) {
      if (treatmentWorks) clearLiver(ctx, inputs.ablationRecurrenceHazardRatio);
    } else startSystemic(ctx, ctx.uniform(PURPOSE.treatment));
  };

  const resectLung = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    patient.lungResected = true;
    ctx.count(COUNTER.lungMetastasectomies);
    charge(ctx, charges['operations.lungMetastasectomy']);
    if (treatmentWorks) patient.extrahepaticDeathHazardRatio = inputs.lungMetastasectomyDeathHazardRatio;
    ctx.hazardsChanged();
  };

  /**
   * Extrahepatic disease alone: limited lung disease in a fit patient is resected, otherwise
   * systemic therapy (001 rec. 5.4). With known active liver disease the liver pathway decides
   * for both (a liver resection takes limited lung disease with it; otherwise systemic therapy).
   */
  const treatExtrahepatic = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    if (patient.detected && ctx.individual.state === 'liverDisease') return;
    if (patient.limitedLung && fitForSurgery(ctx)) resectLung(ctx);
    else {
      ctx.count(COUNTER.extrahepaticSystemicTherapies);
      startSystemic(ctx, ctx.uniform(PURPOSE.treatment));
    }
  };

  const pathway: CarePathway = {
    chestImaged(ctx, purpose, abdomenImaged) {
      const patient = ctx.individual.attributes;
      if (!patient.extrahepatic || patient.extrahepaticDetected) return;
      if (ctx.uniform(purpose) < inputs.extrahepaticChestSensitivity) {
        pathway.detectExtrahepatic(ctx, 'surveillance', abdomenImaged);
      }
    },

    detectExtrahepatic(ctx, route, abdomenImaged) {
      const patient = ctx.individual.attributes;
      if (patient.extrahepaticDetected) return;
      patient.extrahepaticDetected = true;
      ctx.count(COUNTER.extrahepaticDetected);
      ctx.curveEvent(CURVE.firstMetastasisFound.cause.found);
      if (route === 'symptoms') ctx.count(COUNTER.extrahepaticDetectedBySymptoms);
      ctx.hazardsChanged(); // known metastatic disease changes costs and utility
      // Staging of newly found metastatic disease images the abdomen too (contrast CT), unless
      // the scan that found it just did.
      if (!abdomenImaged && !(ctx.individual.state === 'liverDisease' && patient.detected)) {
        ctx.count(COUNTER.stagingScans);
        charge(ctx, charges['scans.contrastCt']);
        if (
          ctx.individual.state === 'liverDisease' &&
          liverFoundBy(ctx, inputs.imaging.contrastCt, PURPOSE.treatment)
        ) {
          pathway.detect(ctx, 'staging');
          return; // the liver pathway, which now knows of the extrahepatic disease, decides
        }
      }
      treatExtrahepatic(ctx);
    },

    detect(ctx, route) {
      const patient = ctx.individual.attributes;
      const firstDetection = !patient.everDetected;
      const extrahepaticKnownBefore = patient.extrahepaticDetected;
      // Marked found first, so that extrahepatic disease found at this staging does not stage
      // (and treat) the same liver disease a second time.
      patient.detected = true;
      patient.everDetected = true;
      ctx.curveEvent(CURVE.firstMetastasisFound.cause.found);
      // Staging of newly found liver disease includes the chest.
      if (route !== 'staging') pathway.chestImaged(ctx, PURPOSE.treatment, true);
      const burden = burdenNow(ctx);
      ctx.count(
        route === 'surveillance'
          ? COUNTER.detectedBySurveillance
          : route === 'symptoms'
            ? COUNTER.detectedBySymptoms
            : route === 'staging'
              ? COUNTER.detectedByStaging
              : COUNTER.detectedByFollowUp,
      );
      if (patient.localTreatments > 0) {
        ctx.count(COUNTER.liverRecurrencesDetected);
        ctx.curveEvent(CURVE.diseaseFreeFromResection.cause.recurrence);
      }
      const findings = findingsOf(ctx, burden);
      const factors = factorsOf(ctx);
      const plan = decideTreatment(findings, factors, inputs.rules);
      if (firstDetection) {
        ctx.curveEvent(CURVE.livermetDetected.cause.detected);
        ctx.curveStart(CURVE.survivalFromDetection.curve);
        ctx.count(COUNTER.firstDetections);
        ctx.count(COUNTER.lesionsAtFirstDetection, burden.lesions);
        ctx.count(COUNTER.largestMmAtFirstDetection, burden.largestMm);
        if (burden.lesions > 1) ctx.count(COUNTER.multipleAtFirstDetection);
        if (burden.bilobar) ctx.count(COUNTER.bilobarAtFirstDetection);
        const oligometastatic = classify(findings, factors, inputs.rules).oligometastatic;
        if (oligometastatic) ctx.count(COUNTER.oligometastaticAtFirstDetection);
        if (plan === 'resection') ctx.count(COUNTER.resectedAtFirstDetection);
        if (ctx.individual.time <= inputs.synchronous.windowYears) ctx.count(COUNTER.detectedInSynchronousWindow);
        if (findings.synchronous) ctx.count(COUNTER.synchronousAtFirstDetection);
        if (route === 'symptoms') {
          ctx.count(COUNTER.symptomaticFirstDetections);
          ctx.count(COUNTER.lesionsAtSymptomaticDetection, burden.lesions);
          ctx.count(COUNTER.largestMmAtSymptomaticDetection, burden.largestMm);
          if (burden.lesions > 1) ctx.count(COUNTER.multipleAtSymptomaticDetection);
          if (burden.bilobar) ctx.count(COUNTER.bilobarAtSymptomaticDetection);
          if (oligometastatic) ctx.count(COUNTER.oligometastaticAtSymptomaticDetection);
          if (plan === 'resection') ctx.count(COUNTER.resectedAtSymptomaticDetection);
        }
        onFirstDetection?.(ctx, extrahepaticKnownBefore);
      }
      ctx.hazardsChanged(); // known disease changes costs and utility
      const draw = ctx.uniform(PURPOSE.treatment);
      switch (plan) {
        case 'resection':
          resect(ctx, burden);
          break;
        case 'systemicThenReassess':
          startSystemic(ctx, draw);
          ctx.count(COUNTER.systemicFirstCourses);
          ctx.schedule(ctx.individual.time + inputs.systemicReassessYears, reassessAfterSystemic, {
            episode: patient.episode,
            startTime: ctx.individual.time,
            largestMmAtStart: burden.largestMm,
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
