// `pnpm bench`: engine, RNG, parallel and memory figures for this machine (JSON with --json).
// Kept out of the test suite on purpose: timings belong here, never in tests.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import { Command } from 'commander';
import { measureBrowser } from './browser-run.js';
import {
  measureCycleModel,
  measureGenerators,
  measureImports,
  measurePeakMemory,
  measurePsa,
  measureSpeedup,
  measureThroughput,
} from './measurements.js';

const options = new Command()
  .name('sarcsim-bench')
  .option('--json', 'print the report as JSON only')
  .option('--quick', 'smaller workloads (a minute or so), e.g. to check the benchmark runs')
  .parse(process.argv)
  .opts<{ json?: boolean; quick?: boolean }>();

const quick = options.quick === true;
const log = (message: string) => {
  if (!options.json) process.stderr.write(`${message}\n`);
};

log('measuring random-number generators…');
const generators = measureGenerators(quick ? 2_000_000 : 20_000_000, quick ? 20_000 : 200_000);
log('measuring one-core engine throughput…');
const sarcoma = measureThroughput({}, quick ? 10_000 : 100_000);
const example = measureThroughput({ model: 'illness-death-example' }, quick ? 50_000 : 400_000);
log('measuring the textbook cycle model (Sick-Sicker, 30 cycles, 2 strategies)…');
const cycleModel = measureCycleModel(quick ? 20_000 : 100_000);
log('measuring import times…');
const imports = measureImports(quick ? 3 : 7);
log('measuring parallel speed-up…');
const speedup = await measureSpeedup(quick ? 20_000 : 200_000);
log('measuring peak memory at 1M and 10M patients…');
const memory = (quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000]).map((n) => measurePeakMemory(n, 2));
log('measuring the default scenario in Chromium…');
const browser = await measureBrowser(quick ? 10_000 : 100_000);
log('measuring a full PSA…');
const psa = await measurePsa(quick ? 20 : 200, quick ? 2_000 : 10_000, 2);

const report = {
  version: SARCSIM_VERSION,
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGigabytes: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  quick,
  rng: { chosen: 'tychei', generators },
  engine: { sarcoma, example, cycleModel },
  imports,
  speedup,
  memory,
  psa,
  browser,
};

if (options.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const m = (x: number) => Math.round(x).toLocaleString('en-US');
  const lines = [
    `sarcsim ${report.version} benchmark on ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}`,
    '',
    'RNG (one core)            uniforms/s      open a stream',
    ...generators.map(
      (g) =>
        `  ${g.generator.padEnd(22)} ${m(g.uniformsPerSecond).padStart(12)}   ${g.openNanoseconds.toFixed(0).padStart(8)} ns`,
    ),
    '',
    ...[sarcoma, example].map(
      (e) =>
        `Engine, ${e.model} (${e.strategies} strategies): ${m(e.historiesPerSecond)} histories/s on one core (${e.nanosecondsPerHistory.toFixed(0)} ns each)`,
    ),
    `Engine, ${cycleModel.model}: ${m(cycleModel.individuals)} individuals × ${cycleModel.cycles} cycles × ${cycleModel.strategies} strategies in ${cycleModel.warmSeconds.toFixed(3)} s warm (${cycleModel.warmCpuSeconds.toFixed(3)} s CPU), ${cycleModel.coldSeconds.toFixed(3)} s cold`,
    ...imports.map(
      (i) => `Import ${i.specifier}: ${i.milliseconds.toFixed(0)} ms (${i.cpuMilliseconds.toFixed(0)} ms CPU)`,
    ),
    `Speed-up 1 → 2 workers (${m(speedup.patients)} patients): ${speedup.speedup.toFixed(2)}× (${speedup.secondsOneWorker.toFixed(2)} s → ${speedup.secondsTwoWorkers.toFixed(2)} s), bitwise identical: ${speedup.bitwiseIdentical}`,
    ...memory.map(
      (r) =>
        `Peak RSS, ${m(r.patients)} patients on ${r.workers} workers: ${r.peakRssMegabytes.toFixed(0)} MB (${r.seconds.toFixed(1)} s)`,
    ),
    'seconds' in browser
      ? `Chromium, ${m(browser.patients)} patients × default strategies: ${Object.entries(browser.seconds)
          .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
          .join(', ')}`
      : `Chromium: skipped (${browser.skipped})`,
    `PSA: ${psa.draws} draws × ${m(psa.patientsPerDraw)} patients × ${psa.strategies} strategies on ${psa.workers} workers in ${psa.seconds.toFixed(1)} s (${psa.drawsPerSecond.toFixed(2)} draws/s, ${m(psa.historiesPerSecond)} histories/s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
