// Test-only block worker that injects faults: on the block starting at `faultAt` it throws
// or kills its thread, at most `maxFaults` times across all workers (a shared counter). The
// fault strikes when that block's turn comes (blocks run one after the other, as in the real
// block worker, whose first block may wait for an import), not when its message arrives.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createBlockWorkerApi } from '../../dist/runtime/block-worker-api.js';
import { LAZY_LAYERS } from '../../dist/runtime/lazy-layers.js';

const api = createBlockWorkerApi(LAZY_LAYERS);
const faults = new Int32Array(workerData.faults);
let previous = Promise.resolve();

Comlink.expose(
  {
    runBlock(scenario, request) {
      const turn = previous.then(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the previous result be posted
        if (request.firstIndex === workerData.faultAt && Atomics.add(faults, 0, 1) < workerData.maxFaults) {
          if (workerData.mode === 'exit') process.exit(3);
          throw new Error('injected fault');
        }
        return api.runBlock(scenario, request);
      });
      previous = turn.catch(() => {});
      return turn;
    },
  },
  nodeEndpoint(parentPort),
);
