// `sarcsim run --model ./my-model.js`: runs a user-written model module (either kind) in the
// worker pool and prints each strategy's means with their Monte Carlo standard errors.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SARCSIM_VERSION, type SimulationResults, summarize } from '@sarcsim/model/engine';
import { ModelModuleError } from '../runtime/model-module.js';
import { onPool } from './economics.js';
import { UsageError } from './input.js';
import type { CliContext } from './io.js';
import { formatNumber, table } from './text-table.js';

export interface ModelRunFlags {
  model: string;
  export?: string;
  patients?: number;
  seed?: number;
  workers?: number;
  force?: boolean;
  blockSize?: number;
  json?: boolean;
}

/** Individuals simulated when --patients is not given. */
export const DEFAULT_MODEL_INDIVIDUALS = 10_000;

export async function modelRunCommand(flags: ModelRunFlags, ctx: CliContext): Promise<void> {
  const path = resolve(flags.model);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UsageError([`--model: got "${flags.model}", no such file; give the path of an ES module (.js or .mjs)`]);
  }
  const module = { url: pathToFileURL(path).href, ...(flags.export === undefined ? {} : { exportName: flags.export }) };
  const individuals = flags.patients ?? DEFAULT_MODEL_INDIVIDUALS;
  const seed = flags.seed ?? 1;
  let started = 0;
  const { results, workers } = await onPool(
    ctx,
    flags,
    { total: individuals, unit: 'individuals', format: 'simulating [{bar}] {percentage}% · {value}/{total}' },
    async (pool): Promise<{ results: SimulationResults; workers: number }> => {
      started = performance.now();
      try {
        const merged = await pool.runModel(module, {
          seed,
          individuals,
          ...(flags.blockSize === undefined ? {} : { blockSize: flags.blockSize }),
          signal: ctx.signal,
          onProgress: (p) => ctx.progress.update(p.individualsDone),
        });
        return { results: summarize(merged), workers: pool.size };
      } catch (error) {
        if (error instanceof ModelModuleError) throw new UsageError([error.message]);
        throw error;
      }
    },
  );
  ctx.signal.throwIfAborted();
  const out = ctx.io.stdout;
  if (flags.json) {
    out.write(`${JSON.stringify({ version: SARCSIM_VERSION, model: flags.model, seed, ...results }, null, 2)}\n`);
    return;
  }
  out.write(`${formatModelResults(results)}\n`);
  const seconds = (performance.now() - started) / 1000;
  out.write(
    `${(individuals * results.strategies.length).toLocaleString('en-US')} histories in ${seconds.toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'} (seed ${seed})\n`,
  );
}

/** One row per strategy: each channel's discounted mean ± MCSE, then counters per individual. */
export function formatModelResults(results: SimulationResults): string {
  const first = results.strategies[0];
  // The paired channels (the priced outcomes); a model's quantities are in the CSV and the JSON.
  const channels = Object.keys(first?.rewards ?? {}).filter((c) => results.paired.channels.includes(c));
  const counters = Object.keys(first?.counters ?? {});
  const header = [
    'strategy',
    ...channels.map((c) => `${c} (discounted) ± MCSE`),
    ...counters.map((c) => `${c} per individual`),
  ];
  const rows = results.strategies.map((s) => [
    s.label,
    ...channels.map((c) => {
      const e = s.rewards[c]?.discounted;
      return e === undefined ? '–' : `${formatNumber(e.mean)} ± ${formatNumber(e.mcse)}`;
    }),
    ...counters.map((c) => formatNumber(s.counters[c]?.perIndividual ?? null)),
  ]);
  return `${results.individuals.toLocaleString('en-US')} individuals, horizon ${results.horizonYears} years\n${table([header, ...rows])}`;
}
