// What the CLI reads from the user: flags and JSON files, with one-line errors.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

/** A problem with what the user gave us: exit status 2, one line each, no stack trace. */
export class UsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export function wholeNumber(flag: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${flag}: got "${value}", must be a whole number ≥ ${min}`);
    }
    return n;
  };
}

export function nonNegativeNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
      throw new InvalidArgumentError(`${flag}: got "${value}", must be a number ≥ 0`);
    }
    return n;
  };
}

export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError([`${what} ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError([`${what} ${path}: not valid JSON (${(error as Error).message})`]);
  }
}

export interface ScenarioFlags {
  patients?: number;
  seed?: number;
  blockSize?: number;
  wtp?: number;
  draws?: number;
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
  return {
    ...fromFile,
    ...(flags.wtp === undefined && flags.draws === undefined
      ? {}
      : {
          economics: {
            ...economics,
            ...(flags.wtp === undefined ? {} : { willingnessToPay: flags.wtp }),
            ...(flags.draws === undefined ? {} : { psa: { ...psa, draws: flags.draws } }),
          },
        }),
    ...(patients === undefined ? {} : { patients }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.blockSize === undefined ? {} : { blockSize: flags.blockSize }),
  };
}
