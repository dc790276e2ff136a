// One analysis as a task: its status, progress, result and how to stop it. Runs, PSA, DSA and
// the calibration check all use it, so the views read one shape and the root holds no run logic.
import { RunCancelledError } from '@sarcsim/worker/browser';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface TaskProgress {
  readonly done: number;
  readonly total: number;
  /** Seconds left, from the rate so far (NaN until something is done). */
  readonly etaSeconds: number;
  /** What is counted: patients, draws, runs or targets. */
  readonly unit: string;
}

/** What a task's work receives: where to report progress and the signal that stops it. */
export interface TaskContext {
  readonly signal: AbortSignal;
  progress(done: number, total: number): void;
}

export class Task<T> implements ReactiveController {
  status: TaskStatus = 'idle';
  progress: TaskProgress | undefined;
  result: T | undefined;
  error: string | undefined;
  /** Wall-clock seconds of the last finished run. */
  seconds = 0;
  private abortController: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Plain name for messages ("run", "PSA"). */
    readonly name: string,
    readonly unit: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort();
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Runs `work`; resolves to its result, or undefined when it failed or was cancelled (see `status`, `error`). */
  async start(work: (context: TaskContext) => Promise<T>): Promise<T | undefined> {
    if (this.running) return undefined;
    const abort = new AbortController();
    this.abortController = abort;
    this.status = 'running';
    this.error = undefined;
    const started = performance.now();
    this.progress = { done: 0, total: 1, etaSeconds: Number.NaN, unit: this.unit };
    this.host.requestUpdate();
    try {
      const result = await work({
        signal: abort.signal,
        progress: (done, total) => {
          const elapsed = (performance.now() - started) / 1000;
          const etaSeconds = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
          this.progress = { done, total, etaSeconds, unit: this.unit };
          this.host.requestUpdate();
        },
      });
      this.seconds = (performance.now() - started) / 1000;
      this.result = result;
      this.status = 'done';
      return result;
    } catch (error) {
      const cancelled = error instanceof RunCancelledError || abort.signal.aborted;
      this.status = cancelled ? 'cancelled' : 'failed';
      this.error = cancelled ? undefined : error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      this.progress = undefined;
      this.abortController = undefined;
      this.host.requestUpdate();
    }
  }

  abort(): void {
    this.abortController?.abort();
  }

  /** A message for the page after the task ended, or undefined while idle, running or done. */
  get outcomeMessage(): { kind: 'error' | 'info'; text: string } | undefined {
    if (this.status === 'cancelled')
      return { kind: 'info', text: `${capitalised(this.name)} cancelled; nothing partial was kept.` };
    if (this.status === 'failed') return { kind: 'error', text: `The ${this.name} failed: ${this.error}` };
    return undefined;
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
