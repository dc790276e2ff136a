// Browser timing for the benchmark: the default scenario through module Workers in Chromium.
import { existsSync } from 'node:fs';
import type {} from '../testing/browser-check-result.js';
import { buildBrowserCheck, CHROMIUM, launchChromium, serveStatic } from '../testing/chromium.js';

export interface BrowserFigures {
  readonly patients: number;
  /** Wall time from starting the run to merged results, per worker count. */
  readonly seconds: Readonly<Record<string, number>>;
}

export async function measureBrowser(patients: number): Promise<BrowserFigures | { readonly skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed` };
  const { url, server } = await serveStatic(await buildBrowserCheck());
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scenario = encodeURIComponent(JSON.stringify({ patients }));
    await page.goto(`${url}?pools=workers1,workers2&scenario=${scenario}`);
    await page.waitForFunction(() => window.sarcsimCheck !== undefined, undefined, { timeout: 600_000 });
    const outcome = await page.evaluate(() => window.sarcsimCheck);
    if (outcome === undefined || 'error' in outcome) throw new Error(`browser run failed: ${outcome?.error}`);
    return { patients, seconds: outcome.seconds };
  } finally {
    await browser.close();
    server.close();
  }
}
