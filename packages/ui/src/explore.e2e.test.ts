// The Explore tab end to end in Debian's Chromium: a small policy space pasted as JSON and run on
// the worker pool, one chart mark per candidate, the frontier table as the result's frontier, an
// invalid space refused with the field named, stale marking, cancelling, and "Add to scenario"
// adding a candidate's strategy to the scenario's strategy list once. No assertion depends on speed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExploreResult } from '@sarcsim/model/analyses';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, openApp, siteOfFile, untilEnded } from './testing/e2e-harness.test-util.js';

const site = siteOfFile('explore');

/** Six candidates (docs/explore.md's worked example); the search settings come from the fields. */
const SMALL_SPACE = {
  comparator: 'chest-only',
  modalities: ['contrastCt', 'chestCt'],
  periods: [
    { fromYear: 0, toYear: 2, intervalsMonths: [3, 12] },
    { fromYear: 2, toYear: 5, intervalsMonths: [12] },
  ],
  durationsYears: [5],
  riskGroups: ['all', 'retroperitonealOrLms'],
  othersGet: ['chestCt'],
};
const CANDIDATES = 6;

async function setSpace(page: Page, space: unknown): Promise<void> {
  const box = page.getByTestId('explore-space');
  await box.fill(JSON.stringify(space, null, 2));
  await box.dispatchEvent('change');
}

async function setField(page: Page, label: string, value: number): Promise<void> {
  const field = page.locator('explore-view').getByLabel(label);
  await field.fill(String(value));
  await field.dispatchEvent('change');
}

/** Starts the exploration, confirming when the estimate asks first (the estimate depends on the machine). */
async function startExplore(page: Page): Promise<void> {
  await page.getByTestId('run-explore').click();
  const anyway = page.locator('explore-view').getByRole('button', { name: 'Run anyway' });
  if ((await anyway.count()) > 0) await anyway.click();
}

/** How many of the scenario's strategy checkboxes carry this label. */
async function strategiesLabelled(page: Page, label: string): Promise<number> {
  await page.getByRole('tab', { name: 'Scenario' }).click();
  const labels = await page.locator('strategy-list li label').allTextContents();
  await page.getByRole('tab', { name: 'Explore' }).click();
  return labels.filter((l) => l.trim() === label).length;
}

describe('the Explore tab', () => {
  it('refuses an invalid space, naming the field, and does not run it', async () => {
    const page = await openApp(site);
    await page.getByRole('tab', { name: 'Explore' }).click();
    // The default space is valid and its size is stated.
    expect(await page.getByTestId('explore-summary').textContent()).toContain('896 candidates');
    await setSpace(page, { ...SMALL_SPACE, modalities: ['petCt'] });
    // The problems are listed inside field-problems (its own shadow root): read its items.
    const problems = (await page.locator('[data-testid="explore-problems"] field-problems li').allTextContents()).join(
      '\n',
    );
    expect(problems).toContain('modalities[0]');
    expect(problems).toContain('petCt');
    expect(problems).toContain('contrastCt');
    expect(await page.getByTestId('run-explore').isDisabled()).toBe(true);
    // A search setting out of range is named beside its field.
    await setSpace(page, SMALL_SPACE);
    await setField(page, 'Final patients', 10);
    expect((await page.locator('explore-view .settings field-problems li').allTextContents()).join('\n')).toContain(
      'search.finalPatients: got 10',
    );
    expect(await page.getByTestId('run-explore').isDisabled()).toBe(true);
    expect(await page.locator('sarcsim-app').getAttribute('data-tasks-ended')).toBeNull();
    expect(await page.getByTestId('explore-frontier').count()).toBe(0);
    await page.close();
  });

  it('runs a small space: one mark per candidate, the frontier of the result, stale on an edit, add to scenario once', async () => {
    const page = await openApp(site);
    await page.getByRole('tab', { name: 'Explore' }).click();
    await setSpace(page, SMALL_SPACE);
    await setField(page, 'Screen patients', 200);
    await setField(page, 'Final patients', 1_000);
    await setField(page, 'Budget (patient histories)', 5_000);
    expect(await page.getByTestId('explore-summary').textContent()).toContain(`${CANDIDATES} candidates`);
    expect(await page.getByTestId('run-explore-estimate').textContent()).toMatch(/\d/);
    await untilEnded(page, () => startExplore(page), 300_000);

    // The result as downloaded (with the space and the stamp's hash).
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('explore-view').getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const result = JSON.parse(readFileSync(await file.path(), 'utf8')) as ExploreResult & {
      space: { search: { finalPatients: number } };
      spaceHash: string;
    };
    expect(result.candidates).toBe(CANDIDATES);
    expect(result.space.search.finalPatients).toBe(1_000);
    expect(await page.getByTestId('stamp').textContent()).toContain(result.spaceHash.slice(0, 16));
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'explore-candidates.csv' }).click(),
    ]);
    expect(
      readFileSync(await csv.path(), 'utf8')
        .trim()
        .split('\n').length,
    ).toBe(1 + CANDIDATES);

    // One mark per candidate in the cloud; the frontier drawn with one ring per frontier point.
    expect(await page.locator('explore-view g[aria-description="candidates"] circle').count()).toBe(CANDIDATES);
    expect(await page.locator('explore-view g[aria-description="frontier"] circle').count()).toBe(
      result.frontier.length,
    );
    // The frontier table lists the result's frontier, cheapest first.
    const rows = page.getByTestId('explore-frontier-row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(
      result.frontier.map((f) => f.id),
    );
    expect(await page.getByTestId('explore-thresholds').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('explore-correction').locator('tbody tr').count()).toBe(
      result.selectionCorrection.length,
    );
    // Every candidate is in the table (the chart's hover details for the keyboard), with its status.
    const statuses = await page
      .getByTestId('explore-candidate')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-status')]));
    expect(statuses).toEqual(result.rows.map((r) => [r.id, r.status]));
    expect(await page.getByTestId('explore-stale').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'explore.png'), fullPage: true });

    // Add a candidate to the scenario from its table row: it joins the strategy list once.
    const candidate = result.rows.find((r) => r.id === 'cect-3-12-y5-all-chest');
    expect(candidate).toBeDefined();
    const label = candidate?.label ?? '';
    expect(await strategiesLabelled(page, label)).toBe(0);
    await page.locator('explore-view summary').filter({ hasText: 'Every candidate' }).click();
    const add = page.locator(
      'explore-view tr[data-testid="explore-candidate"][data-id="cect-3-12-y5-all-chest"] button',
    );
    await add.click();
    await page.getByTestId('banner').filter({ hasText: 'Added' }).waitFor();
    expect(await strategiesLabelled(page, label)).toBe(1);
    expect(await add.isDisabled()).toBe(true);
    // Pointed at on the chart, it shows its details; clicked, it is picked, already in the scenario.
    const circle = page.locator(`explore-view g[aria-description="candidates"] circle[aria-label="${label}"]`);
    await circle.scrollIntoViewIfNeeded();
    const box = await circle.boundingBox();
    expect(box).not.toBeNull();
    const [x, y] = [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2];
    await page.mouse.move(x, y);
    await page.locator('explore-view g[aria-label="tip"]').filter({ hasText: 'cect-3-12-y5-all-chest' }).waitFor();
    await page.mouse.click(x, y);
    const picked = page.getByTestId('explore-selected');
    expect(await picked.textContent()).toContain('cect-3-12-y5-all-chest');
    expect(await picked.getByRole('button').isDisabled()).toBe(true);
    // Asked again (as from the chart's pick), it is not added twice.
    await page
      .locator('explore-view')
      .evaluate((el) =>
        el.dispatchEvent(
          new CustomEvent('strategy-add', { detail: 'cect-3-12-y5-all-chest', bubbles: true, composed: true }),
        ),
      );
    await page.getByTestId('banner').filter({ hasText: 'already one of the scenario' }).waitFor();
    expect(await strategiesLabelled(page, label)).toBe(1);

    // An edit of the settings marks the exploration stale, naming the field.
    await setField(page, 'Final patients', 2_000);
    expect(await page.getByTestId('explore-stale').textContent()).toContain('search.finalPatients');
    await page.close();
  });

  it('cancels, keeping nothing partial', async () => {
    const page = await openApp(site);
    await page.getByRole('tab', { name: 'Explore' }).click();
    await untilEnded(page, async () => {
      await startExplore(page); // the default space at the browser defaults: minutes
      await page.getByRole('status').filter({ hasText: 'patient histories' }).first().waitFor();
      expect(await page.getByTestId('explore-phase').textContent()).toMatch(/stage 1: 896 candidates|Starting/);
      await page.getByTestId('cancel').click();
    });
    await page.getByTestId('banner').filter({ hasText: 'Exploration cancelled; nothing partial was kept.' }).waitFor();
    expect(await page.getByTestId('explore-frontier').count()).toBe(0);
    expect(await page.getByTestId('run-explore').isDisabled()).toBe(false);
    await page.close();
  });
});
