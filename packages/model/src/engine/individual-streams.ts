// An individual's random streams, opened once and replayed identically for every strategy.
//
// Each purpose's stream records the uniforms it has produced for the current individual.
// When the next strategy starts, every stream rewinds: earlier draws are replayed from the
// record and later ones continue the same generator, so each strategy sees exactly the
// sequence a freshly opened stream would give, while each stream is opened only once per
// individual rather than once per strategy.
import { openStream, purposeId, type Uniform } from './random-streams.js';

class ReplayStream {
  private record = new Float64Array(32);
  private recorded = 0;
  private position = 0;
  private generator: Uniform | undefined;
  /** Which individual (by IndividualStreams' generation) the stream is open for. */
  openedFor = -1;

  constructor(readonly purpose: number) {}

  /** Draws the next uniform (a stable function, handy to pass as a Uniform). */
  readonly next: Uniform = () => {
    if (this.position < this.recorded) return this.record[this.position++] as number;
    const generator = this.generator;
    if (generator === undefined) throw new Error('random stream used before it was opened');
    const u = generator();
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
    this.generator = openStream({ seed, draw, index, purpose: this.purpose });
    this.recorded = 0;
    this.position = 0;
  }

  rewind(): void {
    this.position = 0;
  }
}

export class IndividualStreams {
  private readonly byPurpose = new Map<string, ReplayStream>();
  private readonly opened: ReplayStream[] = [];
  private generation = 0;
  private seed = 0;
  private draw = 0;
  private index = 0;

  /** Forgets the previous individual; streams reopen lazily at their first draw. */
  startIndividual(seed: number, draw: number, index: number): void {
    this.seed = seed;
    this.draw = draw;
    this.index = index;
    this.opened.length = 0;
    this.generation += 1;
  }

  /** Starts the current individual's streams again from their first draw. */
  rewind(): void {
    for (const stream of this.opened) stream.rewind();
  }

  /** The stream for `purpose`, opened for the current individual. */
  stream(purpose: string): Uniform {
    let stream = this.byPurpose.get(purpose);
    if (stream === undefined) {
      stream = new ReplayStream(purposeId(purpose));
      this.byPurpose.set(purpose, stream);
    }
    if (stream.openedFor !== this.generation) {
      stream.open(this.seed, this.draw, this.index);
      stream.openedFor = this.generation;
      this.opened.push(stream);
    }
    return stream.next;
  }
}
