// The web app's decision views and the defects of issue 17, end to end in Debian's Chromium:
// results that know their scenario, the verdict, exported charts that stand alone, strategies
// that are kept, estimates from measurement, survival differences, the tornado, naming and
// order, accessibility, the CSP, files, pinning and the report. No assertion depends on speed.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import { parseScenario } from '@sarcsim/model/scenario';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  artifacts,
  openApp,
  runAndReadTable,
  setPatients,
  siteOfFile,
  uiRoot,
  untilEnded,
} from './testing/e2e-harness.test-util.js';

const site = siteOfFile('decisions');

const label = (id: string) => NAMED_STRATEGIES.find((s) => s.id === id)?.label ?? id;

async function setWtp(page: Page, wtp: number): Promise<void> {
  await page.getByRole('tab', { name: 'Scenario' }).click();
  const field = page.getByLabel('Willingness to pay (USD per QALY)');
  await field.fill(String(wtp));
  await field.dispatchEvent('change');
}

async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

describe('results that know their scenario', () => {
  it('recomputes the economics at a new threshold at once, and marks any other edit stale with Re-run', async () => {
    const page = await openApp(site);
    await setPatients(page, 600);
    await runAndReadTable(page);
    expect(await page.getByTestId('icer-table').textContent()).toContain('at 100,000 USD per QALY');
    await setWtp(page, 150_000);
    await page.getByRole('tab', { name: 'Run & results' }).click();
    expect(await page.getByTestId('icer-table').textContent()).toContain('at 150,000 USD per QALY');
    expect(await page.getByTestId('verdict').textContent()).toContain('Verdict at 150,000 USD per QALY');
    expect(await page.getByTestId('stale').count()).toBe(0);
    // Any other edit: the results stay, marked stale, with Re-run.
    await page.getByRole('tab', { name: 'Scenario' }).click();
    await page.getByLabel('Horizon (years)').fill('20');
    await page.getByLabel('Horizon (years)').dispatchEvent('change');
    await page.getByRole('tab', { name: 'Run & results' }).click();
    expect(await page.getByTestId('stale').textContent()).toContain('horizonYears');
    await untilEnded(page, () => page.getByRole('button', { name: 'Re-run' }).click());
    expect(await page.getByTestId('stale').count()).toBe(0);
    // An exercise sets up a new scenario: the last run's table is marked as another scenario's.
    await page.getByRole('tab', { name: 'Learn' }).click();
    await page.getByRole('button', { name: 'Set up the exercise: No discounting' }).click();
    expect(await page.getByTestId('stale').textContent()).toContain('discountRates');
    await page.close();
  });

  it('shows the settings a PSA was run with, and the PSA estimate comes from its measured time', async () => {
    const page = await openApp(site);
    await setPatients(page, 300);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    await page.getByLabel('Draws').fill('6');
    await page.getByLabel('Draws').dispatchEvent('change');
    await untilEnded(page, () => page.getByTestId('run-psa').click());
    expect(await page.getByTestId('psa-settings').textContent()).toMatch(/6 draws × 300 patients per draw/);
    // The same PSA again is estimated from the one just measured (to the second shown).
    const took = Number(await page.getByTestId('psa-seconds').textContent());
    const estimate = (await page.getByTestId('run-psa-estimate').textContent()) ?? '';
    const estimated = Number(estimate.replace(/[^\d.]/g, ''));
    expect(estimate).toMatch(/^\d+ s$/);
    expect(Math.abs(estimated - took)).toBeLessThanOrEqual(1.05);
    await setPatients(page, 400);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    expect(await page.getByTestId('psa-settings').textContent()).toMatch(/300 patients per draw/);
    expect(await page.getByTestId('psa-stale').textContent()).toContain('patients');
    await page.close();
  });
});

describe('the verdict and the decision views', () => {
  it('puts the verdict first, orders strategies by cost, names them by label and draws differences against a comparator', async () => {
    const page = await openApp(site);
    await setPatients(page, 800);
    await runAndReadTable(page);
    const verdict = (await page.getByTestId('verdict').textContent()) ?? '';
    expect(verdict).toMatch(/Verdict at 100,000 USD per QALY: .+/);
    expect(verdict).toContain('Probability cost-effective: run a PSA');
    // Paired precision: the decision is either resolved at 800 patients, or the panel says it is
    // not and names a larger patient count that would resolve it.
    const resolved = await page.getByTestId('verdict-resolved').count();
    const unresolved = page.getByTestId('verdict-unresolved');
    expect(resolved + (await unresolved.count())).toBe(1);
    if (resolved === 0) {
      const text = (await unresolved.textContent()) ?? '';
      expect(text).toContain('This patient count cannot resolve');
      const needed = Number(/About ([\d,]+) patients/.exec(text)?.[1]?.replaceAll(',', '') ?? 'NaN');
      expect(text.includes('the strategies tie') || needed > 800).toBe(true);
    }
    expect(
      await page.getByTestId('icer-table').getByRole('columnheader', { name: 'ICER 95% interval (Fieller)' }).count(),
    ).toBe(1);
    expect(await page.getByTestId('icer-table').textContent()).toMatch(/± [\d,.]+/);
    const increments = (await page.getByTestId('increments').textContent()) ?? '';
    expect(increments).toMatch(/Against .+: mean difference per patient ± paired Monte Carlo standard error/);
    const cells = (await page.getByTestId('increments').locator('tbody').textContent()) ?? '';
    expect((cells.match(/ ± /g) ?? []).length).toBe(12); // 4 strategies × Δcost, ΔQALYs, INMB
    // Rows cheapest first: the cost column (the fourth) never falls.
    const costs = await page
      .getByTestId('icer-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number((r.children[3]?.textContent ?? '').replaceAll(',', ''))));
    expect(costs.length).toBe(5);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    // Charts and tables use labels, not ids.
    const plane = page.locator('plot-figure').filter({ hasText: 'Cost-effectiveness plane' });
    const planeText = (await plane.locator('.chart').textContent()) ?? '';
    expect(planeText).toContain(label('chest-only'));
    expect(planeText).not.toContain('chest-only');
    const outcomes = (await page.getByTestId('outcomes-table').textContent()) ?? '';
    expect(outcomes).toContain('Overall survival from entry, 2 years');
    expect(outcomes).toContain(label('chest-only'));
    // Survival is drawn as differences against the chosen comparator.
    const firstLabel = (await page.getByTestId('comparator').locator('option').first().textContent()) ?? '';
    expect(await page.locator('plot-figure figcaption').allTextContents()).toContain(
      `Overall survival from entry: difference vs ${firstLabel.trim()} (conservative 95% bands)`,
    );
    await page.getByTestId('comparator').selectOption({ index: 2 });
    const chosen = (await page.getByTestId('comparator').locator('option:checked').textContent())?.trim() ?? '';
    expect((await page.locator('plot-figure figcaption').allTextContents()).join('\n')).toContain(
      `difference vs ${chosen}`,
    );
    await page.screenshot({ path: join(artifacts, 'results-verdict.png'), fullPage: true });
    await page.close();
  });

  it('exports a chart with its title, legend and reproducibility stamp (SVG and PNG)', async () => {
    const page = await openApp(site);
    await setPatients(page, 500);
    await runAndReadTable(page);
    const figure = page.locator('plot-figure').filter({ hasText: 'Cumulative incidence of detected liver metastasis' });
    const svg = await download(page, () => figure.getByRole('button', { name: /as SVG$/ }).click());
    expect(svg.name).toMatch(/-detected-liver-metastasis\.svg$/);
    expect(svg.text).toContain('Cumulative incidence of detected liver metastasis');
    for (const id of ['chest-only', 'contrast-ct-all']) expect(svg.text).toContain(label(id).replaceAll('&', '&amp;'));
    expect(svg.text).toMatch(/sarcsim \d+\.\d+\.\d+ · seed 20261122 · 500 patients · scenario [0-9a-f]{16}/);
    const png = await download(page, () => figure.getByRole('button', { name: /as PNG$/ }).click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Title, legend and stamp make the PNG taller than the plot alone (twice its size, at 2×).
    const plotHeight = Number(await figure.locator('.chart svg').last().getAttribute('height'));
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(2 * plotHeight);
    await page.close();
  });

  it('runs the DSA on the chosen pair only, labels the tornado from the registry and flags same-direction rows', async () => {
    const page = await openApp(site);
    await setPatients(page, 300);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    // About 140 runs, each a pass over the pool: the estimate is long enough that the page asks first.
    await page.getByTestId('run-dsa').click();
    expect(await page.getByRole('alert').textContent()).toMatch(/This is estimated to take \d/);
    await untilEnded(page, () => page.getByRole('button', { name: 'Run anyway' }).click(), 500_000);
    const settings = (await page.getByTestId('dsa-settings').textContent()) ?? '';
    expect(settings).toContain(`${label('noncontrast-ct-all')} against ${label('chest-only')}`);
    const tornado = page.locator('dsa-view plot-figure');
    const axis = (await tornado.locator('svg').last().textContent()) ?? '';
    expect(axis).not.toMatch(/\b(imaging|cost|utility|cohort)\.[a-zA-Z]/); // no registry ids
    expect(axis).toContain(label('noncontrast-ct-all'));
    // Every row whose two ends move the same way carries the flag, and the note counts them.
    const flagged = (axis.match(/⚠/g) ?? []).length;
    expect(await page.getByTestId('dsa-noise').count()).toBe(flagged > 0 ? 1 : 0);
    // Price and utility parameters are re-priced on the base run, not simulated again.
    const repriced = (await page.getByTestId('dsa-repriced').textContent()) ?? '';
    const [simulations, repricedRows] = (repriced.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    expect(repricedRows).toBeGreaterThan(0);
    expect(simulations).toBeGreaterThan(1);
    const thresholds = (await page.locator('dsa-view table').textContent()) ?? '';
    for (const other of ['contrast-ct-all', 'contrast-ct-rp-lms', 'mri-rp-lms']) {
      expect(label(other)).not.toBe(other);
      expect(thresholds).not.toContain(label(other));
    }
    await page.screenshot({ path: join(artifacts, 'uncertainty-dsa.png'), fullPage: true });
    await page.close();
  }, 600_000);
});

describe('keeping work', () => {
  it('keeps an unticked strategy of the user, and a removal can be undone', async () => {
    const page = await openApp(site);
    await page.getByRole('button', { name: 'Duplicate Chest CT only and edit the copy' }).click();
    const copy = page.getByRole('checkbox', { name: /Chest CT only \(copy\)/ });
    await copy.uncheck();
    expect(await copy.isChecked()).toBe(false);
    await copy.check();
    expect(await copy.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove Chest CT only (copy)' }).click();
    expect(await copy.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await page.getByRole('checkbox', { name: /Chest CT only \(copy\)/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('saves and opens scenario files; a results file carries and reopens its scenario', async () => {
    const page = await openApp(site);
    await setPatients(page, 700);
    const saved = await download(page, () => page.getByTestId('save-scenario').click());
    expect(parseScenario(JSON.parse(saved.text)).patients).toBe(700);
    await runAndReadTable(page);
    const results = await download(page, () => page.getByTestId('download-json').click());
    const parsed = JSON.parse(results.text) as { scenario: unknown; scenarioHash: string };
    expect(parseScenario(parsed.scenario).patients).toBe(700);
    await setPatients(page, 900);
    await page
      .getByTestId('open-scenario')
      .setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(results.text) });
    await page.getByText('Scenario loaded from the results file results.json').waitFor();
    expect(await page.getByLabel('Patients', { exact: true }).inputValue()).toBe('700');
    await page
      .getByTestId('open-scenario')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"patients": 0}') });
    await page.getByText(/bad\.json's scenario has 1 problem\(s\): patients: got 0, must be ≥ 1/).waitFor();
    expect(await page.getByTestId('run').isDisabled()).toBe(false); // the defaults stand in for what was wrong
    await page.close();
  });

  it('pins a run and compares the next one side by side', async () => {
    const page = await openApp(site);
    await setPatients(page, 500);
    await runAndReadTable(page);
    await page.getByTestId('pin').click();
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.getByLabel('Search').fill('contrastCt.cost');
    const cost = page.getByLabel('Contrast CT chest + abdomen: cost per scan', { exact: true });
    await cost.fill('900');
    await cost.dispatchEvent('change');
    await page.getByRole('tab', { name: 'Run & results' }).click();
    await runAndReadTable(page);
    const comparison = page.getByTestId('pinned-comparison');
    expect(await comparison.locator('tbody tr').count()).toBe(5);
    expect(await page.getByText('Changed since: parameters.').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'pinned.png'), fullPage: true });
    await page.close();
  });

  it('writes a self-contained, printable HTML report', async () => {
    const page = await openApp(site);
    await setPatients(page, 500);
    await runAndReadTable(page);
    const report = await download(page, () => page.getByTestId('download-report').click());
    expect(report.name).toMatch(/^sarcsim-[0-9a-f]{8}-report\.html$/);
    expect(report.text).not.toMatch(/<script|src="http|href="http/);
    const view = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await view.setContent(report.text);
    const headings = await view.locator('h2').allTextContents();
    expect(headings).toEqual([
      'Verdict',
      'Incremental cost-effectiveness',
      'Charts',
      'Edited parameters and their sources',
      'CHEERS 2022 items the tool can fill',
      'Scenario',
    ]);
    expect(await view.locator('figure > svg').count()).toBeGreaterThanOrEqual(8);
    expect(await view.locator('figure > svg').first().textContent()).toContain('Cost-effectiveness plane');
    expect(await view.getByTestId('report-stamp').textContent()).toMatch(/seed 20261122 · 500 patients/);
    expect(parseScenario(JSON.parse((await view.locator('pre').textContent()) ?? '')).patients).toBe(500);
    await view.emulateMedia({ media: 'print' });
    expect((await view.pdf()).byteLength).toBeGreaterThan(10_000);
    await view.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await view.close();
    await page.close();
  });
});

describe('accessibility', () => {
  it('moves focus to the verdict and announces the end of a run; Home and End move in the tab list', async () => {
    const page = await openApp(site);
    await setPatients(page, 400);
    await runAndReadTable(page);
    expect(await page.getByTestId('announcer').textContent()).toMatch(/Run finished: .+ is preferred\./);
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.textContent ?? '';
    });
    expect(focused).toMatch(/^Verdict at 100,000 USD per QALY/);
    await page.getByRole('tab', { name: 'Run & results' }).focus();
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Learn' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Scenario' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('names every button distinctly, draws a focus ring of at least 3:1 and sizes number fields to their value', async () => {
    const page = await openApp(site);
    await page.getByRole('tab', { name: 'Learn' }).click();
    const names = await page
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''));
    expect(new Set(names).size).toBe(names.length);
    const tab = page.getByRole('tab', { name: 'Learn' });
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    const colour = await page
      .getByRole('tab', { name: 'Calibration' })
      .evaluate((el) => getComputedStyle(el).outlineColor);
    const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const contrast = 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(3);
    for (const tabName of ['Scenario', 'Run & results', 'Uncertainty']) {
      await page.getByRole('tab', { name: tabName }).click();
      const cut = await page
        .locator('input[type="number"]')
        .evaluateAll((inputs) =>
          inputs
            .filter((i) => i.scrollWidth > i.clientWidth + 1)
            .map((i) => i.getAttribute('aria-label') ?? i.getAttribute('name')),
        );
      expect(cut, `number fields too narrow on ${tabName}`).toEqual([]);
    }
    await page.close();
  });

  it('fits a 390 px window: no horizontal page scroll, the ICER column in view, the strategy editor inside', async () => {
    const page = await openApp(site, '', 390);
    await page.getByRole('button', { name: 'Duplicate Chest CT only and edit the copy' }).click();
    await page.screenshot({ path: join(artifacts, 'narrow-editor.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await setPatients(page, 300);
    await runAndReadTable(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const icer = await page
      .getByTestId('icer-table')
      .getByRole('columnheader', { name: 'ICER', exact: true })
      .boundingBox();
    expect((icer?.x ?? 1e9) + (icer?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifacts, 'narrow-results.png'), fullPage: true });
    await page.close();
  });
});

describe('content security policy', () => {
  it('is sent by the preview server with frame-ancestors, and loading and running raise no violation', async () => {
    const server = await preview({
      root: uiRoot,
      logLevel: 'warn',
      build: { outDir: site.outDir },
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      const address = server.httpServer.address() as AddressInfo;
      const base = `http://127.0.0.1:${address.port}/`;
      const response = await fetch(base);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      const page = await site.browser.newPage();
      const violations: string[] = [];
      await page.exposeFunction('__violation', (text: string) => violations.push(text));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __violation: (t: string) => void }).__violation(
            `${e.violatedDirective} ${e.blockedURI}`,
          ),
        ),
      );
      page.on('console', (m) => {
        if (m.type() === 'error') violations.push(m.text());
      });
      await page.goto(base);
      await page.getByRole('tab', { name: 'Run & results' }).click();
      await page.getByLabel('Patients', { exact: true }).fill('300');
      await page.getByLabel('Patients', { exact: true }).dispatchEvent('change');
      await untilEnded(page, () => page.getByTestId('run').click());
      await page.getByRole('tab', { name: 'Calibration' }).click();
      expect(violations).toEqual([]);
      await page.close();
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  });
});
