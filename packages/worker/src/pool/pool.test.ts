import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  COMMITTED_CALIBRATION,
  QUICK_POSTERIOR_SETTINGS,
  runExperiments,
  runPosterior,
} from '@sarcsim/model/calibration';
import { runSerial, summarize } from '@sarcsim/model/engine';
import { parseScenario, runnerFor } from '@sarcsim/model/scenario';
import { afterEach, describe, expect, it } from 'vitest';
import { poolExperiments } from '../../dist/analyses/pool-experiments.js';
// Worker threads need JavaScript, so these tests drive the built package (`pnpm build` first).
import { mainThreadFactory } from '../../dist/pool/main-thread.js';
import { nodeWorkerFactory } from '../../dist/pool/node-workers.js';
import { BlockFailedError, RunCancelledError, type RunProgress, WorkerPool } from '../../dist/pool/pool.js';

const scenario = parseScenario({ patients: 6_000, blockSize: 500, seed: 4242 });
const serialJson = JSON.stringify(
  summarize(
    runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
      seed: scenario.seed,
      individuals: scenario.patients,
      blockSize: 777,
    }),
  ),
);

const pools: WorkerPool[] = [];
function pool(size: number, factory = nodeWorkerFactory()): WorkerPool {
  const p = new WorkerPool(factory, size);
  pools.push(p);
  return p;
}
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

function faultyFactory(mode: 'throw' | 'exit', maxFaults: number) {
  const faults = new SharedArrayBuffer(4);
  const script = new URL('../testing/faulty-block-worker.js', import.meta.url);
  return {
    factory: nodeWorkerFactory(script, { faults, faultAt: 1_500, maxFaults, mode }),
    faults: new Int32Array(faults),
  };
}

describe('worker pool', () => {
  it('gives bitwise-identical results for 1, 2 and 3 workers, the main thread and the serial path', async () => {
    for (const size of [1, 2, 3]) {
      expect(JSON.stringify(summarize(await pool(size).run(scenario)))).toBe(serialJson);
    }
    expect(JSON.stringify(summarize(await pool(2, mainThreadFactory()).run(scenario)))).toBe(serialJson);
  });

  it('runs without the quantity channels as the serial path does, in workers and on the main thread', async () => {
    const serial = JSON.stringify(
      summarize(
        runSerial(runnerFor(scenario, COMMITTED_CALIBRATION, { quantities: false }), {
          seed: scenario.seed,
          individuals: scenario.patients,
          blockSize: 777,
        }),
      ),
    );
    expect(serial).not.toBe(serialJson); // the quantity channels are gone
    expect(JSON.stringify(summarize(await pool(2).run(scenario, { quantities: false })))).toBe(serial);
    expect(JSON.stringify(summarize(await pool(1, mainThreadFactory()).run(scenario, { quantities: false })))).toBe(
      serial,
    );
  });

  it('reports monotone progress that ends at the total', async () => {
    const seen: RunProgress[] = [];
    await pool(2).run(scenario, { onProgress: (p) => seen.push(p), progressIntervalMs: 0 });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.individualsDone).toBeGreaterThanOrEqual(seen[i - 1]?.individualsDone ?? 0);
      expect(seen[i]?.blocksDone).toBeGreaterThanOrEqual(seen[i - 1]?.blocksDone ?? 0);
    }
    const last = seen[seen.length - 1];
    expect(last?.individualsDone).toBe(scenario.patients);
    expect(last?.blocksDone).toBe(last?.blocksTotal);
  });

  it('cancels promptly and stays usable', async () => {
    const big = parseScenario({ patients: 400_000, blockSize: 1_000, seed: 1 });
    const p = pool(2);
    const controller = new AbortController();
    let lastDone = 0;
    const running = p.run(big, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (progress) => {
        lastDone = progress.individualsDone;
        if (progress.blocksDone >= 3) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(RunCancelledError);
    expect(lastDone).toBeLessThan(big.patients);
    expect(JSON.stringify(summarize(await p.run(scenario)))).toBe(serialJson);
  });

  it('retries a block whose worker throws, on a fresh worker, with identical results', async () => {
    const { factory, faults } = faultyFactory('throw', 1);
    expect(JSON.stringify(summarize(await pool(2, factory).run(scenario)))).toBe(serialJson);
    expect(Atomics.load(faults, 0)).toBe(2); // one injected fault, one clean retry
  });

  it('retries a block whose worker dies', async () => {
    const { factory } = faultyFactory('exit', 1);
    expect(JSON.stringify(summarize(await pool(2, factory).run(scenario)))).toBe(serialJson);
  });

  it('fails the whole run with a clear error when the retry fails too', async () => {
    const { factory } = faultyFactory('throw', 99);
    const running = pool(2, factory).run(scenario);
    await expect(running).rejects.toBeInstanceOf(BlockFailedError);
    await expect(running).rejects.toThrow(
      /individuals 1500–1999 failed 2 times; .* no partial results \(last error: injected fault\)/,
    );
  });

  it('charges a worker death to the block it was running, not to the block queued behind it', async () => {
    const { factory } = faultyFactory('exit', 99);
    await expect(pool(2, factory).run(scenario)).rejects.toThrow(
      /^block of individuals 1500–1999 failed 2 times; .*exit code 3/,
    );
  });

  it('rejects an invalid worker count', () => {
    expect(() => new WorkerPool(mainThreadFactory(), 0)).toThrow('workers: got 0, must be a whole number ≥ 1');
  });
});

describe('calibration experiments in the pool', () => {
  it('give exactly the serial results, for any number of workers', async () => {
    const sizes = { seed: 5, registryPatients: 1_500, cohortPatients: 400 };
    const overrides = { 'nh.livermet.onsetRate': 0.03 };
    const serial = JSON.stringify(runExperiments(overrides, sizes));
    for (const workers of [1, 2]) {
      const evaluate = poolExperiments(pool(workers));
      expect(JSON.stringify(await evaluate(overrides, sizes))).toBe(serial);
    }
  });

  it('`pnpm calibrate --quick` samples the posterior in the pool as on one thread (it writes nothing)', async () => {
    const script = fileURLToPath(new URL('../../dist/scripts/calibrate.js', import.meta.url));
    const result = spawnSync(process.execPath, [script, '--quick', '--workers', '2'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // Progress lines, whatever their number, and nothing else.
    for (const line of result.stderr.split('\n').filter((l) => l !== '')) {
      expect(line).toMatch(/^calibrate: (prior draws|optimisation|iteration \d+), \d+ evaluations, \d+ s$/);
    }
    // The same sample as serially on this thread: the pool's experiments are bitwise the serial ones.
    const serial = await runPosterior(QUICK_POSTERIOR_SETTINGS, runExperiments, COMMITTED_CALIBRATION.values);
    const ess = serial.diagnostics.effectiveSampleSize.toFixed(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^calibrate: ${serial.evaluations} evaluations, ${serial.iterations} IMIS iterations in [\\d.]+ s on 2 workers; ESS ${ess.replace('.', '\\.')}, ${serial.diagnostics.distinctDraws} distinct of ${QUICK_POSTERIOR_SETTINGS.draws} draws; ${serial.diagnostics.targetsInside}/\\d+ targets inside their 95% posterior-predictive intervals\n$`,
      ),
    );
  });
});
