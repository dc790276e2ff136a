// Ctrl-C and SIGTERM: one line saying how far the run got and that nothing was written,
// exit status 128 + the signal's number, and the progress line ended first. The signal is
// sent once the CLI is known to be listening (its progress bar has drawn, or it has probed
// its output folder), never after a guessed delay.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../dist/cli/main.js';
import { fakeIo } from '../../dist/testing/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'sarcsim-cancel-'));

/** Runs the CLI in-process on a terminal-like stderr and sends `signal` when the bar first draws. */
async function cancelled(args: string[], signal: NodeJS.Signals) {
  let sent = false;
  const fake = fakeIo({
    tty: true,
    onStderr: (text) => {
      if (!sent && text.includes('[')) {
        sent = true;
        queueMicrotask(() => fake.signals.emit(signal));
      }
    },
  });
  const status = await main(['node', 'sarcsim', ...args], fake.io);
  return { status, stdout: fake.stdout(), stderr: fake.stderr(), sent };
}

describe('cancelling a run', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('Ctrl-C during run: one line, exit 130, the progress line ended', async () => {
    const result = await cancelled(['run', '--patients', '3000000', '--workers', '1'], 'SIGINT');
    expect(result.sent).toBe(true);
    expect(result.status).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\nsarcsim: cancelled after [\d,]+ of 3,000,000 patients; nothing written\n$/);
    expect(result.stderr.match(/sarcsim: /g)).toHaveLength(1);
  });

  it('SIGTERM during psa --out: exit 143, no file written', async () => {
    const out = join(dir, 'psa.json');
    const result = await cancelled(
      ['psa', '--draws', '50', '--patients', '200000', '--workers', '1', '--out', out],
      'SIGTERM',
    );
    expect(result.status).toBe(143);
    expect(result.stderr).toMatch(/\nsarcsim: cancelled after \d+ of 50 PSA draws; nothing written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('SIGINT during scenarios --out --csv: exit 130, how many runs were done, nothing written', async () => {
    const out = join(dir, 'structural.json');
    const csv = mkdtempSync(join(dir, 'structural-csv-'));
    const result = await cancelled(
      ['scenarios', '--patients', '200000', '--workers', '1', '--out', out, '--csv', csv],
      'SIGINT',
    );
    expect(result.status).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\nsarcsim: cancelled after \d+ of 11 scenario runs; nothing written\n$/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(csv)).toEqual([]);
  });

  it('the real bin on SIGINT', async () => {
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    const csv = mkdtempSync(join(tmpdir(), 'sarcsim-cancel-csv-'));
    // The CLI listens for signals before it checks its output folder, which it does by
    // creating a probe file there: seeing that file appear means the handler is installed.
    const probed = new Promise<void>((resolve) => {
      const watcher = watch(csv, () => {
        watcher.close();
        resolve();
      });
    });
    const child = spawn(process.execPath, [cli, 'run', '--patients', '5000000', '--workers', '1', '--csv', csv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await probed;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(
      /^sarcsim: cancelled (before the computation started|after [\d,]+ of 5,000,000 patients); nothing written\n$/,
    );
    expect(readdirSync(csv)).toEqual([]);
    rmSync(csv, { recursive: true });
  });
});
