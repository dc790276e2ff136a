// Output files are checked before any computation (a bad --out must not cost an hour of
// PSA) and written whole or not at all: each to a temporary file in its own folder, then
// renamed over the target, so a full disk leaves the previous file as it was.
import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './input.js';
import type { OutputFs } from './io.js';
import { ioReason } from './io-reason.js';

/** A write that failed: exit status 1, with the path and the reason. */
export class OutputError extends Error {
  override name = 'OutputError';
}

let temporaries = 0;
function temporaryPath(path: string): string {
  temporaries += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}-${temporaries}.sarcsim-tmp`);
}

/** Creates and removes a file in `dir`: the only reliable test that it can be written (root ignores permissions; read-only mounts do not). */
function probe(dir: string, flag: string, path: string): void {
  const file = temporaryPath(join(dir, 'probe'));
  try {
    closeSync(openSync(file, 'wx'));
    unlinkSync(file);
  } catch (error) {
    throw new UsageError([`${flag} ${path}: cannot write in ${dir}: ${ioReason(error)}`]);
  }
}

/** Checks that `path` can be written as a file (its folder exists and is writable; it is not a folder or device). */
export function checkOutputFile(path: string, flag: string): void {
  if (existsSync(path)) {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError([`${flag} ${path}: is a folder, must be a file name`]);
    if (!stat.isFile()) {
      throw new UsageError([
        `${flag} ${path}: is not a regular file (a device or pipe), must be a file name (--json prints to standard output)`,
      ]);
    }
  }
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UsageError([`${flag} ${path}: folder ${dir} does not exist`]);
  if (!statSync(dir).isDirectory()) throw new UsageError([`${flag} ${path}: ${dir} is not a folder`]);
  probe(dir, flag, path);
}

/** Checks that `path` is, or can be created as, a writable folder. */
export function checkOutputDir(path: string, flag: string): void {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw new UsageError([
      `${flag} ${path}: ${existing === resolve(path) ? 'is not a folder' : `${existing} is not a folder`}, must be a folder`,
    ]);
  }
  probe(existing, flag, path);
}

export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Writes every file to a temporary neighbour, then renames them all into place. If any
 * write fails, every temporary is removed and no target is touched.
 */
export function writeOutputs(files: readonly OutputFile[], fs: OutputFs): void {
  const targets = new Set(files.map((f) => resolve(f.path)));
  if (targets.size !== files.length) throw new Error('writeOutputs: two outputs name the same file');
  const written: { path: string; temporary: string }[] = [];
  const discard = () => {
    for (const { temporary } of written) {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // already gone
      }
    }
  };
  for (const { path, text } of files) {
    const temporary = temporaryPath(path);
    try {
      fs.mkdirSync(dirname(path), { recursive: true });
      written.push({ path, temporary });
      const fd = fs.openSync(temporary, 'wx');
      try {
        fs.writeFileSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      discard();
      throw new OutputError(
        `cannot write ${path}: ${ioReason(error)}; nothing was written (any previous file is as it was)`,
      );
    }
  }
  for (const [i, { path, temporary }] of written.entries()) {
    try {
      fs.renameSync(temporary, path);
    } catch (error) {
      discard();
      const done = written.slice(0, i).map((w) => w.path);
      throw new OutputError(
        `cannot write ${path}: ${ioReason(error)}${done.length > 0 ? `; already written: ${done.join(', ')}` : ''}`,
      );
    }
  }
}
