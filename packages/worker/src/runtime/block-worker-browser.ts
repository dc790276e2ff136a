// Browser module-Worker entry: exposes the block worker over comlink.
import * as Comlink from 'comlink';
import { createBlockWorkerApi } from './block-worker-api.js';
import { LAZY_LAYERS } from './lazy-layers.js';

Comlink.expose(createBlockWorkerApi(LAZY_LAYERS));
