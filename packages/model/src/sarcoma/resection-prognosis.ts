// Recurrence after R0 liver resection depends on what was resected and when: more lesions,
// a large lesion and a short disease-free interval (synchronous or early disease) recur sooner
// (002: Lang 2000, synchronous vs metachronous median OS 22 vs 32 months). The ratios multiply
// the calibrated baseline recurrence hazard, which is fitted to the series' DFS (002).
import type { LiverBurden } from './liver-burden.js';
import type { ResectionPrognosis } from './model-inputs.js';

export function resectionRecurrenceHazardRatio(
  prognosis: ResectionPrognosis,
  burden: LiverBurden,
  diseaseFreeYears: number,
): number {
  const extraLesions = Math.max(0, burden.lesions - 1);
  return (
    prognosis.hazardRatioPerExtraLesion ** extraLesions *
    (burden.largestMm > prognosis.largeLesionMm ? prognosis.hazardRatioLargeLesion : 1) *
    (diseaseFreeYears < prognosis.shortDfiYears ? prognosis.hazardRatioShortDfi : 1)
  );
}
