// What a worker does: validate the scenario, run one block, post its accumulators back.
// The same object serves browser Workers, Node worker_threads and the main-thread fallback.
//
// Only the engine is loaded when a worker starts: the scenario and calibration layers (the
// sarcoma model, the evidence registry, statistics) are imported at a worker's first
// scenario or experiment block, so a worker running a user's model never loads them.
import type { ExperimentId, ExperimentSizes } from '@sarcsim/model/calibration';
import { createRunner, type SimulationRunner, type TransferableBlock, toTransferable } from '@sarcsim/model/engine';
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

export function createBlockWorkerApi(): BlockWorkerApi {
  let cached: { hash: string; runner: SimulationRunner } | undefined;
  let cachedExperiment: { key: string; seed: number; runner: SimulationRunner } | undefined;
  let cachedModel: { key: string; runner: Promise<SimulationRunner> } | undefined;
  const send = (acc: Parameters<typeof toTransferable>[0]) => {
    const { block, buffers } = toTransferable(acc);
    return Comlink.transfer(block, buffers);
  };
  return {
    async runBlock(scenarioInput, request) {
      const { hashOfScenario, parseScenario, runnerFor } = await import('@sarcsim/model/scenario');
      const scenario = parseScenario(scenarioInput);
      const hash = hashOfScenario(scenario);
      if (cached?.hash !== hash) cached = { hash, runner: runnerFor(scenario) };
      return send(cached.runner.run({ seed: scenario.seed, ...request }));
    },
    async runExperimentBlock(id, overrides, sizes, block) {
      const key = JSON.stringify([id, overrides, sizes]);
      if (cachedExperiment?.key !== key) {
        const { experiment } = await import('@sarcsim/model/calibration');
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
}
