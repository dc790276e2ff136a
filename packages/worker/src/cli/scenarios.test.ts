// `sarcsim scenarios` as a user runs it (the built bin): the JSON file is the printed result,
// the CSV holds a row per level and strategy, results do not depend on the worker count, and a
// structural change that must change the decision does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StructuralResult } from '@sarcsim/model/analyses';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function sarcsim(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sarcsim scenarios', () => {
  it('writes the printed JSON to --out, a tidy CSV, and the same result for any worker count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-structural-'));
    const out = join(dir, 'structural.json');
    const csv = join(dir, 'csv');
    const common = ['scenarios', '--patients', '400', '--seed', '9', '--switches', 'synchronous-rule,discount-rates'];
    const one = sarcsim(...common, '--workers', '1', '--json', '--out', out, '--csv', csv);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    const two = sarcsim(...common, '--workers', '2', '--force', '--json');
    expect(two.stdout).toBe(one.stdout);
    expect(readFileSync(out, 'utf8')).toBe(one.stdout);
    const result = JSON.parse(one.stdout) as StructuralResult;
    expect(result.kind).toBe('sarcsim-structural');
    expect(result.referenceCase.kind).toBe('deterministic-point-estimates');
    expect(result.switches.map((s) => [s.id, s.levels.map((l) => [l.id, l.isBase])])).toEqual([
      [
        'synchronous-rule',
        [
          ['staging', true],
          ['window', false],
        ],
      ],
      [
        'discount-rates',
        [
          ['3-3', true],
          ['3.5-3.5', false],
          ['3-1.5', false],
        ],
      ],
    ]);
    const rows = readFileSync(join(csv, 'structural-scenarios.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^switch,level,is_base,strategy,cost,qalys,/);
    expect(rows).toHaveLength(1 + 5 * 5); // five levels × the five default strategies
    const text = sarcsim(...common);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Structural scenarios: 400 patients, seed 9, every level on the same patients/);
    expect(text.stdout).toMatch(/\nsynchronous-rule\s+present at diagnosis \(staging\) \[base\]\s+\S+/);
  });

  it('--structure runs a scenario under a level: the same result as the scenario file saying so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-structural-'));
    const file = join(dir, 'window.json');
    writeFileSync(file, JSON.stringify({ synchronousRule: 'window', parameters: { 'tx.resection.causalShare': 0.5 } }));
    const args = ['--patients', '300', '--workers', '1', '--json'];
    const viaFlag = sarcsim('run', ...args, '--structure', 'synchronous-rule=window,resection-causal-share=share-0.5');
    expect(viaFlag.status, viaFlag.stderr).toBe(0);
    expect(viaFlag.stdout).toBe(sarcsim('run', file, ...args).stdout);
  });

  it('flags the decision change when no resection is causal (a change that must happen)', () => {
    // The base case prefers liver MRI for RP/LMS over chest CT only at 100,000 per QALY: the
    // incremental net benefit was 1,056–1,477 (mean 1,281, SD 173) at 100,000 patients over seeds
    // 1–5, so an SD of about 245 at 50,000. With no causal resection, earlier detection buys only
    // costs and surgical risk and the sign reverses: −1,588 to −1,817 (SD 94). Both lie more than
    // 5 SDs from 0 at 50,000 patients; the run's own paired MCSE must agree that the change is resolved.
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-structural-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ strategies: ['chest-only', 'mri-rp-lms'] }));
    const run = sarcsim(
      'scenarios',
      file,
      '--patients',
      '50000',
      '--switches',
      'resection-causal-share',
      '--workers',
      '2',
      '--force',
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as StructuralResult;
    expect(result.base.preferred).toBe('mri-rp-lms');
    const none = result.switches[0]?.levels.find((l) => l.id === 'share-0');
    expect(none).toMatchObject({ preferred: 'chest-only', decisionChanges: true });
    expect(none?.incrementalNetBenefitVsBasePreferred).toBeGreaterThan(0);
    // Resolved by its own paired standard error, not only by the seed spread above.
    expect(none?.decisionChangeResolved).toBe(true);
    expect(result.decisionChanges).toContainEqual({
      switch: 'resection-causal-share',
      level: 'share-0',
      preferred: 'chest-only',
    });
  });
});
