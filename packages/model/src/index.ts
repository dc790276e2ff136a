// Public entry of @sarcsim/model: the engine, the example model and the scenario layer.
// Pure TypeScript: no DOM and no Node built-ins, so it runs in browsers, workers and Node.

export type { CalibrationResult, CalibrationSettings, EvaluateExperiments } from './calibration/calibrate.js';
export { CALIBRATED_PARAMETERS, runCalibration } from './calibration/calibrate.js';
export { CALIBRATED_VALUES, CALIBRATION_META } from './calibration/calibrated-parameters.js';
export type { CalibrationMeta } from './calibration/calibration-meta.js';
export { renderCalibratedModule } from './calibration/calibration-meta.js';
export type { Experiment, ExperimentId, ExperimentResults, ExperimentSizes } from './calibration/experiments.js';
export { EXPERIMENT_IDS, experiment, experimentResult, runExperiments } from './calibration/experiments.js';
export type { ExternalCheck, ExternalComparison } from './calibration/external-validation.js';
export { EXTERNAL_COMPARISONS, externalValidation } from './calibration/external-validation.js';
export type { Likelihood, Target } from './calibration/targets.js';
export { TARGETS } from './calibration/targets.js';
export { renderTargetsSvg, renderValidationMarkdown } from './calibration/validation-docs.js';
export type { ParameterCheck, TargetCheck, ValidationReport } from './calibration/validation-report.js';
export { validationReport } from './calibration/validation-report.js';
export type { LifeTableBySex } from './data/life-tables.js';
export { JAPAN_2020, LIFE_TABLES, US_2022 } from './data/life-tables.js';
export type { DsaResult, DsaSettingsInput, EvaluateOverrides, Threshold, TornadoRow } from './economics/dsa.js';
export { dsaSettingsSchema, runDsa } from './economics/dsa.js';
export type { EconomicSettings } from './economics/economic-settings.js';
export {
  CURRENCY,
  DEFAULT_WILLINGNESS_TO_PAY,
  economicSettingsSchema,
  MAX_PSA_DRAWS,
} from './economics/economic-settings.js';
export type { EvppiResult } from './economics/evppi.js';
export { evppi } from './economics/evppi.js';
export type {
  DominanceStatus,
  IncrementalAnalysis,
  IncrementalRow,
  StrategyOutcome,
} from './economics/incremental-analysis.js';
export { incrementalAnalysis } from './economics/incremental-analysis.js';
export type { CalibratedParameterMode } from './economics/parameter-sampling.js';
export {
  interval95,
  sampledParameters,
  sampleParameters,
  samplingDistribution,
} from './economics/parameter-sampling.js';
export type {
  EvaluateScenario,
  EvppiGroupResult,
  PsaDraw,
  PsaPart,
  PsaProgress,
  PsaResult,
  PsaSummary,
  Spread,
} from './economics/psa.js';
export { mergePsaParts, runPsaPart, shardRange, summarisePsa } from './economics/psa.js';
export { parsePsaPart } from './economics/psa-file.js';
export { calibrationHash, drawsHash, expectedManifest } from './economics/psa-integrity.js';
export type { WtpPoint } from './economics/psa-summary.js';
export { acceptability, effectivePopulation, wtpGrid } from './economics/psa-summary.js';
export type { RunEconomics, StrategyEconomics } from './economics/strategy-economics.js';
export { runEconomics, strategyEconomics } from './economics/strategy-economics.js';
export type { AccumulatorLayout, CurveLayout, TraceRecord } from './engine/accumulators.js';
export { BlockAccumulator } from './engine/accumulators.js';
export type { TransferableBlock } from './engine/block-transfer.js';
export { fromTransferable, mergeTransferable, toTransferable } from './engine/block-transfer.js';
export type { BlockRange, SerialRunOptions } from './engine/blocks.js';
export { blocksOf, DEFAULT_BLOCK_SIZE, runSerial } from './engine/blocks.js';
export { SURVIVAL_CURVE } from './engine/compiled-model.js';
export { continuousRate, discountedDuration, discountFactor } from './engine/discounting.js';
export { ExactSums } from './engine/exact-sum.js';
export type { Hazard } from './engine/hazard.js';
export { exponential, gompertz, lifeTable, logLogistic, piecewiseConstant, weibull } from './engine/hazard.js';
export type {
  BlockSpec,
  CurveDefinition,
  EventHandler,
  Individual,
  ModelDefinition,
  PerIndividual,
  RewardChannelDefinition,
  SimulationContext,
  SimulationDefinition,
  StrategyDefinition,
  TransitionDefinition,
} from './engine/model.js';
export type { StreamCoordinates, Uniform } from './engine/random-streams.js';
export { ENTRY_PURPOSE, NATURAL_PURPOSE, openStream, purposeId, streamSeed } from './engine/random-streams.js';
export type { CurveResult, Estimate, RewardEstimate, SimulationResults, StrategyResult } from './engine/results.js';
export { estimate, summarize } from './engine/results.js';
export type { SimulationRunner } from './engine/simulator.js';
export { createRunner } from './engine/simulator.js';
export type { Distribution, DocumentId, EvidenceRecord, Source, Topic } from './evidence/evidence-record.js';
export { DOCUMENTS } from './evidence/evidence-record.js';
export { describeDistribution, renderParameterDocs } from './evidence/parameter-docs.js';
export type { Modality } from './evidence/records/imaging.js';
export { MODALITIES, MODALITY_LABELS } from './evidence/records/imaging.js';
export type { OverrideProblem } from './evidence/registry.js';
export { EVIDENCE, EVIDENCE_BY_ID, overrideProblems, PARAMETER_IDS, ParameterValues } from './evidence/registry.js';
export type { IllnessDeathParameters } from './examples/illness-death.js';
export { ILLNESS_DEATH_DEFAULTS, illnessDeathExample } from './examples/illness-death.js';
export type { Histology, Site } from './sarcoma/categories.js';
export { HISTOLOGIES, HISTOLOGY_LABELS, LMS, SITE_LABELS, SITES } from './sarcoma/categories.js';
export type { SarcomaOutcomes } from './sarcoma/outcomes.js';
export { sarcomaOutcomes } from './sarcoma/outcomes.js';
export type { SarcomaOptions } from './sarcoma/sarcoma-model.js';
export { SARCOMA_COUNTERS, sarcomaSimulation } from './sarcoma/sarcoma-model.js';
export type { Eligibility, ScheduleSegment, SurveillanceStrategy } from './sarcoma/surveillance-strategy.js';
export {
  consensusSchedule,
  DEFAULT_STRATEGY_IDS,
  isEligible,
  NAMED_STRATEGIES,
} from './sarcoma/surveillance-strategy.js';
export type { SynchronousRule } from './sarcoma/synchronous-rule.js';
export { isSynchronous, SYNCHRONOUS_RULES } from './sarcoma/synchronous-rule.js';
export type {
  Classification,
  Findings,
  PatientFactors,
  TreatmentPlan,
  TreatmentRules,
} from './sarcoma/treatment-rules.js';
export { classify, decideTreatment } from './sarcoma/treatment-rules.js';
export { canonicalJson, scenarioHash } from './scenario/canonical-hash.js';
export type { ReportedStrategy, RunReport } from './scenario/run-report.js';
export { hashOfScenario, reportFor, scenarioBlocks } from './scenario/run-report.js';
export type { SarcomaScenario, Scenario, ScenarioInput } from './scenario/scenario.js';
export {
  DEFAULT_PATIENTS,
  DEFAULT_SEED,
  MAX_BLOCK_SIZE,
  MAX_PATIENTS,
  MAX_STRATEGIES,
  MIN_HORIZON_YEARS,
  parseScenario,
  scenarioSchema,
} from './scenario/scenario.js';
export { runnerFor } from './scenario/scenario-runner.js';
export { MAX_SCANS_PER_PATIENT, MAX_SEGMENTS, MIN_INTERVAL_MONTHS } from './scenario/schedule-limits.js';
export { JsonTextError, MAX_JSON_DEPTH, parseJsonText, structureProblems } from './scenario/untrusted-json.js';
export { formatIssues, formatPath, preview, ScenarioError } from './scenario/validation-error.js';
export { SARCSIM_VERSION } from './version.js';
