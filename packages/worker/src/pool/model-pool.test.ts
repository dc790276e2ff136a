// The pool runs any model: a user-written module (either kind), imported by URL by every
// worker, gives bitwise the serial result for 1 and 2 workers; bad modules get clear errors.
import { pathToFileURL } from 'node:url';
import { createModelRunner, runSerial, summarize } from '@sarcsim/model/engine';
import { afterEach, describe, expect, it } from 'vitest';
// Worker threads need JavaScript, so these tests drive the built package (`pnpm build` first).
import { mainThreadFactory } from '../../dist/pool/main-thread.js';
import { nodeWorkerFactory } from '../../dist/pool/node-workers.js';
import { WorkerPool } from '../../dist/pool/pool.js';

const cycleModule = new URL('../../browser-check/public/four-state-model.js', import.meta.url).href;
const continuousModule = new URL('../../dist/testing/user-models/illness-death-module.js', import.meta.url).href;
const badModules = new URL('../../dist/testing/user-models/bad-modules.js', import.meta.url).href;

const pools: WorkerPool[] = [];
function pool(size: number, factory = nodeWorkerFactory()): WorkerPool {
  const p = new WorkerPool(factory, size);
  pools.push(p);
  return p;
}
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

async function serial(url: string, individuals: number, seed: number): Promise<string> {
  const exported = (await import(url)).default;
  const definition = typeof exported === 'function' ? exported() : exported;
  return JSON.stringify(summarize(runSerial(createModelRunner(definition), { seed, individuals, blockSize: 999 })));
}

describe('the pool runs a user-written model module', () => {
  it.each([
    ['a discrete-time model (plain object)', cycleModule, 6_000],
    ['a continuous-time model (a function returning it)', continuousModule, 3_000],
  ])('%s: 1 and 2 workers and the main thread give the serial result bit for bit', async (_, url, individuals) => {
    const expected = await serial(url, individuals, 17);
    const options = { seed: 17, individuals, blockSize: 500 };
    for (const size of [1, 2]) {
      expect(JSON.stringify(summarize(await pool(size).runModel({ url }, options)))).toBe(expected);
    }
    expect(JSON.stringify(summarize(await pool(1, mainThreadFactory()).runModel({ url }, options)))).toBe(expected);
  });

  it('names a missing module', async () => {
    const url = pathToFileURL('/nonexistent/my-model.js').href;
    await expect(pool(1).runModel({ url }, { seed: 1, individuals: 10 })).rejects.toThrow(
      `model module ${url}: could not be imported`,
    );
  });

  it.each([
    ['missing', `has no export 'missing' (it exports 'aNumber', 'badCycles', 'noStrategies', 'wrongKind')`],
    ['aNumber', `export 'aNumber' is number 42; allowed: a simulation definition { model, strategies }`],
    ['noStrategies', `export 'noStrategies'.strategies is an array; allowed: a non-empty array of strategies`],
    ['wrongKind', `export 'wrongKind'.kind is string "markov"; allowed: 'cycle' (discrete-time) or left out`],
    ['badCycles', `cycle model 'bad': cycles must be a whole number ≥ 1, got 0`],
  ])('names what is wrong with export %s', async (exportName, message) => {
    await expect(pool(1).runModel({ url: badModules, exportName }, { seed: 1, individuals: 10 })).rejects.toThrow(
      `model module ${badModules}: ${message}`,
    );
  });
});
