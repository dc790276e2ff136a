// The committed calibration as an input: the calibration layer owns it, and whoever builds
// a run (the CLI, the worker runtime, the web app) passes it down to the analyses, the
// scenario runner and the evidence registry. It is the committed posterior
// (calibration-posterior.ts): deterministic runs use the POSTERIOR MEAN of its draws, PSA
// takes one of its draws (all calibrated parameters jointly) per PSA draw.
import type { CalibrationSet } from '../evidence/registry.js';
import { CALIBRATION_POSTERIOR } from './calibration-posterior.js';
import { decodeDraws, type PosteriorRecord } from './posterior-record.js';

export interface CommittedCalibration extends CalibrationSet {
  readonly posterior: PosteriorRecord;
}

/** The calibration set of a posterior record: its draws, and their mean as the point values. */
export function calibrationSetOf(posterior: PosteriorRecord): CommittedCalibration {
  const rows = decodeDraws(posterior);
  const values = Object.fromEntries(
    posterior.parameterIds.map((id, k) => [id, rows.reduce((s, row) => s + (row[k] as number), 0) / rows.length]),
  );
  return { name: posterior.name, values, draws: { parameterIds: posterior.parameterIds, rows }, posterior };
}

/** The posterior written by `pnpm calibrate` (docs/validation.md reports it); default runs use it. */
export const COMMITTED_CALIBRATION: CommittedCalibration = calibrationSetOf(CALIBRATION_POSTERIOR);
