// A module Worker that checks the committed calibration against its targets (about 2 s of
// simulation, kept off the page's thread).
import { COMMITTED_CALIBRATION, validationReport } from '@sarcsim/model/calibration';
import * as Comlink from 'comlink';

const api = {
  report: () => ({
    meta: COMMITTED_CALIBRATION.posterior.provenance,
    name: COMMITTED_CALIBRATION.name,
    // At the posterior mean, the values deterministic runs use.
    ...validationReport(COMMITTED_CALIBRATION.values, COMMITTED_CALIBRATION.posterior.provenance),
  }),
};
export type CalibrationWorkerApi = typeof api;
Comlink.expose(api);
