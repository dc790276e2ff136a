// @sarcsim/model/sarcoma: the domain vocabulary, the evidence registry and the sarcoma
// liver-metastasis model built on it.
export type { Histology, Site } from '../domain/categories.js';
export { HISTOLOGIES, HISTOLOGY_LABELS, LMS, SITE_LABELS, SITES } from '../domain/categories.js';
export type { SourceStyle } from '../evidence/describe.js';
export { describeDistribution, sourceText } from '../evidence/describe.js';
export type { Distribution, DocumentId, EvidenceRecord, Source, Topic } from '../evidence/evidence-record.js';
export { DOCUMENTS } from '../evidence/evidence-record.js';
export type { Modality } from '../evidence/records/imaging.js';
export { MODALITIES, MODALITY_LABELS } from '../evidence/records/imaging.js';
export type { CalibrationSet, OverrideProblem } from '../evidence/registry.js';
export {
  EVIDENCE,
  EVIDENCE_BY_ID,
  overrideProblems,
  PARAMETER_IDS,
  ParameterValues,
  PRIORS_ONLY,
} from '../evidence/registry.js';
export type { GradeEffect } from '../sarcoma/grade-effect.js';
export { GRADE_EFFECTS } from '../sarcoma/grade-effect.js';
export type { QuantityChannel } from '../sarcoma/names.js';
export { OUTCOME_CHANNELS, QUANTITY_CHANNELS, SARCOMA_COUNTERS } from '../sarcoma/names.js';
export type { SarcomaOutcomes } from '../sarcoma/outcomes.js';
export { sarcomaOutcomes } from '../sarcoma/outcomes.js';
export type { SarcomaOptions } from '../sarcoma/sarcoma-model.js';
export { sarcomaSimulation } from '../sarcoma/sarcoma-model.js';
export type { Eligibility, ScheduleSegment, SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';
export {
  consensusSchedule,
  DEFAULT_STRATEGY_IDS,
  isEligible,
  NAMED_STRATEGIES,
} from '../sarcoma/surveillance-strategy.js';
export type { SynchronousRule } from '../sarcoma/synchronous-rule.js';
export { isSynchronous, SYNCHRONOUS_RULES } from '../sarcoma/synchronous-rule.js';
export type {
  Classification,
  Findings,
  PatientFactors,
  TreatmentPlan,
  TreatmentRules,
} from '../sarcoma/treatment-rules.js';
export { classify, decideTreatment } from '../sarcoma/treatment-rules.js';
export type { QuantityPrice } from '../sarcoma/valuation.js';
export { QUANTITY_PRICES, sarcomaPriceTerms, VALUATION_PARAMETER_IDS } from '../sarcoma/valuation.js';
