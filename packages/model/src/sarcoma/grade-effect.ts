// Grade as a structural choice. 'modelled' (the default): a high-grade primary carries the
// registry's hazard ratios for metastasis and local recurrence. 'averaged': grade changes no
// patient's hazards; every patient of a histology carries that histology's grade-mix mean ratio,
// (1 − s)·1 + s·HR with s its high-grade share. The mean hazard at entry is kept (so the
// calibration still roughly holds); what goes is the heterogeneity by grade, as in a model
// built like Okamoto's registry analysis (000), which did not adjust for grade.
import type { Grade } from '../domain/categories.js';

export const GRADE_EFFECTS = ['modelled', 'averaged'] as const;
export type GradeEffect = (typeof GRADE_EFFECTS)[number];

/** The hazard ratio a patient of this grade carries; `highShare` is the histology's high-grade share. */
export function gradeHazardRatio(effect: GradeEffect, grade: Grade, ratio: number, highShare: number): number {
  if (effect === 'averaged') return 1 - highShare + highShare * ratio;
  return grade === 'high' ? ratio : 1;
}
