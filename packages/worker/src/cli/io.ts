// What the CLI touches outside itself, in one place: its streams, environment, core count,
// signals and file system. The sarcsim bin passes the process's; tests pass their own, so
// the CLI's checks run in-process (fast) and faults such as a full disk can be injected.
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';

/** The file operations used to write outputs (a test replaces writeFileSync to fill the disk). */
export type OutputFs = Pick<
  typeof fs,
  'openSync' | 'writeFileSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'
>;

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** A stream, because progress bars draw on it when it is a terminal. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Cores of this machine (the most workers started without --force). */
  readonly cores: number;
  /** Where SIGINT and SIGTERM come from. */
  readonly signals: {
    on(event: NodeJS.Signals, listener: () => void): unknown;
    off(event: NodeJS.Signals, listener: () => void): unknown;
  };
  readonly fs: OutputFs;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cores: availableParallelism(),
    signals: process,
    fs,
  };
}

/** What every command gets: the outside world, the cancellation signal and the progress to report. */
export interface CliContext {
  readonly io: CliIo;
  /** Aborted by SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  readonly progress: import('./progress.js').Progress;
}
