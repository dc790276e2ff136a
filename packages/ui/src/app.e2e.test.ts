// The web app end to end in Debian's Chromium: the built static site served on loopback,
// driven through playwright-core. Screenshots of each view go to packages/ui/test-artifacts/
// (not committed). Any console error or uncaught page error fails the test that caused it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS } from '@sarcsim/model/calibration';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  openApp as open,
  runAndReadTable,
  setPatients,
  siteOfFile,
  untilEnded,
} from './testing/e2e-harness.test-util.js';

const site = siteOfFile('app');

beforeAll(() => {
  mkdirSync(artifacts, { recursive: true });
});

const openApp = (hash = ''): Promise<Page> => open(site, hash);

describe('sarcsim web app in Chromium', () => {
  it('loads the default scenario, runs it, and shows the ICER table, charts and stamp', async () => {
    const page = await openApp();
    await page.screenshot({ path: join(artifacts, 'scenario.png'), fullPage: true });
    await setPatients(page, 3_000);
    const table = await runAndReadTable(page);
    for (const label of [
      'Chest CT only',
      'Contrast CT chest+abdomen, all',
      'Liver MRI for RP or LMS, chest CT for others',
    ]) {
      expect(table).toContain(label);
    }
    expect(table).toContain('ND');
    expect(await page.locator('plot-figure figcaption').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('plot-figure svg').count()).toBeGreaterThanOrEqual(8);
    const stamp = (await page.getByTestId('stamp').textContent()) ?? '';
    expect(stamp.replace(/\s+/g, ' ')).toMatch(/sarcsim \d+\.\d+\.\d+ · seed 20261122 · 3,000 patients/);
    await page.screenshot({ path: join(artifacts, 'results.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.screenshot({ path: join(artifacts, 'parameters.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Learn' }).click();
    await page.screenshot({ path: join(artifacts, 'learn.png'), fullPage: true });
    await page.close();
  });

  it('cancels a long run after its warning, and the next run still works', async () => {
    const page = await openApp();
    await setPatients(page, 5_000_000);
    await page.getByTestId('run').click();
    await page.getByRole('button', { name: 'Run anyway' }).click();
    await page.getByRole('status').filter({ hasText: 'patients · ETA' }).waitFor();
    await page.getByTestId('cancel').click();
    await page.getByTestId('banner').filter({ hasText: 'Run cancelled; nothing partial was kept.' }).waitFor();
    expect(await page.getByTestId('icer-table').count()).toBe(0);
    await setPatients(page, 1_000);
    expect(await runAndReadTable(page)).toContain('Chest CT only');
    await page.close();
  });

  it('an edited parameter changes the results; a shared link reproduces them exactly', async () => {
    const page = await openApp();
    await setPatients(page, 2_000);
    const before = await runAndReadTable(page);
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.getByLabel('Search').fill('contrastCt.cost');
    const cost = page.getByLabel('Contrast CT chest + abdomen: cost per scan', { exact: true });
    await cost.fill('900');
    await cost.dispatchEvent('change');
    expect(await page.locator('tr.changed').count()).toBe(1);
    await page.getByRole('tab', { name: 'Run & results' }).click();
    const after = await runAndReadTable(page);
    expect(after).not.toBe(before);

    const shared = new URL(page.url()).hash;
    expect(shared).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    const other = await openApp(shared);
    await other.getByText('Scenario loaded from the link').waitFor();
    await other.getByRole('tab', { name: 'Run & results' }).click();
    expect(await runAndReadTable(other)).toBe(after);
    await other.close();
    await page.close();
  });

  it('duplicates a strategy, edits its eligibility and schedule, and runs it', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: 'Duplicate Chest CT only and edit the copy' }).click();
    const editor = page.locator('strategy-editor');
    await editor.getByLabel('Eligible for the schedule').selectOption('custom');
    await editor.getByLabel('Smooth muscle tumours (leiomyosarcoma)').check();
    const interval = editor.getByLabel('Schedule of eligible patients, segment 1, intervalMonths');
    await interval.fill('2');
    await interval.dispatchEvent('change');
    expect(await editor.locator('plot-figure svg').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(artifacts, 'strategy-editor.png'), fullPage: true });
    await setPatients(page, 500);
    const table = await runAndReadTable(page);
    expect(table).toContain('Chest CT only (copy)');
    await page.close();
  });

  it('downloads the results as CSV', async () => {
    const page = await openApp();
    await setPatients(page, 500);
    await runAndReadTable(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/^sarcsim-[0-9a-f]{8}-outcomes\.csv$/);
    expect(text.split('\n')[1]).toBe('strategy,measure,value,mcse');
    expect(text).toContain('chest-only,costs_discounted,');
    await page.close();
  });

  it('shows invalid input beside the field and will not run it', async () => {
    const page = await openApp();
    await setPatients(page, 0);
    await page.getByText('patients: got 0, must be ≥ 1').waitFor();
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    await page.close();
  });

  it('treats script and HTML in a shared scenario as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const strategy = {
      id: 'xss',
      label: payload,
      eligibility: 'all',
      schedule: [{ fromMonths: 0, toMonths: 12, intervalMonths: 6, modality: 'chestCt' }],
    };
    const page = await openApp();
    const hash = await page.evaluate(
      async (scenario) => {
        const json = new TextEncoder().encode(JSON.stringify(scenario));
        const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
        const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return `#s=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
      },
      { strategies: ['chest-only', strategy], patients: 200 },
    );
    const shared = await openApp(hash);
    await shared.getByText(payload).first().waitFor();
    expect(await shared.locator('strategy-list img').count()).toBe(0);
    await shared.getByRole('tab', { name: 'Run & results' }).click();
    expect(await runAndReadTable(shared)).toContain(payload);
    expect(await shared.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shared.close();
    await page.close();
  });

  it('runs a small PSA and a one-way DSA, and checks the calibration, in workers', async () => {
    const page = await openApp();
    await setPatients(page, 300);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    await page.getByLabel('Draws').fill('12');
    await page.getByLabel('Draws').dispatchEvent('change');
    await untilEnded(page, () => page.getByTestId('run-psa').click());
    await page.getByText('EVPI at 100,000 USD per QALY').waitFor();
    expect(await page.locator('psa-view plot-figure svg').count()).toBeGreaterThanOrEqual(3);
    // About 140 runs: estimated well over 20 s, so the page asks first.
    await page.getByTestId('run-dsa').click();
    await untilEnded(page, () => page.getByRole('button', { name: 'Run anyway' }).click(), 500_000);
    await page.getByText('Base case: incremental NMB').waitFor();
    expect(await page.locator('dsa-view plot-figure svg').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(artifacts, 'uncertainty.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Calibration' }).click();
    await page.getByTestId('check-calibration').click();
    const inside = new RegExp(`\\d+ of ${TARGETS.length} targets inside their 95% intervals`);
    await page.getByText(inside).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(artifacts, 'calibration.png'), fullPage: true });
    await page.close();
  }, 900_000);

  it('fits a narrow window', async () => {
    const page = await openApp();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: join(artifacts, 'narrow.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
