// The structural scenario table of the web app, end to end in Debian's Chromium: two switches run
// on a small cohort as a task, one row per level with the base case marked, labels not ids, the
// settings it ran with, a CSV, going stale on an edit, and cancelling. No assertion depends on speed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRUCTURAL_SWITCHES } from '@sarcsim/model/analyses';
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, openApp, setPatients, siteOfFile, untilEnded } from './testing/e2e-harness.test-util.js';

const site = siteOfFile('structural');

const CHOSEN = ['synchronous-rule', 'grade-effect'];

/** Leaves only `ids` ticked among the switches. */
async function chooseSwitches(page: Page, ids: readonly string[]): Promise<void> {
  for (const s of STRUCTURAL_SWITCHES) {
    const box = page.locator(`structural-view input[data-switch="${s.id}"]`);
    if ((await box.isChecked()) !== ids.includes(s.id)) await box.click();
  }
}

/** Starts the analysis, confirming when the estimate asks first (the estimate depends on the machine). */
async function startStructural(page: Page): Promise<void> {
  await page.getByTestId('run-structural').click();
  const anyway = page.locator('structural-view').getByRole('button', { name: 'Run anyway' });
  if ((await anyway.count()) > 0) await anyway.click();
}

describe('structural scenarios', () => {
  it('runs two switches as a task: one row per level, the base marked, labels, settings, CSV, stale on edit', async () => {
    const page = await openApp(site);
    await setPatients(page, 200);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    await chooseSwitches(page, CHOSEN);
    expect(await page.getByTestId('run-structural-estimate').textContent()).toMatch(/\d/);
    await untilEnded(page, () => startStructural(page), 300_000);

    const table = page.getByTestId('structural-table');
    expect(await table.locator('caption').textContent()).toContain('one row per level');
    const rows = table.getByTestId('structural-row');
    const levels = STRUCTURAL_SWITCHES.filter((s) => CHOSEN.includes(s.id)).flatMap((s) =>
      s.levels.map((l) => ({ switch: s.id, level: l.id, label: l.label })),
    );
    expect(await rows.count()).toBe(levels.length);
    for (const [i, expected] of levels.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-switch')).toBe(expected.switch);
      expect(await row.getAttribute('data-level')).toBe(expected.level);
      expect(await row.locator('th[scope="row"]').textContent()).toContain(expected.label);
    }
    // The model's defaults (staging rule, grade modelled) are the base case: one base row per switch, marked.
    for (const id of CHOSEN) {
      const base = table.locator(`tr[data-switch="${id}"][data-base="true"]`);
      expect(await base.count()).toBe(1);
      expect(await base.textContent()).toContain('(base case)');
      expect(await base.locator('td.decision').textContent()).toBe('same');
    }
    expect(await table.locator('th[scope="rowgroup"]').count()).toBe(CHOSEN.length);
    // Strategies appear by label, never by id; every row names a preferred strategy and a frontier.
    const text = (await table.textContent()) ?? '';
    for (const s of NAMED_STRATEGIES) {
      expect(s.label).not.toBe(s.id);
      expect(text).not.toContain(s.id);
    }
    for (let i = 0; i < levels.length; i++) {
      const cell = rows.nth(i).locator('td').first();
      const choice = (await cell.getByTestId('structural-choice').textContent()) ?? '';
      expect(choice).toMatch(
        /^(resolved at this patient count|not resolved(: about [\d,]+ patients would resolve it)?)$/,
      );
      const preferred = ((await cell.textContent()) ?? '').replace(choice, '').trim();
      expect(NAMED_STRATEGIES.map((s) => s.label)).toContain(preferred);
      expect(await rows.nth(i).locator('ol.frontier li').count()).toBeGreaterThan(0);
      // A level that keeps the decision forgoes exactly 0; a change carries its paired MCSE.
      const changes = (await rows.nth(i).getAttribute('class')) === 'changes';
      const inmb = (await rows.nth(i).locator('td.number').textContent()) ?? '';
      if (changes) expect(inmb).toMatch(/^-?[\d,]+ ± [\d,]+$/);
      else expect(inmb).toBe('0');
    }
    // The paired precision is there: the frontier's ICERs carry their intervals.
    expect(text).toMatch(/95% interval/);
    const settings = (await page.getByTestId('structural-settings').textContent()) ?? '';
    expect(settings).toContain('200 patients');
    expect(settings).toContain(STRUCTURAL_SWITCHES.find((s) => s.id === 'grade-effect')?.label);
    expect(await page.getByTestId('structural-stale').count()).toBe(0);

    // The CSV: one row per level and strategy, the base levels flagged.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'structural-scenarios.csv' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('structural-scenarios.csv');
    const csv = readFileSync(await file.path(), 'utf8')
      .trim()
      .split('\n');
    const header = csv[0]?.split(',') ?? [];
    const isBase = header.indexOf('is_base');
    expect(csv.length - 1).toBe(levels.length * 5);
    expect(csv.slice(1).filter((line) => line.split(',')[isBase] === 'true').length).toBe(CHOSEN.length * 5);

    await page.screenshot({ path: join(artifacts, 'uncertainty-structural.png'), fullPage: true });

    // An edit marks it stale, naming the field.
    await page.getByRole('tab', { name: 'Scenario' }).click();
    await page.getByLabel('Horizon (years)').fill('20');
    await page.getByLabel('Horizon (years)').dispatchEvent('change');
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    expect(await page.getByTestId('structural-stale').textContent()).toContain('horizonYears');
    await page.close();
  });

  it('cancels, keeping nothing partial', async () => {
    const page = await openApp(site);
    await setPatients(page, 2_000_000);
    await page.getByRole('tab', { name: 'Uncertainty' }).click();
    await untilEnded(page, async () => {
      await startStructural(page);
      await page.getByRole('status').filter({ hasText: 'runs' }).first().waitFor();
      await page.getByTestId('cancel').click();
    });
    await page
      .getByTestId('banner')
      .filter({ hasText: 'Structural scenario analysis cancelled; nothing partial was kept.' })
      .waitFor();
    expect(await page.getByTestId('structural-table').count()).toBe(0);
    await page.close();
  });
});
