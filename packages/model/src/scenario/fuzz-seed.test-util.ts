// Seeds for fuzz tests: CI runs the fixed seed (so a failure reproduces); setting
// SARCSIM_FUZZ_SEED=random (or a number) explores other cases. fast-check reports the
// seed and path of a failing case, and this adds the variable to set to replay it.
import type fc from 'fast-check';
import { preview } from './validation-error.js';

export function fuzzSettings(fixedSeed: number, numRuns: number): fc.Parameters<unknown> {
  const requested = process.env.SARCSIM_FUZZ_SEED;
  const seed =
    requested === undefined || requested === ''
      ? fixedSeed
      : requested === 'random'
        ? Math.floor(Math.random() * 2 ** 31)
        : Number(requested);
  if (!Number.isInteger(seed))
    throw new Error(`SARCSIM_FUZZ_SEED: got "${requested}", must be 'random' or a whole number`);
  return {
    seed,
    numRuns,
    reporter: (details) => {
      if (details.failed) {
        throw new Error(
          `fuzz case failed; replay with SARCSIM_FUZZ_SEED=${seed}\n${preview(details.counterexample, 2_000)}\n${String(details.errorInstance)}`,
        );
      }
    },
  };
}
