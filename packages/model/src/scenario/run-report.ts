// A run's report: results plus everything needed to reproduce them (version, seed, scenario
// hash, calibration set).
import { type RunEconomics, runEconomics } from '../economics/strategy-economics.js';
import type { BlockAccumulator } from '../engine/accumulators.js';
import { type BlockRange, blocksOf } from '../engine/blocks.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import type { CalibrationSet } from '../evidence/registry.js';
import { type SarcomaOutcomes, sarcomaOutcomes } from '../sarcoma/outcomes.js';
import { SARCSIM_VERSION } from '../version.js';
import { type CalibrationStamp, calibrationSetHash, calibrationStamp } from './calibration-hash.js';
import { scenarioHash } from './canonical-hash.js';
import type { Scenario } from './scenario.js';

export interface RunReport {
  readonly version: string;
  readonly model: string;
  /** Hash of the scenario and the calibration set together (`hashOfScenario`). */
  readonly scenarioHash: string;
  /** The calibration set the run used: its name and hash. */
  readonly calibration: CalibrationStamp;
  readonly seed: number;
  readonly patients: number;
  readonly horizonYears: number;
  readonly strategies: readonly ReportedStrategy[];
  /**
   * The model's unpaired reward channels, if any: quantities (scans, operations, years in a
   * utility class) that the economics price (economics/valuation.ts); the other channels are
   * the priced outcomes.
   */
  readonly quantityChannels?: readonly string[];
  /** Costs, QALYs and the incremental analysis (sarcoma model). */
  readonly economics?: RunEconomics;
}

/** A strategy's engine results plus, for the sarcoma model, the outcomes derived from them. */
export type ReportedStrategy = StrategyResult & { readonly outcomes?: SarcomaOutcomes };

export function scenarioBlocks(scenario: Scenario): BlockRange[] {
  return blocksOf(scenario.patients, scenario.blockSize);
}

export interface ReportOptions {
  /** The strategy every other is also compared with (paired precision); default the cheapest frontier strategy. */
  readonly reference?: string;
}

/** Refuses partial results: the accumulator must cover every one of the scenario's individuals. */
export function requireWholeRun(scenario: Scenario, merged: BlockAccumulator): void {
  if (merged.firstIndex !== 0 || merged.count !== scenario.patients) {
    throw new RangeError(
      `run report: results cover individuals ${merged.firstIndex}–${merged.firstIndex + merged.count - 1}, but the scenario has ${scenario.patients}`,
    );
  }
}

/** Builds the report from the merged accumulator of all the scenario's blocks. */
export function reportFor(
  scenario: Scenario,
  merged: BlockAccumulator,
  calibration: CalibrationSet,
  options: ReportOptions = {},
): RunReport {
  requireWholeRun(scenario, merged);
  const results = summarize(merged);
  const paired = new Set(results.paired.channels);
  const quantityChannels = merged.layout.channels.filter((c) => !paired.has(c));
  return {
    version: SARCSIM_VERSION,
    model: scenario.model,
    scenarioHash: hashOfScenario(scenario, calibrationSetHash(calibration)),
    calibration: calibrationStamp(calibration),
    seed: scenario.seed,
    patients: scenario.patients,
    horizonYears: results.horizonYears,
    strategies: results.strategies.map((s) =>
      scenario.model === 'sarcoma' ? { ...s, outcomes: sarcomaOutcomes(s) } : s,
    ),
    ...(quantityChannels.length === 0 ? {} : { quantityChannels }),
    ...(scenario.model === 'sarcoma'
      ? {
          economics: runEconomics(
            results.strategies,
            scenario.economics.willingnessToPay,
            results.paired,
            options.reference,
          ),
        }
      : {}),
  };
}

/**
 * The hash covers everything that decides the results, the calibration set's hash
 * (`calibrationSetHash`) included; block
 * size does not, so it is left out.
 */
export function hashOfScenario(scenario: Scenario, calibrationHash: string): string {
  const { blockSize: _blockSize, ...decisive } = scenario;
  return scenarioHash({ ...decisive, calibration: calibrationHash });
}
