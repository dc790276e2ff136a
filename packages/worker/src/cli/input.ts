// What the CLI reads from the user: flags and JSON files, with one-line errors.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { JsonTextError, parseJsonText } from '@sarcsim/model/scenario';
import { InvalidArgumentError } from 'commander';
import { ioReason } from './io-reason.js';

/** A problem with what the user gave us: exit status 2, one line each, no stack trace. */
export class UsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Largest scenario file read: a scenario with every custom strategy allowed is well under 100 kB. */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;
/** Largest PSA part read: 100,000 draws of 12 strategies take about 150 MB. */
export const MAX_PART_FILE_BYTES = 256_000_000;
/** Most worker threads even with --force. */
export const MAX_WORKERS = 256;

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en-US')} MB`;

/** Counts are decimal digits only: `0x10`, `1e3`, `+5` and ` 5` are refused, not reinterpreted. */
export function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(
        `${flag}: got "${value.slice(0, 40)}", must be a whole number ${range} (decimal digits)`,
      );
    }
    return n;
  };
}

export function nonNegativeNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) || !Number.isFinite(n)) {
      throw new InvalidArgumentError(
        `${flag}: got "${value.slice(0, 40)}", must be a number ≥ 0 (decimal, e.g. 50000)`,
      );
    }
    return n;
  };
}

/** The file's text, refusing more than `maxBytes` without reading further (`/dev/zero` is endless). */
function readLimited(path: string, maxBytes: number, what: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UsageError([`${what} ${path}: cannot be read: ${ioReason(error)}`]);
  }
  const tooLarge = () =>
    new UsageError([
      `${what} ${path}: is larger than ${megabytes(maxBytes)}, the most accepted (${what}s are smaller)`,
    ]);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError([`${what} ${path}: is a folder, must be a JSON file`]);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - size));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, size).toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError([`${what} ${path}: cannot be read: ${ioReason(error)}`]);
  } finally {
    closeSync(fd);
  }
}

/** A JSON file from the user: size-limited, nesting-limited before parsing, a byte-order mark allowed. */
export function readJsonFile(path: string, what: string, maxBytes = MAX_SCENARIO_FILE_BYTES): unknown {
  const text = readLimited(path, maxBytes, what);
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonTextError) throw new UsageError([`${what} ${path}: ${error.message}`]);
    throw error;
  }
}

export interface ScenarioFlags {
  patients?: number;
  seed?: number;
  blockSize?: number;
  wtp?: number;
  draws?: number;
  /** EVPI population: new patients a year and the decision's horizon in years. */
  annualPatients?: number;
  decisionYears?: number;
}

/**
 * The scenario input: the file (or the default scenario), then the flags. `defaultPatients`
 * applies when neither the file nor a flag sets the patient count (PSA and DSA run many
 * scenarios, so they start smaller than a single run).
 */
export function scenarioInput(
  file: string | undefined,
  flags: ScenarioFlags,
  defaultPatients?: number,
): Record<string, unknown> {
  const fromFile = file === undefined ? {} : readJsonFile(file, 'scenario file');
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new UsageError([`scenario file ${file}: must hold a JSON object`]);
  }
  const patients = flags.patients ?? ('patients' in fromFile ? undefined : defaultPatients);
  const economics = ('economics' in fromFile ? fromFile.economics : {}) as Record<string, unknown>;
  const psa = (economics?.psa ?? {}) as Record<string, unknown>;
  const population = (economics?.population ?? {}) as Record<string, unknown>;
  const populationFlags = {
    ...(flags.annualPatients === undefined ? {} : { annualPatients: flags.annualPatients }),
    ...(flags.decisionYears === undefined ? {} : { years: flags.decisionYears }),
  };
  return {
    ...fromFile,
    ...(flags.wtp === undefined &&
    flags.draws === undefined &&
    flags.annualPatients === undefined &&
    flags.decisionYears === undefined
      ? {}
      : {
          economics: {
            ...economics,
            ...(flags.wtp === undefined ? {} : { willingnessToPay: flags.wtp }),
            ...(flags.draws === undefined ? {} : { psa: { ...psa, draws: flags.draws } }),
            ...(Object.keys(populationFlags).length === 0 ? {} : { population: { ...population, ...populationFlags } }),
          },
        }),
    ...(patients === undefined ? {} : { patients }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.blockSize === undefined ? {} : { blockSize: flags.blockSize }),
  };
}

/** Workers to start: at most this machine's cores unless forced (more threads only add memory and switching). */
export function workerCount(
  requested: number | undefined,
  force: boolean | undefined,
  cores: number,
  fallback: number,
  note: (text: string) => void,
): number {
  if (requested === undefined) return Math.min(fallback, cores);
  if (requested <= cores || force === true) return requested;
  note(
    `--workers ${requested} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores} (--force starts ${requested})`,
  );
  return cores;
}
