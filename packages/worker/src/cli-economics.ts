// The CLI's economic commands: psa (whole or one shard), merge, dsa.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DsaResult,
  type DsaSettingsInput,
  mergePsaParts,
  type PsaPart,
  type PsaResult,
  parsePsaPart,
  parseScenario,
  runDsa,
  runPsaPart,
  type SarcomaScenario,
  shardRange,
  summarisePsa,
} from '@sarcsim/model';
import cliProgress from 'cli-progress';
import { readJsonFile, type ScenarioFlags, scenarioInput, UsageError } from './cli-input.js';
import { dsaCsvFiles, psaCsvFiles } from './csv.js';
import { formatDsa, formatPsa } from './format-economics.js';
import { defaultWorkerCount, nodeWorkerFactory } from './node-workers.js';
import { WorkerPool } from './pool.js';
import { poolEvaluator } from './pool-evaluate.js';

/** Patients per PSA draw / DSA run when neither the scenario file nor a flag sets them. */
export const PSA_DEFAULT_PATIENTS = 5_000;
export const DSA_DEFAULT_PATIENTS = 20_000;

/** Environment variables that carry an array job's index, in the order they are tried. */
export const SHARD_INDEX_VARIABLES = [
  'SLURM_ARRAY_TASK_ID',
  'JOB_COMPLETION_INDEX',
  'AWS_BATCH_JOB_ARRAY_INDEX',
] as const;

interface OutputFlags {
  json?: boolean;
  out?: string;
  csv?: string;
  workers?: number;
}

function sarcomaScenario(input: unknown, command: string): SarcomaScenario {
  const scenario = parseScenario(input);
  if (scenario.model !== 'sarcoma')
    throw new UsageError([`${command}: needs the sarcoma model (it samples the evidence registry)`]);
  return scenario;
}

function progressBar(total: number, unit: string, quiet: boolean) {
  if (quiet || process.stderr.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${unit} [{bar}] {value}/{total} · ETA {eta_formatted}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function writeCsv(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

function emit<T>(
  result: T,
  flags: OutputFlags,
  text: (r: T) => string,
  csv: ((r: T) => Record<string, string>) | undefined,
): void {
  if (flags.out !== undefined) writeJson(flags.out, result);
  if (flags.csv !== undefined && csv !== undefined) writeCsv(flags.csv, csv(result));
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${text(result)}\n`);
}

/** `I/N` (0-based index) or `N` with the index from an array job's environment. */
export function parseShard(text: string, env: NodeJS.ProcessEnv): { index: number; count: number } {
  const match = /^(?:(\d+)\/)?(\d+)$/.exec(text.trim());
  if (match === null)
    throw new UsageError([
      `--shard: got "${text}", must be I/N (0-based shard I of N) or N (index from the environment)`,
    ]);
  const count = Number(match[2]);
  if (match[1] !== undefined) return { index: Number(match[1]), count };
  for (const name of SHARD_INDEX_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      if (!/^\d+$/.test(value)) throw new UsageError([`${name}: got "${value}", must be a whole number`]);
      return { index: Number(value), count };
    }
  }
  throw new UsageError([
    `--shard ${text}: no shard index given and none of ${SHARD_INDEX_VARIABLES.join(', ')} is set`,
  ]);
}

export interface PsaFlags extends ScenarioFlags, OutputFlags {
  shard?: string;
}

export async function psaCommand(file: string | undefined, flags: PsaFlags): Promise<void> {
  const scenario = sarcomaScenario(scenarioInput(file, flags, PSA_DEFAULT_PATIENTS), 'psa');
  const draws = scenario.economics.psa.draws;
  let range = { first: 0, count: draws };
  if (flags.shard !== undefined) {
    const shard = parseShard(flags.shard, process.env);
    try {
      range = shardRange(draws, shard.index, shard.count);
    } catch (error) {
      throw new UsageError([`--shard: ${(error as Error).message}`]);
    }
    if (flags.out === undefined)
      throw new UsageError(['--shard: give --out FILE for the part (merge parts with `sarcsim merge`)']);
  }
  const pool = new WorkerPool(nodeWorkerFactory(), flags.workers ?? defaultWorkerCount());
  const bar = progressBar(range.count, 'PSA draws', flags.json === true);
  let part: PsaPart;
  try {
    part = await runPsaPart(scenario, range, poolEvaluator(pool), (p) => bar?.update(p.drawsDone));
  } finally {
    bar?.stop();
    pool.terminate();
  }
  if (range.count < draws) {
    writeJson(flags.out as string, part);
    process.stderr.write(
      `sarcsim: wrote draws ${range.first}–${range.first + range.count - 1} of ${draws} to ${flags.out}\n`,
    );
    return;
  }
  emit(summarisePsa(part), flags, formatPsa, psaCsvFiles);
}

export function mergeCommand(files: readonly string[], flags: OutputFlags): void {
  const parts = files.map((f) => parsePsaPart(readJsonFile(f, 'PSA part'), f));
  let merged: PsaResult;
  try {
    merged = summarisePsa(mergePsaParts(parts));
  } catch (error) {
    throw new UsageError([(error as Error).message]);
  }
  emit(merged, flags, formatPsa, psaCsvFiles);
}

export interface DsaFlags extends ScenarioFlags, OutputFlags {
  outcome?: string;
  strategy?: string;
  comparator?: string;
  parameters?: string;
  twoWay?: string;
  grid?: number;
}

export async function dsaCommand(file: string | undefined, flags: DsaFlags): Promise<void> {
  const scenario = sarcomaScenario(scenarioInput(file, flags, DSA_DEFAULT_PATIENTS), 'dsa');
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const settings = {
    ...(flags.outcome === undefined ? {} : { outcome: flags.outcome }),
    ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
    ...(flags.comparator === undefined ? {} : { comparator: flags.comparator }),
    ...(flags.parameters === undefined ? {} : { parameters: list(flags.parameters) }),
    ...(flags.twoWay === undefined ? {} : { twoWay: list(flags.twoWay) }),
    ...(flags.grid === undefined ? {} : { gridPoints: flags.grid }),
  };
  const pool = new WorkerPool(nodeWorkerFactory(), flags.workers ?? defaultWorkerCount());
  const evaluate = poolEvaluator(pool);
  const bar = progressBar(1, 'DSA runs', flags.json === true);
  let result: DsaResult;
  try {
    result = await runDsa(
      scenario,
      settings as DsaSettingsInput, // checked by runDsa's schema
      (overrides) => evaluate({ ...scenario, parameters: overrides }, 0),
      (done, total) => {
        bar?.setTotal(total);
        bar?.update(done);
      },
    );
  } finally {
    bar?.stop();
    pool.terminate();
  }
  emit(result, flags, formatDsa, dsaCsvFiles);
}
