// Outcomes a user reads for each strategy, derived from the engine's results. Everything is
// counted from cohort entry, except the survival-from-detection figures, which carry
// lead-time bias and are named so.
import { curveValueAt, type StrategyResult } from '../engine/results.js';

export interface SarcomaOutcomes {
  /** Share of patients whose liver metastasis was ever detected, by the horizon. */
  readonly livermetDetected: number;
  readonly detectedBySurveillance: number;
  readonly detectedBySymptoms: number;
  /** At first detection (means and shares among the detected; null when nobody was detected). */
  readonly atDetection: {
    readonly meanLesions: number | null;
    readonly meanLargestMm: number | null;
    readonly multiple: number | null;
    readonly bilobar: number | null;
    readonly oligometastatic: number | null;
    readonly resected: number | null;
    /** Found within the consensus's synchronous window (6 months by default) of diagnosis. */
    readonly inSynchronousWindow: number | null;
    /** Labelled synchronous by the scenario's rule (and so offered systemic therapy first). */
    readonly synchronous: number | null;
  };
  /** The same, among first detections by symptoms (clinical presentation); null when none. */
  readonly atSymptomaticDetection: {
    readonly share: number | null;
    readonly meanLesions: number | null;
    readonly meanLargestMm: number | null;
    readonly multiple: number | null;
    readonly oligometastatic: number | null;
    readonly resected: number | null;
  };
  /** Share of patients with detected liver metastasis who were ever resected (null when none detected). */
  readonly detectedEverResected: number | null;
  /** Extrahepatic (mostly lung) metastasis, per patient. */
  readonly extrahepatic: {
    readonly occurred: number;
    readonly detected: number;
    readonly lungMetastasectomies: number;
    readonly systemicTherapies: number;
  };
  readonly localRecurrences: number;
  /** Per patient. */
  readonly surveillanceScans: number;
  readonly followUpScans: number;
  readonly falsePositives: number;
  readonly resections: number;
  readonly ablations: number;
  readonly systemicTherapies: number;
  /** Share of patients by cause of death by the horizon (cancer: metastatic disease). */
  readonly deaths: { readonly cancer: number; readonly localRecurrence: number; readonly otherCauses: number };
  readonly survivalFromEntry: { readonly years2: number; readonly years5: number; readonly years10: number };
  /** Lead-time biased: survival counted from detection, not from entry (null when nobody was detected). */
  readonly leadTimeBiasedSurvivalFromDetection: { readonly years1: number | null; readonly years2: number | null };
}

const last = (series: readonly number[] | undefined) => series?.[series.length - 1] ?? Number.NaN;

export function sarcomaOutcomes(result: StrategyResult): SarcomaOutcomes {
  const perPatient = (name: string) => result.counters[name]?.perIndividual ?? Number.NaN;
  const total = (name: string) => result.counters[name]?.total ?? Number.NaN;
  const detectedCurve = result.curves.livermetDetected;
  const firstDetections = total('firstDetections');
  const amongDetected = (name: string) => (firstDetections > 0 ? total(name) / firstDetections : null);
  const symptomatic = total('symptomaticFirstDetections');
  const amongSymptomatic = (name: string) => (symptomatic > 0 ? total(name) / symptomatic : null);
  const survival = result.curves.survival;
  const fromDetection = result.curves.survivalFromDetection;
  return {
    livermetDetected: last(detectedCurve?.cumulativeIncidence.detected),
    detectedBySurveillance: perPatient('detectedBySurveillance'),
    detectedBySymptoms: perPatient('detectedBySymptoms'),
    atDetection: {
      meanLesions: amongDetected('lesionsAtFirstDetection'),
      meanLargestMm: amongDetected('largestMmAtFirstDetection'),
      multiple: amongDetected('multipleAtFirstDetection'),
      bilobar: amongDetected('bilobarAtFirstDetection'),
      oligometastatic: amongDetected('oligometastaticAtFirstDetection'),
      resected: amongDetected('resectedAtFirstDetection'),
      inSynchronousWindow: amongDetected('detectedInSynchronousWindow'),
      synchronous: amongDetected('synchronousAtFirstDetection'),
    },
    atSymptomaticDetection: {
      share: amongDetected('symptomaticFirstDetections'),
      meanLesions: amongSymptomatic('lesionsAtSymptomaticDetection'),
      meanLargestMm: amongSymptomatic('largestMmAtSymptomaticDetection'),
      multiple: amongSymptomatic('multipleAtSymptomaticDetection'),
      oligometastatic: amongSymptomatic('oligometastaticAtSymptomaticDetection'),
      resected: amongSymptomatic('resectedAtSymptomaticDetection'),
    },
    detectedEverResected: amongDetected('patientsEverResected'),
    extrahepatic: {
      occurred: perPatient('extrahepaticMetastases'),
      detected: perPatient('extrahepaticDetected'),
      lungMetastasectomies: perPatient('lungMetastasectomies'),
      systemicTherapies: perPatient('extrahepaticSystemicTherapies'),
    },
    localRecurrences: perPatient('localRecurrences'),
    surveillanceScans: perPatient('surveillanceScans'),
    followUpScans: perPatient('followUpScans'),
    falsePositives: perPatient('falsePositives'),
    resections: perPatient('resections') + perPatient('reResections'),
    ablations: perPatient('ablations'),
    systemicTherapies: perPatient('systemicTherapies'),
    deaths: {
      cancer: last(survival?.cumulativeIncidence.deadCancer),
      localRecurrence: last(survival?.cumulativeIncidence.deadLocalRecurrence),
      otherCauses: last(survival?.cumulativeIncidence.deadOther),
    },
    survivalFromEntry: {
      years2: curveValueAt(survival, (c) => c.eventFree, 2, 1),
      years5: curveValueAt(survival, (c) => c.eventFree, 5, 1),
      years10: curveValueAt(survival, (c) => c.eventFree, 10, 1),
    },
    leadTimeBiasedSurvivalFromDetection:
      (fromDetection?.individuals ?? 0) > 0
        ? {
            years1: curveValueAt(fromDetection, (c) => c.eventFree, 1, 1),
            years2: curveValueAt(fromDetection, (c) => c.eventFree, 2, 1),
          }
        : { years1: null, years2: null },
  };
}
