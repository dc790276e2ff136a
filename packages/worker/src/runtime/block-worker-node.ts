// Node worker_threads entry: exposes the block worker over comlink's Node adapter.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createBlockWorkerApi } from './block-worker-api.js';
import { LAZY_LAYERS } from './lazy-layers.js';

if (parentPort === null) throw new Error('block-worker-node must run inside a worker thread');
Comlink.expose(createBlockWorkerApi(LAZY_LAYERS), nodeEndpoint(parentPort));
