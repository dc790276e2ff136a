// A module Worker that checks the committed calibration against its targets (about 2 s of
// simulation, kept off the page's thread).
import { CALIBRATED_VALUES, CALIBRATION_META, validationReport } from '@sarcsim/model';
import * as Comlink from 'comlink';

const api = {
  report: () => ({ meta: CALIBRATION_META, ...validationReport(CALIBRATED_VALUES, CALIBRATION_META) }),
};
export type CalibrationWorkerApi = typeof api;
Comlink.expose(api);
