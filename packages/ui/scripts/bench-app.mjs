// Times the web app as a user meets it: the built site in Debian's Chromium, the default
// scenario at 100,000 patients, from the click on Run until the ICER table is shown.
// Prints JSON. Run with `pnpm bench:app` from the repository root (after `pnpm build`).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveStatic } from '@sarcsim/worker/testing';
import { build } from 'vite';

const patients = Number(process.argv[2] ?? 100_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(tmpdir(), `sarcsim-ui-bench-${process.pid}`);
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const { url, server } = await serveStatic(outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByRole('tab', { name: 'Run & results' }).click();
  const workers = Number(await page.getByLabel('Workers').inputValue());
  await page.getByLabel('Patients', { exact: true }).fill(String(patients));
  await page.getByLabel('Patients', { exact: true }).dispatchEvent('change');
  const started = Date.now();
  await page.getByTestId('run').click();
  await page.getByTestId('icer-table').waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  const charts = await page.locator('plot-figure svg').count();
  process.stdout.write(
    `${JSON.stringify({ patients, strategies: 5, workers, runToResultsSeconds: seconds, chartsShown: charts }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  server.close();
}
