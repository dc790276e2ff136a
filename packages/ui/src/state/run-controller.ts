// Runs scenarios in the browser's worker pool. The page only ever waits on promises; every
// simulation happens in module Workers.

import { type DsaResult, type DsaSettingsInput, type PsaResult, summarisePsa } from '@sarcsim/model/analyses';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { type RunReport, reportFor, type SarcomaScenario, type Scenario } from '@sarcsim/model/scenario';
import { createBrowserPool, dsaOnPool, psaOnPool, type RunProgress, type WorkerPool } from '@sarcsim/worker/browser';

/**
 * Histories per second per worker assumed before the first run, for the time estimate:
 * Chromium ran 100,000 patients × 5 strategies in 3.2 s on one worker (docs/performance.md);
 * rounded down so estimates err long.
 */
const ASSUMED_HISTORIES_PER_SECOND_PER_WORKER = 120_000;

export class RunController {
  private pool: WorkerPool | undefined;
  /** Measured on the last run, per worker. */
  private measuredRate: number | undefined;

  private poolOf(workers: number): WorkerPool {
    if (this.pool?.size !== workers) {
      this.pool?.terminate();
      this.pool = createBrowserPool(workers);
    }
    return this.pool;
  }

  estimateSeconds(histories: number, workers: number): number {
    return histories / ((this.measuredRate ?? ASSUMED_HISTORIES_PER_SECOND_PER_WORKER) * workers);
  }

  async run(
    scenario: Scenario,
    workers: number,
    onProgress: (progress: RunProgress) => void,
    signal: AbortSignal,
  ): Promise<RunReport> {
    const started = performance.now();
    const merged = await this.poolOf(workers).run(scenario, { onProgress, signal, progressIntervalMs: 150 });
    const report = reportFor(scenario, merged, COMMITTED_CALIBRATION);
    const seconds = (performance.now() - started) / 1000;
    this.measuredRate = (scenario.patients * report.strategies.length) / seconds / workers;
    return report;
  }

  async psa(
    scenario: SarcomaScenario,
    workers: number,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<PsaResult> {
    return summarisePsa(await psaOnPool(this.poolOf(workers), scenario, onProgress, signal));
  }

  async dsa(
    scenario: SarcomaScenario,
    settings: DsaSettingsInput,
    workers: number,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<DsaResult> {
    return dsaOnPool(this.poolOf(workers), scenario, settings, onProgress, signal);
  }

  dispose(): void {
    this.pool?.terminate();
    this.pool = undefined;
  }
}
