// A page that runs one scenario through the browser worker pool (1 and 2 module Workers)
// and the main-thread fallback, for the browser test of the pool (src/browser-pool.test.ts).
// With `model=<url>` (and `run={seed, individuals, blockSize}`) it runs that model module instead.
import { summarize } from '@sarcsim/model/engine';
import { parseScenario } from '@sarcsim/model/scenario';
import { createBrowserPool, mainThreadFactory, WorkerPool } from '../dist/browser.js';
import type {} from '../src/testing/browser-check-result.js';

async function check(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const model = query.get('model');
  const run = JSON.parse(query.get('run') ?? '{}');
  const scenario = model === null ? parseScenario(JSON.parse(query.get('scenario') ?? '{}')) : undefined;
  const only = query.get('pools')?.split(',');
  const results: Record<string, string> = {};
  const seconds: Record<string, number> = {};
  const pools: [string, WorkerPool][] = [
    ['workers1', createBrowserPool(1)],
    ['workers2', createBrowserPool(2)],
    ['mainThread', new WorkerPool(mainThreadFactory(), 1)],
  ];
  for (const [name, pool] of pools) {
    if (only !== undefined && !only.includes(name)) continue;
    const start = performance.now();
    const merged =
      model === null ? await pool.run(scenario) : await pool.runModel({ url: new URL(model, location.href).href }, run);
    results[name] = JSON.stringify(summarize(merged));
    seconds[name] = (performance.now() - start) / 1000;
    pool.terminate();
  }
  window.sarcsimCheck = { results, seconds };
}

check().then(
  () => {
    document.getElementById('status')?.replaceChildren('done');
  },
  (error: unknown) => {
    window.sarcsimCheck = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  },
);
