// psa, merge and dsa as a user runs them: the built bin in child processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function sarcsim(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sarcsim-psa-'));
const scenarioFile = join(dir, 'scenario.json');
writeFileSync(
  scenarioFile,
  JSON.stringify({ strategies: ['chest-only', 'contrast-ct-rp-lms', 'mri-rp-lms'], patients: 200, seed: 5 }),
);
const common = [scenarioFile, '--draws', '9', '--workers', '2', '--force']; // --force: two workers even on one core

describe('sarcsim psa / merge', () => {
  it('shards merged in any order equal the single-machine run byte for byte', () => {
    const single = join(dir, 'single.json');
    expect(sarcsim(['psa', ...common, '--out', single, '--csv', join(dir, 'csv')]).status).toBe(0);
    const parts = [0, 1, 2].map((i) => join(dir, `part-${i}.json`));
    // Shard 0 by flag, shard 1 from Slurm's variable, shard 2 from a Kubernetes indexed job's.
    expect(sarcsim(['psa', ...common, '--shard', '0/3', '--out', parts[0] as string]).status).toBe(0);
    expect(
      sarcsim(['psa', ...common, '--shard', '3', '--out', parts[1] as string], { SLURM_ARRAY_TASK_ID: '1' }).status,
    ).toBe(0);
    const third = sarcsim(['psa', ...common, '--shard', '3', '--workers', '1', '--out', parts[2] as string], {
      JOB_COMPLETION_INDEX: '2',
    });
    expect(third.stderr).toContain('wrote draws 6–8 of 9');
    const merged = join(dir, 'merged.json');
    const merge = sarcsim(['merge', parts[2] as string, parts[0] as string, parts[1] as string, '--out', merged]);
    expect(merge.stderr).toBe('');
    expect(merge.stdout).toContain('EVPI at 100,000 per QALY');
    expect(merge.stdout).toMatch(/raw [\d,]+ ± [\d,]+ \(inner Monte Carlo noise included\); noise-corrected [\d,]+/);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(single, 'utf8'));

    const result = JSON.parse(readFileSync(single, 'utf8')) as {
      kind: string;
      draws: unknown[];
      summary: { acceptability: { probabilityCostEffective: number[] }[]; warnings: string[]; evpiNoise: unknown[] };
    };
    expect(Array.isArray(result.summary.warnings)).toBe(true);
    expect(result.summary.evpiNoise).toHaveLength(result.summary.acceptability.length);
    expect(result.kind).toBe('sarcsim-psa');
    expect(result.draws).toHaveLength(9);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual([
      'psa-acceptability.csv',
      'psa-draws.csv',
      'psa-evpi.csv',
      'psa-evppi.csv',
      'psa-incremental.csv',
      'psa-parameters.csv',
    ]);
    const drawsCsv = readFileSync(join(dir, 'csv', 'psa-draws.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(drawsCsv[0]).toBe('draw,strategy,cost,qalys,life_years');
    expect(readFileSync(join(dir, 'csv', 'psa-evpi.csv'), 'utf8').split('\n')[0]).toBe(
      'wtp,evpi_per_patient,evpi_population,evpi_se,inner_bias,evpi_corrected,evpi_corrected_population,evpi_noise_floor,evpi_lower_bound,below_noise_floor,warning',
    );
    expect(readFileSync(join(dir, 'csv', 'psa-evppi.csv'), 'utf8').split('\n')[0]).toBe(
      'group,wtp,evppi_per_patient,evppi_population,evppi_se,noise_floor,below_noise_floor,warning,note',
    );
    expect(drawsCsv).toHaveLength(1 + 9 * 3);
  });

  it('merge refuses a missing part, a part of another scenario, and a damaged file, with exit status 2', () => {
    const p0 = join(dir, 'part-0.json');
    const p2 = join(dir, 'part-2.json');
    const missing = sarcsim(['merge', p0, p2]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('sarcsim: merge: draws 3–5 are missing (the PSA has 9 draws)\n');

    const other = join(dir, 'other-seed.json');
    expect(sarcsim(['psa', ...common, '--seed', '6', '--shard', '1/3', '--out', other]).status).toBe(0);
    const mismatch = sarcsim(['merge', p0, other, p2]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toMatch(
      /part 2 \(.*other-seed\.json\) is for scenario [0-9a-f]{12}…, part 1 for [0-9a-f]{12}…/,
    );

    const damaged = join(dir, 'damaged.json');
    const part = JSON.parse(readFileSync(p0, 'utf8')) as { draws: { costs: unknown[] }[] };
    (part.draws[0] as { costs: unknown[] }).costs = ['lots'];
    writeFileSync(damaged, JSON.stringify(part));
    const bad = sarcsim(['merge', damaged]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`sarcsim: ${damaged}: draws[0].costs[0]: got "lots"`);
  });

  it('--shard errors name the flag, the value and what is allowed', () => {
    const noIndex = sarcsim(['psa', ...common, '--shard', '3', '--out', join(dir, 'x.json')], {
      SLURM_ARRAY_TASK_ID: '',
      JOB_COMPLETION_INDEX: '',
      AWS_BATCH_JOB_ARRAY_INDEX: '',
    });
    expect(noIndex.status).toBe(2);
    expect(noIndex.stderr).toContain('no shard index given and none of SLURM_ARRAY_TASK_ID');
    const tooHigh = sarcsim(['psa', ...common, '--shard', '3', '--out', join(dir, 'x.json')], {
      AWS_BATCH_JOB_ARRAY_INDEX: '3',
    });
    expect(tooHigh.stderr).toBe('sarcsim: --shard: shard index: got 3, must be a whole number from 0 to 2\n');
    expect(sarcsim(['psa', ...common, '--shard', 'a/b']).stderr).toContain('--shard: got "a/b", must be I/N');
  });
});

describe('sarcsim dsa', () => {
  it('prints a tornado sorted by swing and writes CSVs', () => {
    const out = join(dir, 'dsa.json');
    const { status, stderr } = sarcsim([
      'dsa',
      scenarioFile,
      '--parameters',
      'cost.resection,imaging.contrastCt.cost,utility.noEvidentDisease',
      '--two-way',
      'imaging.contrastCt.cost,utility.noEvidentDisease',
      '--grid',
      '3',
      '--out',
      out,
      '--csv',
      join(dir, 'dsa-csv'),
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      tornado: { id: string; swing: number }[];
      twoWay: { outcome: number[][] };
    };
    const swings = result.tornado.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(result.twoWay.outcome).toHaveLength(3);
    expect(readdirSync(join(dir, 'dsa-csv')).sort()).toEqual(['dsa-tornado.csv', 'dsa-two-way.csv']);
  });
});
