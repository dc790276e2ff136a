// `pnpm calibrate`: samples the calibration posterior (IMIS, packages/model/src/calibration/
// posterior.ts) and writes the committed posterior (calibration/calibration-posterior.ts);
// `pnpm docs:validation` then reports it. `pnpm calibrate --quick` runs the whole pipeline on
// tiny cohorts to check that it works, and writes nothing.
import { writeFileSync } from 'node:fs';
import {
  COMMITTED_CALIBRATION,
  FULL_POSTERIOR_SETTINGS,
  type PosteriorSettings,
  posteriorProblems,
  posteriorRecord,
  QUICK_POSTERIOR_SETTINGS,
  runPosterior,
} from '@sarcsim/model/calibration';
import { renderPosteriorModule } from '@sarcsim/model/docs';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import { Command } from 'commander';
import { poolExperiments } from '../analyses/pool-experiments.js';
import { defaultWorkerCount, nodeWorkerFactory } from '../pool/node-workers.js';
import { WorkerPool } from '../pool/pool.js';

const options = new Command()
  .name('calibrate')
  .option('--quick', 'the whole pipeline on tiny cohorts, to check it runs; writes nothing')
  .option('--iterations <n>', `IMIS iterations at most (default ${FULL_POSTERIOR_SETTINGS.maxIterations})`, Number)
  .option('--workers <w>', `worker threads (default: cores − 1 = ${defaultWorkerCount()})`, Number)
  .parse(process.argv)
  .opts<{ quick?: boolean; iterations?: number; workers?: number }>();

const quick = options.quick === true;
const settings: PosteriorSettings = quick
  ? QUICK_POSTERIOR_SETTINGS
  : { ...FULL_POSTERIOR_SETTINGS, maxIterations: options.iterations ?? FULL_POSTERIOR_SETTINGS.maxIterations };

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
// The experiments run in workers (their results do not depend on how many); the main thread
// only waits, so both cores of a 2-core machine get a worker.
const pool = new WorkerPool(nodeWorkerFactory(), options.workers ?? Math.max(2, defaultWorkerCount()));
let lastLog = 0;
const fit = await runPosterior(
  settings,
  poolExperiments(pool),
  // The optimisation stage starts from the committed calibration's values if they beat the best prior draw.
  COMMITTED_CALIBRATION.values,
  (stage, evaluations) => {
    const now = performance.now();
    if (now - lastLog < 5_000 && !stage.startsWith('iteration')) return;
    lastLog = now;
    process.stderr.write(`calibrate: ${stage}, ${evaluations} evaluations, ${elapsed()} s\n`);
  },
).finally(() => pool.terminate());
const seconds = (performance.now() - started) / 1000;
const record = posteriorRecord(fit, {
  version: SARCSIM_VERSION,
  date: new Date().toISOString().slice(0, 10),
  seconds,
  workers: pool.size,
});
const problems = posteriorProblems(record);
if (problems.length > 0) throw new Error(`calibration produced a malformed posterior:\n${problems.join('\n')}`);
const d = record.diagnostics;
process.stdout.write(
  `calibrate: ${fit.evaluations} evaluations, ${fit.iterations} IMIS iterations in ${seconds.toFixed(1)} s on ${pool.size} workers; ESS ${d.effectiveSampleSize.toFixed(1)}, ${d.distinctDraws} distinct of ${record.draws.length} draws; ${d.targetsInside}/${d.targets.length} targets inside their 95% posterior-predictive intervals\n`,
);
if (!quick) {
  const file = new URL('../../../model/src/calibration/calibration-posterior.ts', import.meta.url);
  writeFileSync(file, renderPosteriorModule(record));
  process.stdout.write(`calibrate: wrote ${file.pathname}; run \`pnpm format\` and \`pnpm docs:validation\`\n`);
}
