// An individual's random streams, opened once and replayed identically for every strategy.
//
// Each purpose's stream records the uniforms it has produced for the current individual.
// When the next strategy starts, every stream rewinds: earlier draws are replayed from the
// record and later ones continue the same generator, so each strategy sees exactly the
// sequence a freshly opened stream would give, while each stream is opened only once per
// individual rather than once per strategy. Streams are found by purpose handle (an index,
// see handles.ts); a purpose's numbers depend only on its name, never on its handle.
import { purposeId, requireUint32, streamSeed, type Uniform } from './random-streams.js';
import { TycheI } from './tyche-i.js';

class ReplayStream {
  private record = new Float64Array(32);
  private recorded = 0;
  private position = 0;
  /** Reseeded in place for each individual: opening a stream allocates nothing. */
  private readonly generator = new TycheI();
  /** Which individual (by IndividualStreams' generation) the stream is open for. */
  openedFor = -1;

  constructor(readonly purpose: number) {}

  /** Draws the next uniform (a stable function, handy to pass as a Uniform). */
  readonly next: Uniform = () => {
    if (this.position < this.recorded) return this.record[this.position++] as number;
    const u = this.generator.next();
    if (this.recorded === this.record.length) {
      const larger = new Float64Array(this.record.length * 2);
      larger.set(this.record);
      this.record = larger;
    }
    this.record[this.recorded++] = u;
    this.position++;
    return u;
  };

  open(seed: number, draw: number, index: number): void {
    this.generator.seed(streamSeed(seed, draw, index, this.purpose));
    this.recorded = 0;
    this.position = 0;
  }

  rewind(): void {
    this.position = 0;
  }
}

export class IndividualStreams {
  private readonly names: string[] = [];
  private readonly handleByName = new Map<string, number>();
  private readonly streams: ReplayStream[] = [];
  private readonly opened: ReplayStream[] = [];
  private generation = 0;
  private seed = 0;
  private draw = 0;
  private index = 0;

  /**
   * `purposes` fixes the handles (index i is purposes[i]). With `open` set, other names
   * get handles on first use; otherwise an undeclared name is refused.
   */
  constructor(
    purposes: readonly string[],
    private readonly open = false,
  ) {
    for (const p of purposes) this.add(p);
  }

  private add(name: string): number {
    const handle = this.names.length;
    this.names.push(name);
    this.handleByName.set(name, handle);
    this.streams.push(new ReplayStream(purposeId(name)));
    return handle;
  }

  /** The handle of a purpose named at run time. */
  handleOf(name: string): number {
    const handle = this.handleByName.get(name);
    if (handle !== undefined) return handle;
    if (!this.open) {
      throw new RangeError(`random stream: purpose '${name}' is not declared (declared: ${this.names.join(', ')})`);
    }
    return this.add(name);
  }

  /** Forgets the previous individual; streams reopen lazily at their first draw. */
  startIndividual(seed: number, draw: number, index: number): void {
    requireUint32('seed', seed);
    requireUint32('draw', draw);
    requireUint32('individual index', index);
    this.seed = seed;
    this.draw = draw;
    this.index = index;
    this.opened.length = 0;
    this.generation += 1;
  }

  /** Starts the current individual's streams again from their first draw. */
  rewind(): void {
    for (let i = 0; i < this.opened.length; i++) (this.opened[i] as ReplayStream).rewind();
  }

  /** The stream of purpose `handle`, opened for the current individual. */
  stream(handle: number): Uniform {
    const stream = this.streams[handle];
    if (stream === undefined) throw new RangeError(`random stream: no purpose with handle ${handle}`);
    if (stream.openedFor !== this.generation) {
      stream.open(this.seed, this.draw, this.index);
      stream.openedFor = this.generation;
      this.opened.push(stream);
    }
    return stream.next;
  }
}
