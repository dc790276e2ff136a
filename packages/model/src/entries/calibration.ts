// @sarcsim/model/calibration: fitting the calibrated parameters to their targets, the
// committed posterior (passed down to runs as an input) and its validation report.
export type { EvaluateExperiments } from '../calibration/calibrate.js';
export { CALIBRATED_PARAMETERS, simulatedTargets, targetsObjective } from '../calibration/calibrate.js';
export type { CommittedCalibration } from '../calibration/committed-calibration.js';
export { COMMITTED_CALIBRATION, calibrationSetOf } from '../calibration/committed-calibration.js';
export type { Experiment, ExperimentId, ExperimentResults, ExperimentSizes } from '../calibration/experiments.js';
export { EXPERIMENT_IDS, experiment, experimentResult, runExperiments } from '../calibration/experiments.js';
export type { ExternalCheck, ExternalComparison } from '../calibration/external-validation.js';
export { EXTERNAL_COMPARISONS, externalValidation } from '../calibration/external-validation.js';
export type { Evaluation, ImisPoint, ImisResult, ImisSettings } from '../calibration/imis.js';
export { effectiveSampleSize, imis } from '../calibration/imis.js';
export type { PosteriorFit, PosteriorSettings } from '../calibration/posterior.js';
export { FULL_POSTERIOR_SETTINGS, QUICK_POSTERIOR_SETTINGS, runPosterior } from '../calibration/posterior.js';
export type { PosteriorProvenance, PosteriorRecord } from '../calibration/posterior-record.js';
export { decodeDraws, posteriorProblems, posteriorRecord } from '../calibration/posterior-record.js';
export type { ParameterSummary, PosteriorDiagnostics, TargetPrediction } from '../calibration/posterior-summary.js';
export type { Likelihood, Target } from '../calibration/targets.js';
export { TARGETS } from '../calibration/targets.js';
export type { ParameterCheck, TargetCheck, ValidationReport } from '../calibration/validation-report.js';
export { validationReport } from '../calibration/validation-report.js';
