// The CLI as a user runs it: the built bin in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function sarcsim(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  version: string;
  scenarioHash: string;
  seed: number;
  patients: number;
  strategies: { id: string; label: string; rewards: Record<string, { discounted: { mean: number; mcse: number } }> }[];
}

describe('sarcsim CLI', () => {
  it('run --json prints only a JSON report with every required field', () => {
    const { status, stdout, stderr } = sarcsim(
      'run',
      '--patients',
      '300',
      '--seed',
      '7',
      '--workers',
      '2',
      '--force',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.patients).toBe(300);
    expect(report.seed).toBe(7);
    expect(report.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.strategies.map((s) => s.id)).toEqual([
      'chest-only',
      'noncontrast-ct-all',
      'contrast-ct-all',
      'contrast-ct-rp-lms',
      'mri-rp-lms',
    ]);
    for (const s of report.strategies) {
      for (const channel of ['costs', 'qalys', 'lifeYears']) {
        const estimate = s.rewards[channel]?.discounted;
        expect(estimate?.mean).toBeGreaterThan(0);
        expect(estimate?.mcse).toBeGreaterThan(0);
      }
    }
  });

  it('gives the same JSON for any worker count', () => {
    const one = sarcsim('run', '--patients', '500', '--block-size', '64', '--workers', '1', '--json');
    const two = sarcsim('run', '--patients', '500', '--block-size', '100', '--workers', '2', '--force', '--json');
    expect(one.stdout).toBe(two.stdout);
  });

  it('reads a scenario file, and flags override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-cli-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ patients: 50, seed: 3, parameters: { 'imaging.contrastCt.cost': 0 } }));
    const report = JSON.parse(sarcsim('run', file, '--patients', '80', '--json').stdout) as JsonReport;
    expect(report.patients).toBe(80);
    expect(report.seed).toBe(3);
  });

  it('prints a readable table by default', () => {
    const { status, stdout } = sarcsim('run', '--patients', '200');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Chest CT only\s+[\d,.]+ ± [\d,.]+/);
    expect(stdout).toMatch(/Liver metastasis detected \(by horizon\)\s+[\d.]+%/);
    expect(stdout).toContain('LEAD-TIME BIASED');
  });

  it('shows paired MCSEs, Fieller intervals and the resolution count in the table, JSON and CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-cli-'));
    const table = sarcsim('run', '--patients', '400', '--seed', '3', '--reference', 'contrast-ct-all', '--csv', dir);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Δ ± paired Monte Carlo standard error');
    expect(table.stdout).toContain('Against the reference contrast-ct-all');
    expect(table.stdout).toMatch(/chest-only\s+-?[\d,]+ ± [\d,]+\s+-?[\d.]+ ± [\d.]+/);
    expect(table.stdout).toMatch(
      /The frontier is (NOT )?resolved at 400 patients; (about [\d,]+ patients would resolve it|no patient count)/,
    );
    const json = JSON.parse(sarcsim('run', '--patients', '400', '--seed', '3', '--json').stdout) as {
      economics: {
        precision: { reference: string; rows: { id: string; vsReference: { cost: { mcse: number } } | null }[] };
      };
    };
    expect(json.economics.precision.reference).toBe('chest-only'); // the cheapest on the frontier by default
    expect(json.economics.precision.rows.find((r) => r.id === 'mri-rp-lms')?.vsReference?.cost.mcse).toBeGreaterThan(0);
    const csv = readFileSync(join(dir, 'incremental.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toContain('vs_comparator_cost_mcse');
    expect(csv[0]).toContain('icer_interval,icer_low,icer_high,reference');
    expect(csv[1]).toContain(',contrast-ct-all,');
    const resolution = readFileSync(join(dir, 'resolution.csv'), 'utf8').trim().split('\n');
    expect(resolution[0]).toBe('scope,check,margin,se,resolved,patients_to_resolve,patients');
    expect(resolution.some((line) => line.startsWith('preferred,all,NA,NA,'))).toBe(true);
    const bad = sarcsim('run', '--patients', '10', '--reference', 'pet-ct');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "sarcsim: --reference: got 'pet-ct', must be one of the scenario's strategies: chest-only, noncontrast-ct-all, contrast-ct-all, contrast-ct-rp-lms, mri-rp-lms\n",
    );
  });

  it('names the reference case, runs at the PSA means on request, and takes the EVPI population from flags', () => {
    const point = JSON.parse(sarcsim('run', '--patients', '100', '--json').stdout) as {
      referenceCase: { kind: string; differences: unknown[] };
      economics: { strategies: { cost: number }[] };
    };
    expect(point.referenceCase.kind).toBe('deterministic-point-estimates');
    expect(point.referenceCase.differences.length).toBeGreaterThan(0);
    const atMeans = JSON.parse(sarcsim('run', '--patients', '100', '--at-means', '--json').stdout) as typeof point;
    expect(atMeans.referenceCase.kind).toBe('deterministic-means');
    expect(atMeans.economics.strategies[0]?.cost).not.toBe(point.economics.strategies[0]?.cost);
    const bad = sarcsim('psa', '--annual-patients', '-5');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'sarcsim: --annual-patients: got "-5", must be a whole number from 0 to 100000000 (decimal digits)\n',
    );
    const years = sarcsim('psa', '--decision-years', '0');
    expect(years.stderr).toBe(
      'sarcsim: --decision-years: got "0", must be a whole number from 1 to 100 (decimal digits)\n',
    );
    const psa = JSON.parse(
      sarcsim('psa', '--draws', '2', '--patients', '20', '--annual-patients', '1000', '--decision-years', '1', '--json')
        .stdout,
    ) as { summary: { effectivePopulation: number; referenceCase: { kind: string } } };
    expect(psa.summary.effectivePopulation).toBe(1000); // one undiscounted year
    expect(psa.summary.referenceCase.kind).toBe('probabilistic-mean');
  });

  it('lists parameters with their sources, and reports the committed calibration', () => {
    const params = sarcsim('params');
    expect(params.status).toBe(0);
    expect(params.stdout).toMatch(
      /nh\.livermet\.hr\.lms = 4\.546 hazard ratio \[calibrated\]\n.*\n\s+000 000_06112d07f770a279\.txt Table 5/,
    );
    const refit = sarcsim('calibrate');
    expect(refit.status).toBe(2);
    expect(refit.stderr).toContain('pnpm calibrate');
    const report = JSON.parse(sarcsim('calibrate', '--report', '--json').stdout) as {
      targets: { inside: boolean }[];
      targetsInside: number;
    };
    expect(report.targets.length).toBeGreaterThan(30);
    expect(report.targetsInside).toBe(report.targets.filter((t) => t.inside).length);
  });

  it('exits 2 with one line per problem and no stack trace on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ patients: 0, parameters: { nope: 1 } }));
    const bad = sarcsim('run', file);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'sarcsim: patients: got 0, must be ≥ 1',
      'sarcsim: parameters.nope: got 1, unknown parameter id (`sarcsim params` lists them)',
    ]);
    const flag = sarcsim('run', '--workers', 'two');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('sarcsim: --workers: got "two", must be a whole number from 1 to 256 (decimal digits)\n');
    expect(flag.stderr).not.toMatch(/\n\s+at /);
    const missing = sarcsim('run', join(dir, 'missing.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/scenario file .*missing\.json: cannot be read: no such file or folder \(ENOENT\)/);
  });
});
