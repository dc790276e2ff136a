// The model layers a worker imports on first use, for the worker entries only: a worker that
// runs a user's model never loads the scenario and calibration code (nor the sarcoma model,
// the evidence registry and their statistics dependencies behind them).
import type { ModelLayers } from './block-worker-api.js';

export const LAZY_LAYERS: ModelLayers = {
  scenario: () => import('@sarcsim/model/scenario'),
  calibration: () => import('@sarcsim/model/calibration'),
  runtimeCalibration: async () => (await import('./runtime-calibration.js')).RUNTIME_CALIBRATION,
};
