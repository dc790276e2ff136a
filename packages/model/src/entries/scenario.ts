// @sarcsim/model/scenario: the validated description of a run, its runner and its report.

export type { CalibrationStamp } from '../scenario/calibration-hash.js';
export { calibrationSetHash, calibrationStamp } from '../scenario/calibration-hash.js';
export { canonicalJson, scenarioHash } from '../scenario/canonical-hash.js';
export type { ReportedStrategy, ReportOptions, RunReport } from '../scenario/run-report.js';
export { hashOfScenario, reportFor, scenarioBlocks } from '../scenario/run-report.js';
export type { SarcomaScenario, SarcomaScenarioInput, Scenario, ScenarioInput } from '../scenario/scenario.js';
export {
  DEFAULT_PATIENTS,
  DEFAULT_SEED,
  MAX_BLOCK_SIZE,
  MAX_PATIENTS,
  MAX_STRATEGIES,
  MIN_HORIZON_YEARS,
  parseScenario,
  scenarioSchema,
} from '../scenario/scenario.js';
export { runnerFor } from '../scenario/scenario-runner.js';
export { MAX_SCANS_PER_PATIENT, MAX_SEGMENTS, MIN_INTERVAL_MONTHS } from '../scenario/schedule-limits.js';
export { JsonTextError, MAX_JSON_DEPTH, parseJsonText, structureProblems } from '../scenario/untrusted-json.js';
export { formatIssues, formatPath, preview, ScenarioError } from '../scenario/validation-error.js';
