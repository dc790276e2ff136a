// Test-only block worker that injects faults: on the block starting at `faultAt` it throws
// or kills its thread, at most `maxFaults` times across all workers (a shared counter).
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createBlockWorkerApi } from '../../dist/runtime/block-worker-api.js';

const api = createBlockWorkerApi();
const faults = new Int32Array(workerData.faults);

Comlink.expose(
  {
    async runBlock(scenario, request) {
      if (request.firstIndex === workerData.faultAt && Atomics.add(faults, 0, 1) < workerData.maxFaults) {
        if (workerData.mode === 'exit') process.exit(3);
        throw new Error('injected fault');
      }
      return api.runBlock(scenario, request);
    },
  },
  nodeEndpoint(parentPort),
);
