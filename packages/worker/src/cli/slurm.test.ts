// Opt-in (`pnpm test:slurm`, needs root): starts a one-node Slurm cluster on localhost,
// submits docs/examples/slurm's PSA array job and its dependent merge, and checks the merged
// result is byte-identical to the same PSA run on one machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const cli = join(root, 'packages/worker/dist/cli.js');

function jobState(id: string): string {
  const text = execFileSync('scontrol', ['show', 'job', id], { encoding: 'utf8' });
  return /JobState=(\w+)/.exec(text)?.[1] ?? 'UNKNOWN';
}

async function waitForJob(id: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = jobState(id);
    if (!['PENDING', 'CONFIGURING', 'RUNNING', 'COMPLETING'].includes(state)) return state;
    if (Date.now() > end) throw new Error(`Slurm job ${id} still ${state} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe.skipIf(process.env.SARCSIM_SLURM_TEST !== '1')('PSA as a Slurm array job (opt-in)', () => {
  it('array shards + dependent merge give the single-machine result byte for byte', { timeout: 900_000 }, async () => {
    execFileSync('bash', [join(root, 'scripts/slurm/local-cluster.sh')], { stdio: 'inherit' });
    const dir = mkdtempSync(join(tmpdir(), 'sarcsim-slurm-'));
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ strategies: ['chest-only', 'contrast-ct-rp-lms', 'mri-rp-lms'], seed: 11 }),
    );
    const flags = ['--draws', '12', '--patients', '500'];

    const submit = spawnSync('bash', [join(root, 'docs/examples/slurm/submit-psa.sh'), scenario, '4', dir, ...flags], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SARCSIM_CLI: cli },
    });
    expect(submit.stderr).toBe('');
    const mergeJob = submit.stdout.trim();
    expect(mergeJob).toMatch(/^\d+$/);
    expect(await waitForJob(mergeJob, 600_000)).toBe('COMPLETED');

    execFileSync(process.execPath, [cli, 'psa', scenario, ...flags, '--out', join(dir, 'single.json')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    expect(readFileSync(join(dir, 'psa.json'), 'utf8')).toBe(readFileSync(join(dir, 'single.json'), 'utf8'));
    expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).toContain('PSA: 12 draws × 500 patients per draw');
  });
});
