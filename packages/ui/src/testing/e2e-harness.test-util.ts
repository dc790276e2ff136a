// What the web app's Chromium tests share: the built site served on loopback (the test server,
// or `vite preview` with its headers), Debian's Chromium, a page that records every console error
// and uncaught error, and scenario links encoded as the app encodes them.
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { launchChromium, serveStatic } from '@sarcsim/worker/testing';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const uiRoot = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = join(uiRoot, 'test-artifacts');

export interface Site {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly outDir: string;
  readonly errors: string[];
  close(): Promise<void>;
}

export async function startSite(name: string): Promise<Site> {
  const outDir = join(tmpdir(), `sarcsim-ui-${name}-${process.pid}`);
  await build({ root: uiRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { url, server } = await serveStatic(outDir);
  const browser = await launchChromium();
  return {
    browser,
    baseUrl: url,
    outDir,
    errors: [],
    async close() {
      await browser.close();
      (server as Server).close();
    },
  };
}

/**
 * The site of one test file: built and served before its tests, closed after them, and (unless
 * `checkPageErrors` is false: a file that checks them itself) no console or uncaught page
 * error allowed in any test. The returned object reads the started site.
 */
export function siteOfFile(name: string, checkPageErrors = true): Site {
  let started: Site | undefined;
  const current = (): Site => {
    if (started === undefined) throw new Error(`e2e: the '${name}' site is used before it started`);
    return started;
  };
  beforeAll(async () => {
    started = await startSite(name);
  }, 180_000);
  afterAll(async () => {
    await started?.close();
  });
  if (checkPageErrors) {
    afterEach(() => {
      expect(current().errors, 'console errors or uncaught errors in the page').toEqual([]);
      current().errors.length = 0;
    });
  }
  return {
    get browser() {
      return current().browser;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get outDir() {
      return current().outDir;
    },
    get errors() {
      return current().errors;
    },
    close: () => current().close(),
  };
}

/** A page of the app at `hash`, recording console errors and uncaught errors in `site.errors`. */
export async function openApp(site: Site, hash = '', width = 1280): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 }, acceptDownloads: true });
  page.on('console', (message) => {
    if (message.type() === 'error') site.errors.push(message.text());
  });
  page.on('pageerror', (error) => site.errors.push(error.message));
  await page.goto(`${site.baseUrl}${hash}`);
  await page.getByRole('tab', { name: 'Scenario' }).waitFor();
  return page;
}

/** The link fragment for any JSON value, encoded as the app encodes scenarios (deflate-raw, base64url). */
export function linkFor(value: unknown): string {
  return linkForText(JSON.stringify(value) ?? 'null');
}

export function linkForText(json: string): string {
  return `#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

export async function setPatients(page: Page, patients: number): Promise<void> {
  await page.getByRole('tab', { name: 'Run & results' }).click();
  await page.getByLabel('Patients', { exact: true }).fill(String(patients));
  await page.getByLabel('Patients', { exact: true }).dispatchEvent('change');
}

/** Clicks `start` and waits until the analysis it starts has ended (the app counts them). */
export async function untilEnded(page: Page, start: () => Promise<void>, timeout = 180_000): Promise<void> {
  const before = Number((await page.locator('sarcsim-app').getAttribute('data-tasks-ended')) ?? '0');
  await start();
  await page.waitForFunction(
    (n) => Number(document.querySelector('sarcsim-app')?.getAttribute('data-tasks-ended') ?? '0') > n,
    before,
    { timeout },
  );
}

/** Runs and returns the ICER table's text once the run has finished. */
export async function runAndReadTable(page: Page): Promise<string> {
  await untilEnded(page, () => page.getByTestId('run').click());
  return (await page.getByTestId('icer-table').textContent()) ?? '';
}
