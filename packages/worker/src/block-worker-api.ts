// What a worker does: validate the scenario, run one block, post its accumulators back.
// The same object serves browser Workers, Node worker_threads and the main-thread fallback.
import {
  hashOfScenario,
  parseScenario,
  runnerFor,
  type SimulationRunner,
  type TransferableBlock,
  toTransferable,
} from '@sarcsim/model';
import * as Comlink from 'comlink';

export interface BlockRequest {
  readonly firstIndex: number;
  readonly count: number;
  readonly draw: number;
  readonly traceIndividuals: number;
}

export interface BlockWorkerApi {
  runBlock(scenario: unknown, request: BlockRequest): Promise<TransferableBlock>;
}

export function createBlockWorkerApi(): BlockWorkerApi {
  let cached: { hash: string; runner: SimulationRunner } | undefined;
  return {
    async runBlock(scenarioInput, request) {
      const scenario = parseScenario(scenarioInput);
      const hash = hashOfScenario(scenario);
      if (cached?.hash !== hash) cached = { hash, runner: runnerFor(scenario) };
      const acc = cached.runner.run({ seed: scenario.seed, ...request });
      const { block, buffers } = toTransferable(acc);
      return Comlink.transfer(block, buffers);
    },
  };
}
