// `sarcsim explore` end to end on the real engine, in-process, with a small space: outputs
// written whole, every reported figure from the fresh re-evaluation, the same result on any
// number of workers, and Ctrl-C leaving nothing behind. Nothing here depends on timing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExploreResult } from '@sarcsim/model/analyses';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../dist/cli/main.js';
import { fakeIo } from '../../dist/testing/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'sarcsim-explore-'));
const spaceFile = join(dir, 'space.json');
writeFileSync(
  spaceFile,
  JSON.stringify({
    modalities: ['contrastCt', 'chestCt'],
    periods: [
      { fromYear: 0, toYear: 2, intervalsMonths: [3, 12] },
      { fromYear: 2, toYear: 5, intervalsMonths: [12] },
    ],
    durationsYears: [5],
    riskGroups: ['all', 'retroperitonealOrLms'],
    othersGet: ['chestCt'],
    search: { screenPatients: 200, finalPatients: 1_000, budgetPatients: 100_000 },
  }),
);

async function sarcsim(args: string[], onStderr?: (text: string, signals: { emit(s: string): void }) => void) {
  const fake = fakeIo({
    tty: onStderr !== undefined,
    ...(onStderr === undefined ? {} : { onStderr: (text: string) => onStderr(text, fake.signals) }),
  });
  const status = await main(['node', 'sarcsim', ...args], fake.io);
  return { status, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('sarcsim explore', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the result and every CSV, with the frontier from the fresh re-evaluation', async () => {
    const out = join(dir, 'result.json');
    const csv = join(dir, 'csv');
    const run = await sarcsim(['explore', spaceFile, '--seed', '11', '--workers', '1', '--out', out, '--csv', csv]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Efficient frontier, re-evaluated on fresh streams \(replicate 1\) at 1,000 patients/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as ExploreResult;
    // 2 timings × (contrast CT for all, for RP/LMS with chest CT otherwise, chest CT for all) = 6.
    expect(result.candidates).toBe(6);
    expect(result.stages[0]?.patients).toBe(200);
    const rows = new Map(result.rows.map((r) => [r.id, r]));
    for (const f of result.frontier) {
      if (f.id === result.comparator.id) continue;
      expect(f.estimate).toEqual(rows.get(f.id)?.fresh);
      expect(f.estimate.patients).toBe(1_000);
    }
    expect(readdirSync(csv).sort()).toEqual([
      'explore-candidates.csv',
      'explore-frontier.csv',
      'explore-levels.csv',
      'explore-selection-correction.csv',
      'explore-thresholds.csv',
    ]);
    const lines = readFileSync(join(csv, 'explore-candidates.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 6);
    expect(lines[0]).toMatch(/^id,label,modality,intervals_months,duration_years,risk_group,others_get,status,/);
    // The same result on two workers (block size and worker count never change results).
    const two = await sarcsim(['explore', spaceFile, '--seed', '11', '--workers', '2', '--force', '--json']);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(result);
  });

  it('pairs candidates with the leaders and gives the same result on 1 and 2 workers', async () => {
    const bigger = join(dir, 'bigger.json');
    writeFileSync(
      bigger,
      JSON.stringify({
        modalities: ['contrastCt', 'liverMri', 'chestCt'],
        periods: [
          { fromYear: 0, toYear: 2, intervalsMonths: [3, 12] },
          { fromYear: 2, toYear: 5, intervalsMonths: [12] },
        ],
        durationsYears: [5],
        riskGroups: ['all', 'retroperitoneal', 'retroperitonealOrLms'],
        othersGet: ['chestCt', 'nothing'],
        search: { screenPatients: 200, finalPatients: 1_000, budgetPatients: 200_000 },
      }),
    );
    const one = await sarcsim(['explore', bigger, '--seed', '5', '--workers', '1', '--json']);
    expect(one.status).toBe(0);
    const result = JSON.parse(one.stdout) as ExploreResult;
    expect(result.candidates).toBe(26);
    // A second stage ran with leaders beside the comparator in every batch.
    expect(result.stages.length).toBeGreaterThan(1);
    expect(result.stages[1]?.leaders?.length).toBeGreaterThanOrEqual(1);
    const two = await sarcsim(['explore', bigger, '--seed', '5', '--workers', '2', '--json']);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(result);
  });

  it('runs the frontier PSA after the fresh re-evaluation and writes the CEAF', async () => {
    const csv = join(dir, 'csv-ceaf');
    const run = await sarcsim([
      'explore',
      spaceFile,
      '--seed',
      '11',
      '--workers',
      '2',
      '--psa-draws',
      '3',
      '--psa-patients',
      '300',
      '--csv',
      csv,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /Probability of being optimal: PSA of the frontier and the comparator, 3 draws of 300 patients/,
    );
    const json = await sarcsim([
      'explore',
      spaceFile,
      '--seed',
      '11',
      '--workers',
      '1',
      '--psa-draws',
      '3',
      '--psa-patients',
      '300',
      '--json',
    ]);
    const result = JSON.parse(json.stdout) as ExploreResult;
    const psa = result.frontierPsa;
    const frontier = result.frontier.map((f) => f.id).filter((id) => id !== result.comparator.id);
    expect(psa?.strategies.map((s) => s.id)).toEqual([result.comparator.id, ...frontier]);
    expect(psa?.points).toHaveLength(result.thresholds.length);
    for (const p of psa?.points ?? []) {
      expect(p.probabilityOptimal.reduce((s, x) => s + x.mean, 0)).toBeCloseTo(1, 12);
      // Three draws: every probability is a whole number of thirds.
      for (const x of p.probabilityOptimal) expect(Math.abs(3 * x.mean - Math.round(3 * x.mean))).toBeLessThan(1e-12);
    }
    const lines = readFileSync(join(csv, 'explore-ceaf.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'wtp,strategy,probability_optimal,probability_mcse,expected_nmb,on_ceaf,draws,patients_per_draw',
    );
    expect(lines).toHaveLength(1 + result.thresholds.length * (psa?.strategies.length ?? 0));
    // Without --psa-draws there is no frontier PSA.
    const plain = await sarcsim(['explore', spaceFile, '--seed', '11', '--workers', '1', '--json']);
    expect(JSON.parse(plain.stdout).frontierPsa).toBeUndefined();
  });

  it('Ctrl-C: exit 130, one line, nothing written', async () => {
    const out = join(dir, 'cancelled.json');
    let sent = false;
    const run = await sarcsim(['explore', '--workers', '1', '--out', out], (text, signals) => {
      if (!sent && text.includes('[')) {
        sent = true;
        queueMicrotask(() => signals.emit('SIGINT'));
      }
    });
    expect(sent).toBe(true);
    expect(run.status).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\nsarcsim: cancelled after [\d,]+ of [\d,]+ patient histories; nothing written\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
