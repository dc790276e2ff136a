// Progress of a long computation: a bar on a terminal, and always the count, so a
// cancelled run can say how far it got.
import cliProgress from 'cli-progress';

export class Progress {
  done = 0;
  total = 0;
  unit = '';
  private bar: cliProgress.SingleBar | undefined;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {}

  /** Starts counting `total` `unit`s; the bar (in `format`) is drawn only on a terminal and unless `quiet`. */
  start(total: number, unit: string, quiet: boolean, format: string, payload: object = {}): void {
    this.total = total;
    this.unit = unit;
    if (quiet || this.stream.isTTY !== true) return;
    this.bar = new cliProgress.SingleBar({ format, stream: this.stream }, cliProgress.Presets.shades_classic);
    this.bar.start(total, 0, payload);
  }

  update(done: number, payload: object = {}): void {
    this.done = done;
    this.bar?.update(done, payload);
  }

  setTotal(total: number): void {
    this.total = total;
    this.bar?.setTotal(total);
  }

  /** Ends the bar's line: whatever is printed next starts on a line of its own. */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  toString(): string {
    return `${this.done.toLocaleString('en-US')} of ${this.total.toLocaleString('en-US')} ${this.unit}`;
  }
}
