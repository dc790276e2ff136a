// @sarcsim/model/calibration: fitting the calibrated parameters to their targets, the
// committed fit (passed down to runs as an input) and its validation report.
export type { CalibrationResult, CalibrationSettings, EvaluateExperiments } from '../calibration/calibrate.js';
export { CALIBRATED_PARAMETERS, runCalibration } from '../calibration/calibrate.js';
export type { CalibrationMeta } from '../calibration/calibration-meta.js';
export type { CommittedCalibration } from '../calibration/committed-calibration.js';
export { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
export type { Experiment, ExperimentId, ExperimentResults, ExperimentSizes } from '../calibration/experiments.js';
export { EXPERIMENT_IDS, experiment, experimentResult, runExperiments } from '../calibration/experiments.js';
export type { ExternalCheck, ExternalComparison } from '../calibration/external-validation.js';
export { EXTERNAL_COMPARISONS, externalValidation } from '../calibration/external-validation.js';
export type { Likelihood, Target } from '../calibration/targets.js';
export { TARGETS } from '../calibration/targets.js';
export type { ParameterCheck, TargetCheck, ValidationReport } from '../calibration/validation-report.js';
export { validationReport } from '../calibration/validation-report.js';
