// What a worker does: validate the scenario, run one block, post its accumulators back.
// The same object serves browser Workers, Node worker_threads and the main-thread fallback.
//
// Only the engine is loaded when a worker starts: the scenario and calibration layers (the
// sarcoma model, the evidence registry, statistics) come through `layers`, which a worker
// entry imports on first use (lazy-layers.ts), so a worker running a user's model never
// loads them; the main-thread fallback passes the modules it already has.
// Because a first block now waits for an import, requests are run strictly one after the
// other in arrival order: the pool relies on a worker running its queue in order (a worker
// that dies was running the first block it was sent).
import type * as Calibration from '@sarcsim/model/calibration';
import type { ExperimentId, ExperimentSizes } from '@sarcsim/model/calibration';
import { createRunner, type SimulationRunner, type TransferableBlock, toTransferable } from '@sarcsim/model/engine';
import type { CalibrationSet } from '@sarcsim/model/sarcoma';
import type * as Scenario from '@sarcsim/model/scenario';
import * as Comlink from 'comlink';
import { loadModelRunner, type ModelModuleSpec } from './model-module.js';

export interface BlockRequest {
  readonly firstIndex: number;
  readonly count: number;
  readonly draw: number;
  readonly traceIndividuals: number;
}

export interface BlockWorkerApi {
  runBlock(scenario: unknown, request: BlockRequest): Promise<TransferableBlock>;
  /** A block of one calibration experiment at the given parameter values. */
  runExperimentBlock(
    id: ExperimentId,
    overrides: Readonly<Record<string, number>>,
    sizes: ExperimentSizes,
    block: { readonly firstIndex: number; readonly count: number },
  ): Promise<TransferableBlock>;
  /** A block of a user-written model module (imported once per worker and spec). */
  runModelBlock(module: ModelModuleSpec, seed: number, request: BlockRequest): Promise<TransferableBlock>;
}

/** How the block worker reaches the heavier layers of the model. */
export interface ModelLayers {
  readonly scenario: () => Promise<typeof Scenario>;
  readonly calibration: () => Promise<typeof Calibration>;
  /** The calibration set scenarios run with (runtime-calibration.ts), behind the calibration layer. */
  readonly runtimeCalibration: () => Promise<CalibrationSet>;
}

const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createBlockWorkerApi(layers: ModelLayers): BlockWorkerApi {
  let cached: { hash: string; runner: SimulationRunner } | undefined;
  let cachedExperiment: { key: string; seed: number; runner: SimulationRunner } | undefined;
  let cachedModel: { key: string; runner: Promise<SimulationRunner> } | undefined;
  const send = (acc: Parameters<typeof toTransferable>[0]) => {
    const { block, buffers } = toTransferable(acc);
    return Comlink.transfer(block, buffers);
  };
  // The job still waiting (a first block's import), if any. A request that arrives meanwhile
  // starts after it, one macrotask later, so the earlier result is posted first.
  let waiting: Promise<unknown> | undefined;
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = waiting === undefined ? work() : waiting.then(nextMacrotask).then(work);
    const settled = run.then(
      () => {},
      () => {},
    );
    waiting = settled;
    void settled.then(() => {
      if (waiting === settled) waiting = undefined;
    });
    return run;
  };
  const api: BlockWorkerApi = {
    async runBlock(scenarioInput, request) {
      const [{ calibrationSetHash, hashOfScenario, parseScenario, runnerFor }, calibration] = await Promise.all([
        layers.scenario(),
        layers.runtimeCalibration(),
      ]);
      const scenario = parseScenario(scenarioInput);
      const hash = hashOfScenario(scenario, calibrationSetHash(calibration));
      if (cached?.hash !== hash) cached = { hash, runner: runnerFor(scenario, calibration) };
      return send(cached.runner.run({ seed: scenario.seed, ...request }));
    },
    async runExperimentBlock(id, overrides, sizes, block) {
      const key = JSON.stringify([id, overrides, sizes]);
      if (cachedExperiment?.key !== key) {
        const { experiment } = await layers.calibration();
        const { simulation, seed } = experiment(id, overrides, sizes);
        cachedExperiment = { key, seed, runner: createRunner(simulation) };
      }
      return send(cachedExperiment.runner.run({ seed: cachedExperiment.seed, draw: 0, traceIndividuals: 0, ...block }));
    },
    async runModelBlock(module, seed, request) {
      const key = JSON.stringify([module.url, module.exportName ?? 'default']);
      if (cachedModel?.key !== key) cachedModel = { key, runner: loadModelRunner(module) };
      const runner = await cachedModel.runner;
      return send(runner.run({ seed, ...request }));
    },
  };
  return {
    runBlock: (scenario, request) => inTurn(() => api.runBlock(scenario, request)),
    runExperimentBlock: (id, overrides, sizes, block) =>
      inTurn(() => api.runExperimentBlock(id, overrides, sizes, block)),
    runModelBlock: (module, seed, request) => inTurn(() => api.runModelBlock(module, seed, request)),
  };
}
