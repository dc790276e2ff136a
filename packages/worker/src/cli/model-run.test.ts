// `sarcsim run --model`: the built bin runs a user's model module in the pool; bad input exits 2
// with one line naming the flag, the value and what is allowed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const cycleModel = fileURLToPath(new URL('../../browser-check/public/four-state-model.js', import.meta.url));
const badModules = fileURLToPath(new URL('../../dist/testing/user-models/bad-modules.js', import.meta.url));

function sarcsim(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sarcsim run --model', () => {
  it('runs a model module and gives the same JSON for 1 and 2 workers', () => {
    const args = ['run', '--model', cycleModel, '--patients', '3000', '--seed', '4', '--json', '--force'];
    const one = sarcsim(...args, '--workers', '1');
    const two = sarcsim(...args, '--workers', '2');
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.individuals).toBe(3000);
    expect(report.seed).toBe(4);
    expect(report.strategies.map((s: { id: string }) => s.id)).toEqual(['usual', 'better']);
    expect(report.strategies[0].rewards.qalys.discounted.mcse).toBeGreaterThan(0);
  });

  it('prints a table of means ± MCSE', () => {
    const { status, stdout } = sarcsim('run', '--model', cycleModel, '--patients', '500', '--workers', '1');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^500 individuals, horizon 20 years\nstrategy +costs \(discounted\) ± MCSE/);
    expect(stdout).toMatch(/\nUsual care +[\d,]+ ± [\d,.]+ +[\d.]+ ± [\d.]+ +[\d.]+\n/);
  });

  it.each([
    [
      ['--model', 'no-such-model.js'],
      'sarcsim: --model: got "no-such-model.js", no such file; give the path of an ES module (.js or .mjs)',
    ],
    [['--model', badModules, '--export', 'aNumber'], `export 'aNumber' is number 42; allowed: a simulation definition`],
    [['--model', cycleModel, '--wtp', '5'], 'sarcsim: --model: cannot be combined with --wtp (they are for scenarios)'],
    [['--export', 'x'], 'sarcsim: --export: needs --model'],
  ])('refuses %j with exit status 2', (args, message) => {
    const { status, stderr } = sarcsim('run', ...args, '--workers', '1');
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
