// The outcomes a reader compares between strategies, one row each, with how each is shown:
// the CLI's outcomes table and the web app's use these same rows.
import type { SarcomaOutcomes } from '@sarcsim/model/sarcoma';

export function formatNumber(value: number | null, digits?: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const d = digits ?? (Math.abs(value) >= 1_000 ? 0 : Math.abs(value) >= 10 ? 2 : 3);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const percent = (value: number | null) =>
  value !== null && Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : '–';

/** Outcome rows: label (indented rows belong to the row above) and the formatted value. */
export const OUTCOME_ROWS: readonly [string, (o: SarcomaOutcomes) => string][] = [
  ['Liver metastasis detected (by horizon)', (o) => percent(o.livermetDetected)],
  ['  found by surveillance, per patient', (o) => formatNumber(o.detectedBySurveillance)],
  ['  found by symptoms, per patient', (o) => formatNumber(o.detectedBySymptoms)],
  ['At first detection: lesions (mean)', (o) => formatNumber(o.atDetection.meanLesions, 2)],
  ['  largest lesion, mm (mean)', (o) => formatNumber(o.atDetection.meanLargestMm, 1)],
  ['  multiple lesions', (o) => percent(o.atDetection.multiple)],
  ['  bilobar', (o) => percent(o.atDetection.bilobar)],
  ['  oligometastatic (≤5 lesions, ≤2 sites)', (o) => percent(o.atDetection.oligometastatic)],
  ['  resected', (o) => percent(o.atDetection.resected)],
  ['  inside the synchronous window (6 months)', (o) => percent(o.atDetection.inSynchronousWindow)],
  ['  labelled synchronous (systemic first)', (o) => percent(o.atDetection.synchronous)],
  ['Found by symptoms: share of first detections', (o) => percent(o.atSymptomaticDetection.share)],
  ['  lesions (mean)', (o) => formatNumber(o.atSymptomaticDetection.meanLesions, 2)],
  ['  largest lesion, mm (mean)', (o) => formatNumber(o.atSymptomaticDetection.meanLargestMm, 1)],
  ['  oligometastatic', (o) => percent(o.atSymptomaticDetection.oligometastatic)],
  ['  resected', (o) => percent(o.atSymptomaticDetection.resected)],
  ['Detected liver metastasis ever resected', (o) => percent(o.detectedEverResected)],
  ['Extrahepatic metastasis, per patient', (o) => formatNumber(o.extrahepatic.occurred, 3)],
  ['  found', (o) => formatNumber(o.extrahepatic.detected, 3)],
  ['  lung metastasectomies', (o) => formatNumber(o.extrahepatic.lungMetastasectomies, 4)],
  ['  systemic courses for it', (o) => formatNumber(o.extrahepatic.systemicTherapies, 4)],
  ['Local recurrences per patient', (o) => formatNumber(o.localRecurrences, 3)],
  ['Surveillance scans per patient', (o) => formatNumber(o.surveillanceScans, 2)],
  ['Post-treatment follow-up scans per patient', (o) => formatNumber(o.followUpScans, 3)],
  ['False positives (work-ups) per patient', (o) => formatNumber(o.falsePositives, 3)],
  ['Liver resections per patient', (o) => formatNumber(o.resections, 4)],
  ['Ablations per patient', (o) => formatNumber(o.ablations, 4)],
  ['Systemic therapy courses per patient', (o) => formatNumber(o.systemicTherapies, 4)],
  ['Deaths from metastatic cancer (by horizon)', (o) => percent(o.deaths.cancer)],
  ['Deaths from local recurrence (by horizon)', (o) => percent(o.deaths.localRecurrence)],
  ['Deaths from other causes (by horizon)', (o) => percent(o.deaths.otherCauses)],
  ['Overall survival from entry, 2 years', (o) => percent(o.survivalFromEntry.years2)],
  ['  5 years', (o) => percent(o.survivalFromEntry.years5)],
  ['  10 years', (o) => percent(o.survivalFromEntry.years10)],
  ['Survival from detection, 1 year (LEAD-TIME BIASED)', (o) => percent(o.leadTimeBiasedSurvivalFromDetection.years1)],
  ['  2 years (LEAD-TIME BIASED)', (o) => percent(o.leadTimeBiasedSurvivalFromDetection.years2)],
];
