// The fallback "worker" that runs blocks on the calling thread: for environments without
// workers. It runs the same code, so results are identical.
import * as calibration from '@sarcsim/model/calibration';
import * as scenario from '@sarcsim/model/scenario';
import { createBlockWorkerApi, type ModelLayers } from '../runtime/block-worker-api.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';
import type { WorkerFactory } from './pool.js';

/** The calling thread has these layers loaded already (the pool itself uses the scenario layer). */
const LOADED_LAYERS: ModelLayers = {
  scenario: async () => scenario,
  calibration: async () => calibration,
  runtimeCalibration: async () => RUNTIME_CALIBRATION,
};

export function mainThreadFactory(): WorkerFactory {
  return () => ({ api: createBlockWorkerApi(LOADED_LAYERS), died: new Promise<never>(() => {}), terminate: () => {} });
}
