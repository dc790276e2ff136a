// @sarcsim/model/analyses: analyses over many runs of a scenario (PSA, DSA), each given an
// evaluator that runs one scenario (a worker pool, or in-process).

export type { DrawOutcome } from '../analyses/draw-outcome.js';
export { drawOutcome, innerCovarianceLength } from '../analyses/draw-outcome.js';
export type { DsaResult, DsaSettingsInput, EvaluateOverrides, Threshold, TornadoRow } from '../analyses/dsa.js';
export { dsaSettingsSchema, runDsa } from '../analyses/dsa.js';
export type { CalibratedParameterMode } from '../analyses/parameter-sampling.js';
export {
  distributionMean,
  interval95,
  parametersAtMeans,
  sampledParameters,
  sampleParameters,
  samplingDistribution,
} from '../analyses/parameter-sampling.js';
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
export { calibrationHash, drawsHash, expectedManifest } from '../analyses/psa-integrity.js';
export type { PsaDraw, PsaPart } from '../analyses/psa-part.js';
export type { ParameterDifference, ReferenceCase, ReferenceCaseKind } from '../analyses/reference-case.js';
export { referenceCase } from '../analyses/reference-case.js';
