// A CliIo for tests: captured output, a given environment and core count, signals a test
// emits, and the real file system unless a test injects faults.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import type { CliIo, OutputFs } from '../cli/io.js';

export interface FakeIo {
  readonly io: CliIo;
  readonly signals: EventEmitter;
  stdout(): string;
  stderr(): string;
}

export function fakeIo(
  options: {
    env?: NodeJS.ProcessEnv;
    cores?: number;
    fs?: OutputFs;
    tty?: boolean;
    onStderr?: (text: string) => void;
  } = {},
): FakeIo {
  let out = '';
  let err = '';
  const signals = new EventEmitter();
  // A terminal-like stream when `tty`: progress bars draw on it (cursor moves are escape codes).
  const stderr = Object.assign(new EventEmitter(), {
    isTTY: options.tty === true,
    columns: 100,
    write(text: string | Uint8Array) {
      const s = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
      err += s;
      options.onStderr?.(s);
      return true;
    },
  }) as unknown as CliIo['stderr'];
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        out += text;
        return true;
      },
    },
    stderr,
    env: options.env ?? {},
    cores: options.cores ?? 2,
    signals,
    fs: options.fs ?? fs,
  };
  return { io, signals, stdout: () => out, stderr: () => err };
}
