// Faults while writing results: a full disk (a real 64 kB tmpfs where this machine lets root
// mount one, else a simulated ENOSPC), a file-size limit, a failing rename. In each case:
// exit status 1, the path and the reason in one line, the previous file intact, and no
// temporary file left behind.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFs } from '../../dist/cli/io.js';
import { main } from '../../dist/cli/main.js';
import { OutputError, writeOutputs } from '../../dist/cli/output-files.js';
import { fakeIo } from '../../dist/testing/fake-io.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'sarcsim-faults-'));
const small = ['--draws', '3', '--patients', '40', '--seed', '3', '--workers', '1'];
const PREVIOUS = '{"previous": true}\n';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, except that writing file contents fails with `code` after half the bytes. */
function failingFs(code: string): OutputFs {
  return {
    ...fs,
    writeFileSync: ((fd: number, text: string) => {
      fs.writeSync(fd, text.slice(0, text.length / 2));
      throw errno(code);
    }) as OutputFs['writeFileSync'],
  };
}

function expectPreviousIntact(dir: string, target: string, extra: string[] = []) {
  expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
  expect(readdirSync(dir).sort()).toEqual([...extra, 'result.json'].sort());
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a full disk or a size limit while writing', () => {
  for (const [code, reason] of [
    ['ENOSPC', 'no space left on device'],
    ['EFBIG', 'file too large \\(a file-size limit\\)'],
    ['EIO', 'input/output error'],
  ] as const) {
    it(`${code} (simulated): exit 1, path and reason, previous file intact, no temporary left`, async () => {
      const dir = join(root, code);
      mkdirSync(dir);
      const target = join(dir, 'result.json');
      writeFileSync(target, PREVIOUS);
      const fake = fakeIo({ fs: failingFs(code) });
      const status = await main(
        ['node', 'sarcsim', 'psa', ...small, '--out', target, '--csv', join(dir, 'csv')],
        fake.io,
      );
      expect(status).toBe(1);
      expect(fake.stderr()).toMatch(
        new RegExp(
          `^sarcsim: cannot write ${target}: ${reason} \\(${code}\\); nothing was written \\(any previous file is as it was\\)\\n$`,
        ),
      );
      expect(fake.stdout()).toBe('');
      expectPreviousIntact(dir, target); // the CSV folder was never created either
    });
  }

  it('a real full disk: a 64 kB tmpfs (or, where mounting is not allowed, the simulated one above)', () => {
    const dir = join(root, 'tmpfs');
    mkdirSync(dir);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
    if (!mounted) {
      console.warn('output-faults: cannot mount a tmpfs here; the simulated ENOSPC cases cover a full disk');
      return;
    }
    try {
      const target = join(dir, 'result.json');
      writeFileSync(target, PREVIOUS);
      // Fill the disk but for 8 kB: the result (tens of kB) cannot fit.
      writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024 - 12 * 1024));
      const result = spawnSync(process.execPath, [cli, 'psa', ...small, '--out', target], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `sarcsim: cannot write ${target}: no space left on device (ENOSPC); nothing was written (any previous file is as it was)\n`,
      );
      expectPreviousIntact(dir, target, ['filler']);
    } finally {
      spawnSync('umount', [dir]);
    }
  });

  it('a real file-size limit (ulimit -f): EFBIG, previous file intact', () => {
    const dir = join(root, 'ulimit');
    mkdirSync(dir);
    const target = join(dir, 'result.json');
    writeFileSync(target, PREVIOUS);
    const command = `ulimit -f 8 && exec "$0" "$@"`; // 8 kB
    const result = spawnSync('bash', ['-c', command, process.execPath, cli, 'psa', ...small, '--out', target], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^sarcsim: cannot write .*result\.json: file too large \(a file-size limit\) \(EFBIG\); nothing was written/,
    );
    expectPreviousIntact(dir, target);
  });

  it('writes several files all or none: a failure on the second leaves the first untouched', () => {
    const dir = join(root, 'several');
    mkdirSync(dir);
    const target = join(dir, 'result.json');
    writeFileSync(target, PREVIOUS);
    let writes = 0;
    const second: OutputFs = {
      ...fs,
      writeFileSync: ((fd: number, text: string) => {
        writes += 1;
        if (writes === 2) throw errno('ENOSPC');
        fs.writeFileSync(fd, text);
      }) as OutputFs['writeFileSync'],
    };
    expect(() =>
      writeOutputs(
        [
          { path: target, text: 'new\n' },
          { path: join(dir, 'other.csv'), text: 'a,b\n' },
        ],
        second,
      ),
    ).toThrow(OutputError);
    expectPreviousIntact(dir, target);
  });

  it('a failing rename names the file and removes the temporaries', () => {
    const dir = join(root, 'rename');
    mkdirSync(dir);
    const target = join(dir, 'result.json');
    writeFileSync(target, PREVIOUS);
    const failing: OutputFs = {
      ...fs,
      renameSync: () => {
        throw errno('EIO');
      },
    };
    expect(() => writeOutputs([{ path: target, text: 'new\n' }], failing)).toThrow(
      `cannot write ${target}: input/output error (EIO)`,
    );
    expectPreviousIntact(dir, target);
  });

  it('a good write replaces the previous file whole', () => {
    const dir = join(root, 'good');
    mkdirSync(dir);
    const target = join(dir, 'result.json');
    writeFileSync(target, PREVIOUS);
    writeOutputs([{ path: target, text: '{"new": true}\n' }], fs);
    expect(readFileSync(target, 'utf8')).toBe('{"new": true}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });
});

describe('a bad output path', () => {
  it('is refused before the computation, by the real bin, with exit status 2', () => {
    // 500 draws of 5,000 patients would take many minutes: a refusal proves nothing ran.
    for (const [flag, path, message] of [
      ['--out', '/nonexistent/x.json', 'folder /nonexistent does not exist'],
      [
        '--out',
        '/dev/full',
        'is not a regular file (a device or pipe), must be a file name (--json prints to standard output)',
      ],
      ['--out', root, 'is a folder, must be a file name'],
      ['--csv', '/dev/full', 'is not a folder, must be a folder'],
    ] as const) {
      const result = spawnSync(process.execPath, [cli, 'psa', flag, path], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`sarcsim: ${flag} ${path}: ${message}\n`);
    }
  });
});
