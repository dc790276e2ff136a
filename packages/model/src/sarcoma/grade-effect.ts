// Grade as a structural choice. 'modelled' (the default): a high-grade primary carries the
// registry's hazard ratios for metastasis and local recurrence. 'averaged': grade changes no
// patient's hazards; every patient of a histology carries that histology's grade-mix mean ratio,
// (1 − s)·1 + s·HR with s its high-grade share. The mean hazard at entry is kept (so the
// calibration still roughly holds); what goes is the heterogeneity by grade, as in a model
// built like Okamoto's registry analysis (000), which did not adjust for grade.
import type { Grade, Histology } from '../domain/categories.js';

export const GRADE_EFFECTS = ['modelled', 'averaged'] as const;
export type GradeEffect = (typeof GRADE_EFFECTS)[number];

/** The hazard ratio a patient carries for a high-vs-low-grade `ratio`, by the patient's grade and histology. */
export type GradeRatio = (grade: Grade, histology: Histology, ratio: number) => number;

/** `highShare` is each histology's high-grade share. (Called inside hazards: kept to a comparison when modelled.) */
export function gradeRatio(effect: GradeEffect, highShare: (histology: Histology) => number): GradeRatio {
  if (effect === 'modelled') return (grade, _histology, ratio) => (grade === 'high' ? ratio : 1);
  return (_grade, histology, ratio) => {
    const s = highShare(histology);
    return 1 - s + s * ratio;
  };
}
