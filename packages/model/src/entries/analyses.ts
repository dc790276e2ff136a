// @sarcsim/model/analyses: analyses over many runs of a scenario (PSA, DSA), each given an
// evaluator that runs one scenario (a worker pool, or in-process).

export type { DrawOutcome } from '../analyses/draw-outcome.js';
export { drawOutcome, innerCovarianceLength } from '../analyses/draw-outcome.js';
export type {
  DsaEvaluation,
  DsaResult,
  DsaSettingsInput,
  EvaluateOverrides,
  Threshold,
  TornadoRow,
} from '../analyses/dsa.js';
export { dsaSettingsSchema, runDsa } from '../analyses/dsa.js';
export type {
  CandidateEstimate,
  CandidateRow,
  ExploreOptions,
  ExploreProgress,
  ExploreResult,
  FrontierRow,
  LevelFrequency,
  PairedDifference,
  SelectionCorrection,
  StageSummary,
  ThresholdRow,
} from '../analyses/explore.js';
export {
  explore,
  FRESH_REPLICATE,
  inmbOf,
  keepNearFrontier,
  leadersOf,
  REPORT_THRESHOLDS,
  SELECTION_REPLICATE,
  thresholdGrid,
} from '../analyses/explore.js';
export type { CeafPoint, FrontierPsa, FrontierPsaSettings } from '../analyses/frontier-psa.js';
export {
  ceafPoints,
  checkFrontierPsaSettings,
  DEFAULT_FRONTIER_PSA_PATIENTS,
  FRONTIER_PSA_FIRST_REPLICATE,
} from '../analyses/frontier-psa.js';
export type { CalibratedParameterMode } from '../analyses/parameter-sampling.js';
export {
  distributionMean,
  interval95,
  parameterInterval95,
  parametersAtMeans,
  sampledParameters,
  sampleParameters,
} from '../analyses/parameter-sampling.js';
export type {
  Candidate,
  CandidateFactors,
  CandidateSet,
  PolicySpace,
  PolicySpaceInput,
  SearchSettings,
} from '../analyses/policy-space.js';
export {
  CANDIDATES_PER_RUN,
  candidateSet,
  DEFAULT_POLICY_SPACE,
  FACTOR_NAMES,
  factorLevel,
  historiesFor,
  MAX_CANDIDATES,
  policySpaceSchema,
  runsFor,
} from '../analyses/policy-space.js';
export type {
  EvaluateScenario,
  EvppiGroupResult,
  PsaProgress,
  PsaResult,
  PsaSummary,
  Spread,
} from '../analyses/psa.js';
export { mergePsaParts, runPsaPart, shardRange, summarisePsa } from '../analyses/psa.js';
export { parsePsaPart } from '../analyses/psa-file.js';
export { drawsHash, expectedManifest } from '../analyses/psa-integrity.js';
export type { PsaDraw, PsaPart } from '../analyses/psa-part.js';
export type { ParameterDifference, ReferenceCase, ReferenceCaseKind } from '../analyses/reference-case.js';
export { referenceCase } from '../analyses/reference-case.js';
export type {
  EvaluateRun,
  StructuralLevel,
  StructuralLevelResult,
  StructuralOverride,
  StructuralResult,
  StructuralSwitch,
  StructuralSwitchResult,
} from '../analyses/structural-scenarios.js';
export {
  applyStructuralLevel,
  runStructuralScenarios,
  STRUCTURAL_SWITCHES,
  selectSwitches,
  structuralSwitchSchema,
  withStructuralLevels,
} from '../analyses/structural-scenarios.js';
