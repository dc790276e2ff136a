// Summaries of one parameter's column in a calibration set's posterior draws: what
// deterministic runs use (the mean), what DSA sweeps and the docs report (the central 95%).
import type { CalibrationSet } from './registry.js';

export interface DrawSummary {
  readonly mean: number;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** The p-quantile of sorted values, at the nearest rank (no interpolation, so always a drawn value). */
export function nearestRankQuantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))] as number;
}

/** The parameter's mean, median and central 95% over the set's draws; undefined if the set has none of it. */
export function drawSummary(calibration: CalibrationSet, id: string): DrawSummary | undefined {
  const draws = calibration.draws;
  const column = draws?.parameterIds.indexOf(id) ?? -1;
  if (draws === undefined || column < 0 || draws.rows.length === 0) return undefined;
  const values = draws.rows.map((row) => row[column] as number);
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    median: nearestRankQuantile(sorted, 0.5),
    low: nearestRankQuantile(sorted, 0.025),
    high: nearestRankQuantile(sorted, 0.975),
  };
}
