// What a worker does: validate the scenario, run one block, post its accumulators back.
// The same object serves browser Workers, Node worker_threads and the main-thread fallback.
import { type ExperimentId, type ExperimentSizes, experiment } from '@sarcsim/model/calibration';
import { createRunner, type SimulationRunner, type TransferableBlock, toTransferable } from '@sarcsim/model/engine';
import { calibrationSetHash, hashOfScenario, parseScenario, runnerFor } from '@sarcsim/model/scenario';
import * as Comlink from 'comlink';
import { RUNTIME_CALIBRATION } from './runtime-calibration.js';

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
}

export function createBlockWorkerApi(): BlockWorkerApi {
  let cached: { hash: string; runner: SimulationRunner } | undefined;
  let cachedExperiment: { key: string; seed: number; runner: SimulationRunner } | undefined;
  const send = (acc: Parameters<typeof toTransferable>[0]) => {
    const { block, buffers } = toTransferable(acc);
    return Comlink.transfer(block, buffers);
  };
  return {
    async runBlock(scenarioInput, request) {
      const scenario = parseScenario(scenarioInput);
      const hash = hashOfScenario(scenario, calibrationSetHash(RUNTIME_CALIBRATION));
      if (cached?.hash !== hash) cached = { hash, runner: runnerFor(scenario, RUNTIME_CALIBRATION) };
      return send(cached.runner.run({ seed: scenario.seed, ...request }));
    },
    async runExperimentBlock(id, overrides, sizes, block) {
      const key = JSON.stringify([id, overrides, sizes]);
      if (cachedExperiment?.key !== key) {
        const { simulation, seed } = experiment(id, overrides, sizes);
        cachedExperiment = { key, seed, runner: createRunner(simulation) };
      }
      return send(cachedExperiment.runner.run({ seed: cachedExperiment.seed, draw: 0, traceIndividuals: 0, ...block }));
    },
  };
}
