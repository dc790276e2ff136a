// The page's analyses as one controller: a run, a PSA, a DSA and structural scenarios, each a Task (status, progress,
// result, abort) on one worker pool, with the time estimates from what was measured. The root
// component only routes requests here and renders what the tasks hold.
import { type PsaResult, sampledParameters, selectSwitches } from '@sarcsim/model/analyses';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { canonicalJson, type SarcomaScenario } from '@sarcsim/model/scenario';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DsaRecord, psaAt, type RunRecord, type StructuralRecord } from './results-state.js';
import { psaWorkload, RunController, runWorkload, structuralWorkload, type Workload } from './run-controller.js';
import { type ScenarioDraft, strategyId } from './scenario-draft.js';
import { Task } from './task.js';

/** Runs in a default one-way DSA: the base case and both ends of each parameter's range (mix components have none). */
const DSA_RUNS =
  1 +
  2 *
    sampledParameters('posterior', new Set(), COMMITTED_CALIBRATION).filter((p) => p.distribution.kind !== 'dirichlet')
      .length;

export class Analyses implements ReactiveController {
  private readonly controller = new RunController();
  readonly run: Task<RunRecord>;
  readonly psa: Task<PsaResult>;
  readonly dsa: Task<DsaRecord>;
  readonly structural: Task<StructuralRecord>;
  private psaCache: { source: PsaResult; wtp: number; shown: PsaResult } | undefined;
  /** The workload of structural scenarios validates and hashes every level: done once per scenario and selection (the key). */
  private structuralCache: { key: string; work: Workload } | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
    this.run = new Task<RunRecord>(host, 'run', 'patients');
    this.psa = new Task<PsaResult>(host, 'PSA', 'draws');
    this.dsa = new Task<DsaRecord>(host, 'sensitivity analysis', 'runs');
    this.structural = new Task<StructuralRecord>(host, 'structural scenario analysis', 'runs');
  }

  private get tasks() {
    return [this.run, this.psa, this.dsa, this.structural];
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.controller.dispose();
  }

  get busy(): boolean {
    return this.tasks.some((task) => task.running);
  }

  cancel(): void {
    for (const task of this.tasks) task.abort();
  }

  startRun(scenario: SarcomaScenario, workers: number): Promise<RunRecord | undefined> {
    return this.run.start(async ({ signal, progress }) => {
      const started = performance.now();
      const { report, moments } = await this.controller.run(
        scenario,
        workers,
        (p) => progress(p.individualsDone, p.individualsTotal),
        signal,
      );
      return { report, scenario, moments, seconds: (performance.now() - started) / 1000 };
    });
  }

  startPsa(scenario: SarcomaScenario, workers: number): Promise<PsaResult | undefined> {
    return this.psa.start(({ signal, progress }) => this.controller.psa(scenario, workers, progress, signal));
  }

  /** A one-way DSA of `pair` only, so a threshold can only name one of the two. */
  startDsa(
    full: SarcomaScenario,
    pair: { strategy: string; comparator: string },
    workers: number,
  ): Promise<DsaRecord | undefined> {
    const strategies = [pair.strategy, pair.comparator].flatMap((id) =>
      full.strategies.filter((s) => strategyId(s) === id),
    );
    const scenario = { ...full, strategies } as SarcomaScenario;
    return this.dsa.start(async ({ signal, progress }) => ({
      result: await this.controller.dsa(scenario, pair, workers, progress, signal),
      scenario,
    }));
  }

  /** Structural scenarios of the switches named (ids), each level on the scenario's patients. */
  startStructural(
    scenario: SarcomaScenario,
    switchIds: readonly string[],
    workers: number,
  ): Promise<StructuralRecord | undefined> {
    return this.structural.start(async ({ signal, progress }) => ({
      result: await this.controller.structural(scenario, selectSwitches(switchIds), workers, progress, signal),
      scenario,
      switches: [...switchIds],
    }));
  }

  /** Estimated seconds of structural scenarios of these switches (ids); NaN without a valid scenario or switch. */
  structuralEstimate(scenario: SarcomaScenario | undefined, switchIds: readonly string[], workers: number): number {
    if (scenario === undefined || switchIds.length === 0) return Number.NaN;
    const key = `${switchIds.join(' ')} ${canonicalJson(scenario)}`;
    if (this.structuralCache?.key !== key)
      this.structuralCache = { key, work: structuralWorkload(scenario, selectSwitches(switchIds)) };
    return this.controller.estimateSeconds('structural', this.structuralCache.work, workers);
  }

  /** Estimated seconds of the next run, PSA and DSA of this draft. */
  estimates(draft: ScenarioDraft, workers: number): { run: number; psa: number; dsa: number } {
    const patients = Number(draft.patients);
    return {
      run: this.controller.estimateSeconds('run', runWorkload(draft), workers),
      psa: this.controller.estimateSeconds('psa', psaWorkload(draft), workers),
      dsa: this.controller.estimateSeconds('dsa', { tasks: DSA_RUNS, histories: DSA_RUNS * patients * 2 }, workers),
    };
  }

  /** The last PSA, summarised at this threshold (recomputed from its draws when it differs). */
  psaShown(willingnessToPay: number): PsaResult | undefined {
    const source = this.psa.result;
    if (source === undefined) return undefined;
    if (!(Number.isFinite(willingnessToPay) && willingnessToPay >= 0)) return source;
    if (this.psaCache?.source !== source || this.psaCache.wtp !== willingnessToPay)
      this.psaCache = { source, wtp: willingnessToPay, shown: psaAt(source, willingnessToPay) };
    return this.psaCache.shown;
  }
}
