// The individual benchmark measurements; main.ts runs them and prints the report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarisePsa } from '@sarcsim/model/analyses';
import { openStream, summarize } from '@sarcsim/model/engine';
import { parseScenario } from '@sarcsim/model/scenario';
import seedrandom from 'seedrandom';
import { psaOnPool } from '../analyses/analyses-on-pool.js';
import { nodeWorkerFactory } from '../pool/node-workers.js';
import { WorkerPool } from '../pool/pool.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';

export interface GeneratorFigures {
  readonly generator: string;
  readonly uniformsPerSecond: number;
  readonly openNanoseconds: number;
}

type Open = (seed: number) => () => number;

const GENERATORS: readonly [string, Open][] = [
  // Tyche-i as the engine opens it: a 53-bit integer seed built from stream coordinates.
  ['tychei', (seed) => openStream({ seed: seed % 2 ** 32, draw: 0, index: 0, purpose: 1 })],
  ['alea', (seed) => seedrandom.alea(String(seed))],
  ['xor128', (seed) => seedrandom.xor128(String(seed))],
  ['xorwow', (seed) => seedrandom.xorwow(String(seed))],
  ['xorshift7', (seed) => seedrandom.xorshift7(String(seed))],
  ['xor4096', (seed) => seedrandom.xor4096(String(seed))],
  ['arc4', (seed) => seedrandom(String(seed))],
];

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Uniforms per second on one core, and the cost of opening a stream, per seedrandom generator. */
export function measureGenerators(draws: number, opens: number): GeneratorFigures[] {
  return GENERATORS.map(([generator, open]) => {
    const uniform = open(12_345);
    let sink = 0;
    for (let i = 0; i < draws / 10; i++) sink += uniform(); // warm-up
    let start = performance.now();
    for (let i = 0; i < draws; i++) sink += uniform();
    const uniformsPerSecond = draws / seconds(start);
    start = performance.now();
    for (let i = 0; i < opens; i++) sink += open(i * 2_654_435_761 + 1)();
    const openNanoseconds = (seconds(start) / opens) * 1e9;
    if (Number.isNaN(sink)) throw new Error('unreachable');
    return { generator, uniformsPerSecond, openNanoseconds };
  });
}

export interface ThroughputFigures {
  readonly model: string;
  readonly patients: number;
  readonly strategies: number;
  readonly historiesPerSecond: number;
  readonly nanosecondsPerHistory: number;
}

/** Patient-strategy histories per second on one core (serial, after a warm-up, in a fresh process). */
export function measureThroughput(scenarioInput: object, patients: number): ThroughputFigures {
  const child = fileURLToPath(new URL('./throughput-child.js', import.meta.url));
  const input = JSON.stringify({ ...scenarioInput, patients });
  const result = spawnSync(process.execPath, [child, input], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`throughput run failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ThroughputFigures;
}

export interface CycleModelFigures {
  readonly model: string;
  readonly individuals: number;
  readonly cycles: number;
  readonly strategies: number;
  readonly coldSeconds: number;
  readonly coldCpuSeconds: number;
  readonly warmSeconds: number;
  readonly warmCpuSeconds: number;
}

/** The textbook 4-state cycle model on one core, cold and warm, in a fresh process. */
export function measureCycleModel(individuals: number): CycleModelFigures {
  const child = fileURLToPath(new URL('./cycle-model-child.js', import.meta.url));
  const result = spawnSync(process.execPath, [child, String(individuals)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cycle-model run failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CycleModelFigures;
}

export interface ImportFigures {
  readonly specifier: string;
  /** Median over the runs, each in a fresh process. */
  readonly milliseconds: number;
  readonly cpuMilliseconds: number;
}

/** Import time of the engine entry, the whole package and the block worker, each in fresh processes. */
export function measureImports(runs: number): ImportFigures[] {
  const child = fileURLToPath(new URL('./import-time-child.js', import.meta.url));
  const blockWorker = new URL('../runtime/block-worker-api.js', import.meta.url).href;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return ['@sarcsim/model/engine', '@sarcsim/model', blockWorker].map((specifier) => {
    const samples = Array.from({ length: runs }, () => {
      const result = spawnSync(process.execPath, [child, specifier], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`import timing failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as ImportFigures;
    });
    return {
      specifier: specifier === blockWorker ? 'block worker (runtime/block-worker-api.js)' : specifier,
      milliseconds: median(samples.map((x) => x.milliseconds)),
      cpuMilliseconds: median(samples.map((x) => x.cpuMilliseconds)),
    };
  });
}

export interface SpeedupFigures {
  readonly patients: number;
  readonly secondsOneWorker: number;
  readonly secondsTwoWorkers: number;
  readonly speedup: number;
  readonly bitwiseIdentical: boolean;
}

async function timedPoolRun(workers: number, scenarioInput: unknown): Promise<{ seconds: number; json: string }> {
  const pool = new WorkerPool(nodeWorkerFactory(), workers);
  try {
    await pool.run(parseScenario({ ...(scenarioInput as object), patients: 20_000 })); // start and warm workers
    const start = performance.now();
    const merged = await pool.run(scenarioInput);
    return { seconds: seconds(start), json: JSON.stringify(summarize(merged)) };
  } finally {
    pool.terminate();
  }
}

/** Wall time with 1 and 2 worker threads on the same scenario, and whether results match bit for bit. */
export async function measureSpeedup(patients: number): Promise<SpeedupFigures> {
  const scenario = { patients, seed: 77 };
  const one = await timedPoolRun(1, scenario);
  const two = await timedPoolRun(2, scenario);
  return {
    patients,
    secondsOneWorker: one.seconds,
    secondsTwoWorkers: two.seconds,
    speedup: one.seconds / two.seconds,
    bitwiseIdentical: one.json === two.json,
  };
}

export interface MemoryFigures {
  readonly patients: number;
  readonly workers: number;
  readonly peakRssMegabytes: number;
  readonly seconds: number;
}

/** Peak resident memory of a fresh process running the whole scenario (workers included). */
export function measurePeakMemory(patients: number, workers: number): MemoryFigures {
  const child = fileURLToPath(new URL('./peak-memory-child.js', import.meta.url));
  const result = spawnSync(process.execPath, [child, String(patients), String(workers)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`peak-memory run failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as MemoryFigures;
}

export interface PsaFigures {
  readonly draws: number;
  readonly patientsPerDraw: number;
  readonly strategies: number;
  readonly workers: number;
  readonly seconds: number;
  /** Patient-strategy histories per second, parameter sampling and summaries included. */
  readonly historiesPerSecond: number;
  readonly drawsPerSecond: number;
  /** EVPI per patient at the default threshold (a sanity figure, not a benchmark). */
  readonly evpiPerPatient: number;
}

/** A full PSA on the default scenario: sampling, every draw in the pool, summaries with EVPPI. */
export async function measurePsa(draws: number, patientsPerDraw: number, workers: number): Promise<PsaFigures> {
  const pool = new WorkerPool(nodeWorkerFactory(), workers);
  const scenario = parseScenario({ patients: patientsPerDraw, seed: 9, economics: { psa: { draws } } });
  if (scenario.model !== 'sarcoma') throw new Error('PSA benchmark: needs the sarcoma model');
  const strategies = scenario.strategies.length;
  try {
    const start = performance.now();
    const result = summarisePsa(await psaOnPool(pool, scenario, () => {}), RUNTIME_CALIBRATION);
    const elapsed = seconds(start);
    return {
      draws,
      patientsPerDraw,
      strategies,
      workers,
      seconds: elapsed,
      historiesPerSecond: (draws * patientsPerDraw * strategies) / elapsed,
      drawsPerSecond: draws / elapsed,
      evpiPerPatient: result.summary.atThreshold.evpiPerPatient,
    };
  } finally {
    pool.terminate();
  }
}
