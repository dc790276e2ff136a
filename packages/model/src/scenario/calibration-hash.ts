// The hash of a calibration set (name, point values and draws): part of every run's scenario
// hash and of every PSA part's manifest, so results of different calibrations never pass as
// the same. Memoised per set object, since a posterior holds thousands of numbers.
import type { CalibrationSet } from '../evidence/registry.js';
import { scenarioHash } from './canonical-hash.js';

const hashes = new WeakMap<CalibrationSet, string>();

export function calibrationSetHash(calibration: CalibrationSet): string {
  let hash = hashes.get(calibration);
  if (hash === undefined) {
    hash = scenarioHash({ name: calibration.name, values: calibration.values, draws: calibration.draws ?? null });
    hashes.set(calibration, hash);
  }
  return hash;
}

/** What a report or manifest records of the calibration it used. */
export interface CalibrationStamp {
  readonly name: string;
  readonly hash: string;
}

export function calibrationStamp(calibration: CalibrationSet): CalibrationStamp {
  return { name: calibration.name, hash: calibrationSetHash(calibration) };
}
