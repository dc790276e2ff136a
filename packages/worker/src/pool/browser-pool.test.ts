// The pool in a real browser: module Workers built by Vite, in Debian's Chromium, give
// bitwise-identical results for 1 and 2 workers and the main-thread fallback: that is the
// promise, within one JavaScript engine. Against Node they can only agree closely: Math.exp,
// Math.log and ** differ in the last bit between Node 20 (V8 11.3) and Chromium 156 (measured
// on 200,000 random arguments of Math.exp: 19,763 differed), so now and then one history's
// event lands on the other side of a grid boundary or a threshold. The Node comparison
// therefore allows a few numbers (at most 1% of them) to differ by more than 1e-12 relative.
import type { Server } from 'node:http';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { createModelRunner, runSerial, summarize } from '@sarcsim/model/engine';
import { parseScenario, runnerFor } from '@sarcsim/model/scenario';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../testing/browser-check-result.js';
import { buildBrowserCheck, launchChromium, serveStatic } from '../testing/chromium.js';

const scenarioInput = { patients: 3_000, blockSize: 250, seed: 99 };

/** Same structure; collects the numbers that differ by more than 1e-12 relative (null stands for NaN in JSON). */
function compareNumbers(
  actual: unknown,
  expected: unknown,
  path: string,
  counts: { numbers: number; differing: string[] },
): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    counts.numbers++;
    if (Math.abs(actual - expected) > 1e-12 * Math.max(1, Math.abs(expected))) {
      counts.differing.push(`${path}: ${actual} vs ${expected}`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    expect(actual.length, path).toBe(expected.length);
    expected.forEach((e, i) => {
      compareNumbers(actual[i], e, `${path}[${i}]`, counts);
    });
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    expect(Object.keys(actual), path).toEqual(Object.keys(expected));
    for (const [k, e] of Object.entries(expected))
      compareNumbers((actual as Record<string, unknown>)[k], e, `${path}.${k}`, counts);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** Node's result and the browser's: the same structure, and all but at most 1% of the numbers within 1e-12. */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  const counts = { numbers: 0, differing: [] as string[] };
  compareNumbers(actual, expected, path, counts);
  expect(counts.differing.length, counts.differing.slice(0, 20).join('\n')).toBeLessThanOrEqual(0.01 * counts.numbers);
}
let browser: Browser;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  ({ url: baseUrl, server } = await serveStatic(await buildBrowserCheck()));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Opens the check page with `query`: its 1- and 2-Worker pools and the main-thread fallback
 * must agree bit for bit, with `expected` (Node's serial result) as expectClose says, and log no errors.
 */
async function expectPoolsAgree(query: string, expected: string): Promise<void> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForFunction(() => window.sarcsimCheck !== undefined, undefined, { timeout: 90_000 });
  const outcome = await page.evaluate(() => window.sarcsimCheck);
  if (outcome === undefined || 'error' in outcome) throw new Error(`page failed: ${outcome?.error}`);
  expect(Object.keys(outcome.results)).toEqual(['workers1', 'workers2', 'mainThread']);
  const { workers1, workers2, mainThread } = outcome.results;
  expect(workers2).toBe(workers1);
  expect(mainThread).toBe(workers1);
  expectClose(JSON.parse(workers1 ?? 'null'), JSON.parse(expected), 'results');
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
}

describe('worker pool in Chromium', () => {
  it('runs a user-written model module by URL: 1 and 2 Workers and the main thread agree bit for bit, and with Node', async () => {
    // The page serves browser-check/public/four-state-model.js; Node imports the same file.
    const module = new URL('../../browser-check/public/four-state-model.js', import.meta.url).href;
    const run = { seed: 5, individuals: 4_000, blockSize: 300 };
    const definition = (await import(module)).default;
    const expected = JSON.stringify(summarize(runSerial(createModelRunner(definition), { ...run, blockSize: 1_000 })));
    await expectPoolsAgree(
      `model=${encodeURIComponent('./four-state-model.js')}&run=${encodeURIComponent(JSON.stringify(run))}`,
      expected,
    );
  }, 120_000);

  it('module Workers (1 and 2) and the main-thread fallback agree bit for bit, and with Node', async () => {
    const scenario = parseScenario(scenarioInput);
    const expected = JSON.stringify(
      summarize(
        runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
          seed: scenario.seed,
          individuals: scenario.patients,
          blockSize: 1_000,
        }),
      ),
    );
    await expectPoolsAgree(`scenario=${encodeURIComponent(JSON.stringify(scenarioInput))}`, expected);
  }, 120_000);
});
