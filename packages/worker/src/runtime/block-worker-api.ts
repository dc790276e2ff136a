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
import {
  type BlockAccumulator,
  type BlockSpec,
  createRunner,
  type SimulationRunner,
  type TransferableBlock,
  toTransferable,
} from '@sarcsim/model/engine';
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

/**
 * Every call may bring `spare`: buffers of blocks the caller has merged, transferred back to
 * be filled with later blocks, so that neither side allocates a buffer per block (see
 * block-transfer.ts in the engine).
 */
/** A block of a scenario, and whether the run keeps the sarcoma model's quantity channels (default true). */
export interface ScenarioBlockRequest extends BlockRequest {
  readonly quantities?: boolean;
}

export interface BlockWorkerApi {
  runBlock(
    scenario: unknown,
    request: ScenarioBlockRequest,
    spare?: readonly ArrayBuffer[],
  ): Promise<TransferableBlock>;
  /** A block of one calibration experiment at the given parameter values. */
  runExperimentBlock(
    id: ExperimentId,
    overrides: Readonly<Record<string, number>>,
    sizes: ExperimentSizes,
    block: { readonly firstIndex: number; readonly count: number },
    spare?: readonly ArrayBuffer[],
  ): Promise<TransferableBlock>;
  /** A block of a user-written model module (imported once per worker and spec). */
  runModelBlock(
    module: ModelModuleSpec,
    seed: number,
    request: BlockRequest,
    spare?: readonly ArrayBuffer[],
  ): Promise<TransferableBlock>;
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
  // Each block is run into the accumulator of the block before (when the runner is the same)
  // and sent as copies, so a worker allocates no accumulator buffers after its first block.
  let reused: { runner: SimulationRunner; acc: BlockAccumulator } | undefined;
  const spareBuffers: ArrayBuffer[] = [];
  const runAndSend = (runner: SimulationRunner, block: BlockSpec) => {
    const acc = runner.run(block, reused?.runner === runner ? reused.acc : undefined);
    reused = { runner, acc };
    const { block: data, buffers } = toTransferable(acc, spareBuffers);
    return Comlink.transfer(data, buffers);
  };
  const keep = (spare: readonly ArrayBuffer[] | undefined) => {
    // A few are enough (one per block waiting in this worker); more would only sit here.
    for (const buffer of spare ?? []) if (spareBuffers.length < 4) spareBuffers.push(buffer);
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
      const { quantities = true, ...block } = request;
      const hash = `${hashOfScenario(scenario, calibrationSetHash(calibration))} quantities ${quantities}`;
      if (cached?.hash !== hash) cached = { hash, runner: runnerFor(scenario, calibration, { quantities }) };
      return runAndSend(cached.runner, { seed: scenario.seed, ...block });
    },
    async runExperimentBlock(id, overrides, sizes, block) {
      const key = JSON.stringify([id, overrides, sizes]);
      if (cachedExperiment?.key !== key) {
        const { experiment } = await layers.calibration();
        const { simulation, seed } = experiment(id, overrides, sizes);
        cachedExperiment = { key, seed, runner: createRunner(simulation) };
      }
      return runAndSend(cachedExperiment.runner, {
        seed: cachedExperiment.seed,
        draw: 0,
        traceIndividuals: 0,
        ...block,
      });
    },
    async runModelBlock(module, seed, request) {
      const key = JSON.stringify([module.url, module.exportName ?? 'default']);
      if (cachedModel?.key !== key) cachedModel = { key, runner: loadModelRunner(module) };
      const runner = await cachedModel.runner;
      return runAndSend(runner, { seed, ...request });
    },
  };
  return {
    runBlock: (scenario, request, spare) => {
      keep(spare);
      return inTurn(() => api.runBlock(scenario, request));
    },
    runExperimentBlock: (id, overrides, sizes, block, spare) => {
      keep(spare);
      return inTurn(() => api.runExperimentBlock(id, overrides, sizes, block));
    },
    runModelBlock: (module, seed, request, spare) => {
      keep(spare);
      return inTurn(() => api.runModelBlock(module, seed, request));
    },
  };
}
