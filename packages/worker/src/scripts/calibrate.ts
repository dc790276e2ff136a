// `pnpm calibrate`: fits the calibrated parameters and writes the committed calibration
// (packages/model/src/calibration/calibrated-parameters.ts) and docs/validation.md with its figure.
// `pnpm calibrate --quick` runs a small fit to check that calibration works, and writes nothing.
import { writeFileSync } from 'node:fs';
import {
  type CalibrationSettings,
  externalValidation,
  runCalibration,
  validationReport,
} from '@sarcsim/model/calibration';
import { renderCalibratedModule, renderTargetsSvg, renderValidationMarkdown } from '@sarcsim/model/docs';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import { Command } from 'commander';
import { poolExperiments } from '../analyses/pool-experiments.js';
import { defaultWorkerCount, nodeWorkerFactory } from '../pool/node-workers.js';
import { WorkerPool } from '../pool/pool.js';

const options = new Command()
  .name('calibrate')
  .option('--quick', 'a small fit that checks calibration runs; writes nothing')
  .option('--evaluations <n>', 'objective evaluations (default 3000)', Number)
  .option('--workers <w>', `worker threads (default: cores − 1 = ${defaultWorkerCount()})`, Number)
  .parse(process.argv)
  .opts<{ quick?: boolean; evaluations?: number; workers?: number }>();

const quick = options.quick === true;
const settings: CalibrationSettings = quick
  ? { seed: 20_261_122, registryPatients: 2_000, cohortPatients: 500, maxEvaluations: 40, restarts: 0 }
  : {
      seed: 20_261_122,
      registryPatients: 20_000,
      cohortPatients: 5_000,
      maxEvaluations: options.evaluations ?? 3_000,
      restarts: 3,
    };

const started = performance.now();
let lastLog = 0;
// The experiments run in workers (their results do not depend on how many); the main thread
// only waits, so both cores of a 2-core machine get a worker.
const pool = new WorkerPool(nodeWorkerFactory(), options.workers ?? Math.max(2, defaultWorkerCount()));
const result = await runCalibration(
  {
    ...settings,
    onProgress: (evaluations, best) => {
      const now = performance.now();
      if (now - lastLog < 5_000) return;
      lastLog = now;
      process.stderr.write(
        `calibrate: ${evaluations}/${settings.maxEvaluations} evaluations, best objective ${best.toFixed(2)}, ${((now - started) / 1000).toFixed(0)} s\n`,
      );
    },
  },
  poolExperiments(pool),
).finally(() => pool.terminate());
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `calibrate: objective ${result.startObjective.toFixed(2)} at the priors → ${result.objective.toFixed(2)} after ${result.evaluations} evaluations in ${seconds.toFixed(1)} s on ${pool.size} workers\n`,
);
if (quick) {
  if (!(result.objective < result.startObjective)) throw new Error('calibration did not improve on the priors');
  process.exit(0);
}

const meta = {
  version: SARCSIM_VERSION,
  date: new Date().toISOString().slice(0, 10),
  seed: settings.seed,
  registryPatients: settings.registryPatients,
  cohortPatients: settings.cohortPatients,
  evaluations: result.evaluations,
  restarts: settings.restarts,
  startObjective: result.startObjective,
  objective: result.objective,
  seconds,
};
const repo = new URL('../../../../', import.meta.url);
writeFileSync(
  new URL('packages/model/src/calibration/calibrated-parameters.ts', repo),
  renderCalibratedModule(meta, result.values),
);
const report = validationReport(result.values, settings);
const external = externalValidation(result.values, settings.registryPatients, settings.seed + 7);
writeFileSync(new URL('docs/validation.md', repo), renderValidationMarkdown(report, meta, external));
writeFileSync(new URL('docs/validation-targets.svg', repo), renderTargetsSvg(report));
process.stdout.write(
  `calibrate: ${report.targetsInside}/${report.targets.length} targets inside their 95% intervals; wrote the calibration and docs/validation.md\n`,
);
