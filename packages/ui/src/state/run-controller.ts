// Runs scenarios, PSAs and DSAs in the browser's worker pool, and estimates how long each kind
// takes from what it measured. The page only ever waits on promises; every simulation happens
// in module Workers.
import {
  applyStructuralLevel,
  type CandidateSet,
  type DsaResult,
  type DsaSettingsInput,
  type ExploreProgress,
  type ExploreResult,
  type PsaResult,
  type StructuralResult,
  type StructuralSwitch,
  summarisePsa,
} from '@sarcsim/model/analyses';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { type SimulationResults, summarize } from '@sarcsim/model/engine';
import {
  calibrationSetHash,
  hashOfScenario,
  type RunReport,
  reportFor,
  type SarcomaScenario,
  type Scenario,
} from '@sarcsim/model/scenario';
import {
  createBrowserPool,
  dsaOnPool,
  exploreOnPool,
  psaOnPool,
  type RunProgress,
  structuralOnPool,
  type WorkerPool,
} from '@sarcsim/worker/browser';

export type AnalysisKind = 'run' | 'psa' | 'dsa' | 'structural' | 'explore';

/**
 * Histories (patients × strategies) per second per worker assumed before the first run:
 * Chromium ran 100,000 patients × 5 strategies in 3.2 s on one worker (docs/performance.md);
 * rounded down so estimates err long.
 */
const ASSUMED_HISTORIES_PER_SECOND_PER_WORKER = 120_000;

/**
 * Seconds each PSA draw or DSA run costs beyond its histories, assumed until one is measured:
 * every draw or run is a separate pass over the pool (parameters drawn, the model set up in each
 * worker, results merged). Two `pnpm bench:app` runs on this shared 2-core machine (load 14–25)
 * measured 0.05 s per PSA draw (20 draws × 1,000 patients) and 0.06–0.13 s per DSA run (209 runs
 * of 1,000 patients × 2 strategies) beyond the histories at the rate the same session's run
 * measured; 0.1 s is assumed for both. A structural level is a run of the same kind as a DSA run
 * (a pass over the pool, with paired moments), so it is assumed to cost the same until measured;
 * so is each run of an exploration (a batch of candidates beside the comparator).
 * After the first analysis of a kind, its own measurement is used.
 */
const ASSUMED_SECONDS_PER_TASK: Record<AnalysisKind, number> = {
  run: 0,
  psa: 0.1,
  dsa: 0.1,
  structural: 0.1,
  explore: 0.1,
};

/** How much work an analysis is: separate passes over the pool and histories in all. */
export interface Workload {
  readonly tasks: number;
  readonly histories: number;
}

export class RunController {
  private pool: WorkerPool | undefined;
  /** Histories per second per worker, measured on the last run. */
  private rate: number | undefined;
  /** Overhead seconds per task, measured on the last analysis of each kind. */
  private readonly perTask = new Map<AnalysisKind, number>();

  private poolOf(workers: number): WorkerPool {
    if (this.pool?.size !== workers) {
      this.pool?.terminate();
      this.pool = createBrowserPool(workers);
    }
    return this.pool;
  }

  estimateSeconds(kind: AnalysisKind, work: Workload, workers: number): number {
    const rate = this.rate ?? ASSUMED_HISTORIES_PER_SECOND_PER_WORKER;
    const perTask = this.perTask.get(kind) ?? ASSUMED_SECONDS_PER_TASK[kind];
    return work.tasks * perTask + work.histories / (rate * workers);
  }

  /** Learns from a finished analysis: a run sets the rate, a PSA or DSA its overhead per task. */
  private measured(kind: AnalysisKind, work: Workload, workers: number, seconds: number): void {
    if (kind === 'run') {
      this.rate = work.histories / seconds / workers;
      return;
    }
    const rate = this.rate ?? ASSUMED_HISTORIES_PER_SECOND_PER_WORKER;
    this.perTask.set(kind, Math.max(0, seconds - work.histories / (rate * workers)) / work.tasks);
  }

  async run(
    scenario: Scenario,
    workers: number,
    onProgress: (progress: RunProgress) => void,
    signal: AbortSignal,
  ): Promise<{ report: RunReport; moments: SimulationResults['paired'] }> {
    const started = performance.now();
    const merged = await this.poolOf(workers).run(scenario, { onProgress, signal, progressIntervalMs: 150 });
    const report = reportFor(scenario, merged, COMMITTED_CALIBRATION);
    const work = { tasks: 1, histories: scenario.patients * report.strategies.length };
    this.measured('run', work, workers, (performance.now() - started) / 1000);
    return { report, moments: summarize(merged).paired };
  }

  async psa(
    scenario: SarcomaScenario,
    workers: number,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<PsaResult> {
    const started = performance.now();
    const result = summarisePsa(
      await psaOnPool(this.poolOf(workers), scenario, onProgress, signal),
      COMMITTED_CALIBRATION,
    );
    const work = psaWorkload(scenario);
    this.measured('psa', work, workers, (performance.now() - started) / 1000);
    return result;
  }

  async dsa(
    scenario: SarcomaScenario,
    settings: DsaSettingsInput,
    workers: number,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<DsaResult> {
    const started = performance.now();
    let runs = 0;
    const result = await dsaOnPool(
      this.poolOf(workers),
      scenario,
      settings,
      (done, total) => {
        runs = done;
        onProgress(done, total);
      },
      signal,
    );
    const work = { tasks: runs, histories: runs * scenario.patients * scenario.strategies.length };
    this.measured('dsa', work, workers, (performance.now() - started) / 1000);
    return result;
  }

  /** The structural scenarios of `switches`; `runs` is their number of distinct runs (for the measurement). */
  async structural(
    scenario: SarcomaScenario,
    switches: readonly StructuralSwitch[],
    workers: number,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<StructuralResult> {
    const started = performance.now();
    let runs = 0;
    const result = await structuralOnPool(
      this.poolOf(workers),
      scenario,
      switches,
      (done, total) => {
        runs = total;
        onProgress(done, total);
      },
      signal,
    );
    const work = { tasks: runs, histories: runs * scenario.patients * scenario.strategies.length };
    this.measured('structural', work, workers, (performance.now() - started) / 1000);
    return result;
  }

  /** An exploration of `set` on the seed; measured on the runs and histories it actually spent. */
  async explore(
    set: CandidateSet,
    seed: number,
    workers: number,
    onProgress: (p: ExploreProgress) => void,
    signal: AbortSignal,
  ): Promise<ExploreResult> {
    const started = performance.now();
    const result = await exploreOnPool(this.poolOf(workers), set, seed, onProgress, signal);
    const runs = result.stages.reduce((sum, s) => sum + s.runs, 0) + result.fresh.runs;
    this.measured(
      'explore',
      { tasks: runs, histories: result.historiesTotal },
      workers,
      (performance.now() - started) / 1000,
    );
    return result;
  }

  dispose(): void {
    this.pool?.terminate();
    this.pool = undefined;
  }
}

export const psaWorkload = (s: Pick<SarcomaScenario, 'patients' | 'strategies' | 'economics'>): Workload => ({
  tasks: s.economics.psa.draws,
  histories: s.economics.psa.draws * s.patients * s.strategies.length,
});

export const runWorkload = (s: Pick<SarcomaScenario, 'patients' | 'strategies'>): Workload => ({
  tasks: 1,
  histories: s.patients * s.strategies.length,
});

/**
 * Structural scenarios: one run per distinct scenario among the base case and the switches'
 * levels (a level equal to the base case, or to an earlier level, is run once, as
 * runStructuralScenarios does), each of every patient and strategy.
 */
export function structuralWorkload(scenario: SarcomaScenario, switches: readonly StructuralSwitch[]): Workload {
  const calibrationHash = calibrationSetHash(COMMITTED_CALIBRATION);
  const distinct = new Set([hashOfScenario(scenario, calibrationHash)]);
  for (const s of switches)
    for (const level of s.levels)
      distinct.add(hashOfScenario(applyStructuralLevel(scenario, s.id, level, COMMITTED_CALIBRATION), calibrationHash));
  return { tasks: distinct.size, histories: distinct.size * scenario.patients * scenario.strategies.length };
}
