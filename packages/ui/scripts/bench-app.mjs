// Times the web app as a user meets it: the built site in Debian's Chromium. First the click on
// Run to the verdict for the default scenario (100,000 patients × 5 strategies); then, for a PSA
// and a one-way DSA, the time the page estimated before the click against the time they took
// (the estimates use the throughput the app measured on the run). Prints JSON. Run with
// `pnpm bench:app` from the repository root; optional arguments: patients, PSA draws, PSA/DSA patients.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveStatic } from '@sarcsim/worker/testing';
import { build } from 'vite';

const patients = Number(process.argv[2] ?? 100_000);
const draws = Number(process.argv[3] ?? 20);
const analysisPatients = Number(process.argv[4] ?? 1_000);
const withExplore = process.argv[5] !== 'no-explore';
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(tmpdir(), `sarcsim-ui-bench-${process.pid}`);
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const { url, server } = await serveStatic(outDir);
const browser = await launchChromium();

/** Seconds from the click until the app has counted one more finished analysis. */
async function timed(page, click) {
  const before = Number((await page.locator('sarcsim-app').getAttribute('data-tasks-ended')) ?? '0');
  const started = Date.now();
  await click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('sarcsim-app')?.getAttribute('data-tasks-ended') ?? '0') > n,
    before,
    { timeout: 1_800_000, polling: 20 },
  );
  return (Date.now() - started) / 1000;
}

/** The estimate a run button shows, in seconds ("12 s" or "1.5 min"). */
async function estimate(page, testid) {
  const text = (await page.getByTestId(`${testid}-estimate`).textContent()) ?? '';
  const value = Number.parseFloat(text);
  return text.includes('min') ? value * 60 : value;
}

async function setNumber(page, label, value) {
  await page.getByLabel(label, { exact: true }).fill(String(value));
  await page.getByLabel(label, { exact: true }).dispatchEvent('change');
}

/** Clicks a run button, confirming when the page asks first (long runs). */
async function start(page, testid) {
  await page.getByTestId(testid).click();
  const confirm = page.getByRole('button', { name: 'Run anyway' });
  if (await confirm.count()) await confirm.click();
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByRole('tab', { name: 'Run & results' }).click();
  const workers = Number(await page.getByLabel('Workers').inputValue());
  await setNumber(page, 'Patients', patients);
  const runEstimate = await estimate(page, 'run');
  const clickToVerdictSeconds = await timed(page, () => start(page, 'run'));
  await page.getByTestId('verdict').waitFor();
  const verdict = ((await page.getByTestId('verdict').locator('h2').textContent()) ?? '').trim();

  await setNumber(page, 'Patients', analysisPatients);
  await page.getByRole('tab', { name: 'Uncertainty' }).click();
  await setNumber(page, 'Draws', draws);
  const psaEstimate = await estimate(page, 'run-psa');
  const psaSeconds = await timed(page, () => start(page, 'run-psa'));
  const dsaEstimate = await estimate(page, 'run-dsa');
  const dsaSeconds = await timed(page, () => start(page, 'run-dsa'));
  const round = (v) => Math.round(v * 100) / 100;
  let explore;
  if (withExplore) {
    await page.getByRole('tab', { name: 'Explore' }).click();
    const exploreEstimate = await estimate(page, 'run-explore');
    const exploreSeconds = await timed(page, () => start(page, 'run-explore'));
    const settings = ((await page.getByTestId('explore-settings').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const frontier = await page
      .getByTestId('explore-frontier-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    explore = {
      space: 'default',
      settings,
      estimatedSeconds: exploreEstimate,
      actualSeconds: round(exploreSeconds),
      actualOverEstimate: round(exploreSeconds / exploreEstimate),
      frontier,
    };
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        run: {
          patients,
          strategies: 5,
          workers,
          clickToVerdictSeconds: round(clickToVerdictSeconds),
          estimatedBeforeAnyRunSeconds: runEstimate,
          verdict,
        },
        psa: {
          draws,
          patientsPerDraw: analysisPatients,
          estimatedSeconds: psaEstimate,
          actualSeconds: round(psaSeconds),
          actualOverEstimate: round(psaSeconds / psaEstimate),
        },
        dsa: {
          patients: analysisPatients,
          strategies: 2,
          estimatedSeconds: dsaEstimate,
          actualSeconds: round(dsaSeconds),
          actualOverEstimate: round(dsaSeconds / dsaEstimate),
        },
        explore,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await browser.close();
  server.close();
}
