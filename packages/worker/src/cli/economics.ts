// The CLI's economic commands: psa (whole or one shard), merge, dsa, scenarios (structural).
import { dirname, join, resolve } from 'node:path';
import {
  type DsaResult,
  type DsaSettingsInput,
  mergePsaParts,
  type PsaPart,
  type PsaResult,
  parsePsaPart,
  type StructuralResult,
  selectSwitches,
  shardRange,
  summarisePsa,
  withStructuralLevels,
} from '@sarcsim/model/analyses';
import { parseScenario, type SarcomaScenario } from '@sarcsim/model/scenario';
import { dsaOnPool, psaOnPool, structuralOnPool } from '../analyses/analyses-on-pool.js';
import { dsaCsvFiles, psaCsvFiles, structuralCsvFiles } from '../csv/csv.js';
import { defaultWorkerCount, nodeWorkerFactory } from '../pool/node-workers.js';
import { WorkerPool } from '../pool/pool.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';
import { formatDsa, formatPsa, formatStructural } from './format-economics.js';
import {
  MAX_PART_FILE_BYTES,
  readJsonFile,
  type ScenarioFlags,
  scenarioInput,
  structureChoices,
  UsageError,
  workerCount,
} from './input.js';
import type { CliContext } from './io.js';
import { checkOutputDir, checkOutputFile, type OutputFile, writeOutputs } from './output-files.js';

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
}

interface PoolFlags {
  workers?: number;
  force?: boolean;
}

/** The worker pool for a command, its size capped at the machine's cores unless --force. */
function startPool(ctx: CliContext, flags: PoolFlags): WorkerPool {
  const size = workerCount(flags.workers, flags.force, ctx.io.cores, defaultWorkerCount(), (note) =>
    ctx.io.stderr.write(`sarcsim: ${note}\n`),
  );
  return new WorkerPool(nodeWorkerFactory(), size);
}

/** What a command's progress bar counts: its first total, the unit, the bar's format and payload. */
export interface ProgressSpec {
  readonly total: number;
  readonly unit: string;
  readonly format: string;
  readonly payload?: object;
}

/**
 * Runs a command's work on a fresh pool under its progress bar (silent with --json); the bar
 * and the pool are stopped whatever happens, an error or Ctrl-C included.
 */
export async function onPool<T>(
  ctx: CliContext,
  flags: PoolFlags & { json?: boolean },
  progress: ProgressSpec,
  work: (pool: WorkerPool) => Promise<T>,
): Promise<T> {
  const pool = startPool(ctx, flags);
  ctx.progress.start(progress.total, progress.unit, flags.json === true, progress.format, progress.payload);
  try {
    return await work(pool);
  } finally {
    ctx.progress.stop();
    pool.terminate();
  }
}

/** Progress of a count whose total grows as it goes (DSA thresholds, structural levels). */
const countTo =
  (ctx: CliContext) =>
  (done: number, total: number): void => {
    ctx.progress.setTotal(total);
    ctx.progress.update(done);
  };

/** The sarcoma scenario of a command, under the `--structure` levels if given. */
export function sarcomaScenario(input: unknown, command: string, structure?: string): SarcomaScenario {
  const scenario = parseScenario(input);
  if (scenario.model !== 'sarcoma')
    throw new UsageError([`${command}: needs the sarcoma model (it samples the evidence registry)`]);
  return structure === undefined
    ? scenario
    : withStructuralLevels(scenario, structureChoices(structure), RUNTIME_CALIBRATION, '--structure');
}

/** Checks every output path before the computation starts. */
export function checkOutputs(flags: OutputFlags): void {
  if (flags.out !== undefined) checkOutputFile(flags.out, '--out');
  if (flags.csv !== undefined) checkOutputDir(flags.csv, '--csv');
  // The CSV files would be renamed over a .csv --out in their folder: the result would be lost.
  if (flags.out !== undefined && flags.csv !== undefined) {
    const out = resolve(flags.out);
    if (dirname(out) === resolve(flags.csv) && out.endsWith('.csv')) {
      throw new UsageError([
        `--out ${flags.out}: lies in the --csv folder and ends in .csv, where the CSV files are written; choose another name or folder`,
      ]);
    }
  }
}

const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes `--out` and `--csv` whole (or nothing, if cancelled), then prints JSON or the text view. */
export function emit<T>(
  result: T,
  flags: OutputFlags,
  ctx: CliContext,
  text: (r: T) => string,
  csv: (r: T) => Record<string, string>,
): void {
  ctx.signal.throwIfAborted(); // a signal during the last step still means "nothing written"
  const files: OutputFile[] = [];
  if (flags.out !== undefined) files.push({ path: flags.out, text: jsonText(result) });
  if (flags.csv !== undefined) {
    for (const [name, body] of Object.entries(csv(result))) files.push({ path: join(flags.csv, name), text: body });
  }
  writeOutputs(files, ctx.io.fs);
  ctx.io.stdout.write(flags.json ? jsonText(result) : `${text(result)}\n`);
}

/** `I/N` (0-based index) or `N` with the index from an array job's environment. */
export function parseShard(text: string, env: NodeJS.ProcessEnv): { index: number; count: number } {
  const match = /^(?:(\d+)\/)?(\d+)$/.exec(text);
  if (match === null)
    throw new UsageError([
      `--shard: got "${text.slice(0, 40)}", must be I/N (0-based shard I of N) or N (index from the environment)`,
    ]);
  const count = Number(match[2]);
  if (match[1] !== undefined) return { index: Number(match[1]), count };
  for (const name of SHARD_INDEX_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      if (!/^\d+$/.test(value))
        throw new UsageError([`${name}: got "${value.slice(0, 40)}", must be a whole number (decimal digits)`]);
      return { index: Number(value), count };
    }
  }
  throw new UsageError([
    `--shard ${text}: no shard index given and none of ${SHARD_INDEX_VARIABLES.join(', ')} is set`,
  ]);
}

export interface PsaFlags extends ScenarioFlags, OutputFlags, PoolFlags {
  shard?: string;
  structure?: string;
}

export async function psaCommand(file: string | undefined, flags: PsaFlags, ctx: CliContext): Promise<void> {
  const scenario = sarcomaScenario(scenarioInput(file, flags, PSA_DEFAULT_PATIENTS), 'psa', flags.structure);
  const draws = scenario.economics.psa.draws;
  let range = { first: 0, count: draws };
  if (flags.shard !== undefined) {
    const shard = parseShard(flags.shard, ctx.io.env);
    try {
      range = shardRange(draws, shard.index, shard.count);
    } catch (error) {
      throw new UsageError([`--shard: ${(error as Error).message}`]);
    }
    if (flags.out === undefined)
      throw new UsageError(['--shard: give --out FILE for the part (merge parts with `sarcsim merge`)']);
  }
  checkOutputs(flags);
  const part: PsaPart = await onPool(
    ctx,
    flags,
    { total: range.count, unit: 'PSA draws', format: 'PSA draws [{bar}] {value}/{total} · ETA {eta_formatted}' },
    (pool) => psaOnPool(pool, scenario, (done) => ctx.progress.update(done), ctx.signal, range),
  );
  if (range.count < draws) {
    ctx.signal.throwIfAborted();
    writeOutputs([{ path: flags.out as string, text: jsonText(part) }], ctx.io.fs);
    ctx.io.stderr.write(
      `sarcsim: wrote draws ${range.first}–${range.first + range.count - 1} of ${draws} to ${flags.out}\n`,
    );
    return;
  }
  emit(summarisePsa(part, RUNTIME_CALIBRATION), flags, ctx, formatPsa, psaCsvFiles);
}

export function mergeCommand(files: readonly string[], flags: OutputFlags, ctx: CliContext): void {
  checkOutputs(flags);
  const parts = files.map((f) =>
    parsePsaPart(readJsonFile(f, 'PSA part', MAX_PART_FILE_BYTES), f, RUNTIME_CALIBRATION),
  );
  let merged: PsaResult;
  try {
    merged = summarisePsa(mergePsaParts(parts, files), RUNTIME_CALIBRATION);
  } catch (error) {
    throw new UsageError([(error as Error).message]);
  }
  emit(merged, flags, ctx, formatPsa, psaCsvFiles);
}

export interface DsaFlags extends ScenarioFlags, OutputFlags, PoolFlags {
  outcome?: string;
  strategy?: string;
  comparator?: string;
  parameters?: string;
  twoWay?: string;
  grid?: number;
  structure?: string;
}

export async function dsaCommand(file: string | undefined, flags: DsaFlags, ctx: CliContext): Promise<void> {
  const scenario = sarcomaScenario(scenarioInput(file, flags, DSA_DEFAULT_PATIENTS), 'dsa', flags.structure);
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
  checkOutputs(flags);
  const result: DsaResult = await onPool(
    ctx,
    flags,
    { total: 1, unit: 'DSA runs', format: 'DSA runs [{bar}] {value}/{total} · ETA {eta_formatted}' },
    (pool) =>
      dsaOnPool(
        pool,
        scenario,
        settings as DsaSettingsInput, // checked by runDsa's schema
        countTo(ctx),
        ctx.signal,
      ),
  );
  emit(result, flags, ctx, formatDsa, dsaCsvFiles);
}

export interface ScenariosFlags extends ScenarioFlags, OutputFlags, PoolFlags {
  switches?: string;
  structure?: string;
}

export async function scenariosCommand(
  file: string | undefined,
  flags: ScenariosFlags,
  ctx: CliContext,
): Promise<void> {
  const scenario = sarcomaScenario(scenarioInput(file, flags), 'scenarios', flags.structure);
  const ids = flags.switches
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const switches = selectSwitches(ids, '--switches');
  checkOutputs(flags);
  const result: StructuralResult = await onPool(
    ctx,
    flags,
    { total: 1, unit: 'scenario runs', format: 'scenario runs [{bar}] {value}/{total} · ETA {eta_formatted}' },
    (pool) => structuralOnPool(pool, scenario, switches, countTo(ctx), ctx.signal),
  );
  emit(result, flags, ctx, formatStructural, structuralCsvFiles);
}
