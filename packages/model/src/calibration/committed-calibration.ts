// The committed calibration as an input: the calibration layer owns it, and whoever builds
// a run (scenario runner, analyses, web app) passes it down to the evidence registry.
import type { CalibrationSet } from '../evidence/registry.js';
import { CALIBRATED_VALUES, CALIBRATION_META } from './calibrated-parameters.js';
import type { CalibrationMeta } from './calibration-meta.js';

export interface CommittedCalibration extends CalibrationSet {
  readonly meta: CalibrationMeta;
}

/** The fit written by `pnpm calibrate` (docs/validation.md reports it); default runs use it. */
export const COMMITTED_CALIBRATION: CommittedCalibration = { values: CALIBRATED_VALUES, meta: CALIBRATION_META };
