// Asks the calibration worker for the validation report; one worker per request.
import * as Comlink from 'comlink';
import type { CalibrationWorkerApi } from './calibration-worker.js';

export type CalibrationView = Awaited<ReturnType<CalibrationWorkerApi['report']>>;

export async function fetchCalibrationReport(): Promise<CalibrationView> {
  const worker = new Worker(new URL('./calibration-worker.ts', import.meta.url), { type: 'module' });
  try {
    return await Comlink.wrap<CalibrationWorkerApi>(worker).report();
  } finally {
    worker.terminate();
  }
}
