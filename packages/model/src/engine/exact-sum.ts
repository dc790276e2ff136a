// Exact floating-point sums (Shewchuk's expansions, as in Python's math.fsum).
//
// Each slot keeps non-overlapping partials whose exact sum is the true sum of everything
// added. The reported total is that exact sum correctly rounded, so it does not depend on
// the order of additions or on how individuals were split into blocks: merging block
// results in any grouping gives bitwise-identical totals. Partials live in one flat
// Float64Array (no per-add allocation); non-overlapping doubles number at most ~40.

const CAPACITY = 48;

export class ExactSums {
  private readonly partials: Float64Array;
  private readonly lengths: Uint8Array;

  constructor(readonly slots: number) {
    this.partials = new Float64Array(slots * CAPACITY);
    this.lengths = new Uint8Array(slots);
  }

  /** Adds a finite value to a slot. */
  add(slot: number, value: number): void {
    if (!Number.isFinite(value)) {
      throw new RangeError(`exact sum: cannot add a non-finite value (${value}) to slot ${slot}`);
    }
    if (!(slot >= 0 && slot < this.slots))
      throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    const partials = this.partials;
    const base = slot * CAPACITY;
    const length = this.lengths[slot] as number;
    let x = value;
    let kept = 0;
    for (let j = 0; j < length; j++) {
      let y = partials[base + j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const swap = x;
        x = y;
        y = swap;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[base + kept++] = lo;
      x = hi;
    }
    if (kept >= CAPACITY) throw new RangeError('exact sum: expansion overflow (values span an impossible range)');
    partials[base + kept] = x;
    this.lengths[slot] = kept + 1;
  }

  /** The exact sum of a slot, correctly rounded to the nearest double. */
  total(slot: number): number {
    if (!(slot >= 0 && slot < this.slots))
      throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    const partials = this.partials;
    const base = slot * CAPACITY;
    let n = this.lengths[slot] as number;
    if (n === 0) return 0;
    n -= 1;
    let hi = partials[base + n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      n -= 1;
      const y = partials[base + n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half-even correctly when the remaining partials push past a tie.
    if (n > 0) {
      const next = partials[base + n - 1] as number;
      if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
        const y = lo * 2;
        const x = hi + y;
        if (y === x - hi) hi = x;
      }
    }
    return hi;
  }

  /** Adds every slot of `other` into this one, exactly. */
  merge(other: ExactSums): void {
    if (other.slots !== this.slots) {
      throw new RangeError(`exact sum: cannot merge ${other.slots} slots into ${this.slots}`);
    }
    for (let slot = 0; slot < this.slots; slot++) {
      const base = slot * CAPACITY;
      const length = other.lengths[slot] as number;
      for (let j = 0; j < length; j++) this.add(slot, other.partials[base + j] as number);
    }
  }

  /** Flat form for transfer between threads: [slots, len₀, …partials₀, len₁, …]. */
  toArray(): Float64Array {
    let size = 1;
    for (let slot = 0; slot < this.slots; slot++) size += 1 + (this.lengths[slot] as number);
    const out = new Float64Array(size);
    out[0] = this.slots;
    let at = 1;
    for (let slot = 0; slot < this.slots; slot++) {
      const length = this.lengths[slot] as number;
      out[at++] = length;
      out.set(this.partials.subarray(slot * CAPACITY, slot * CAPACITY + length), at);
      at += length;
    }
    return out;
  }

  /** Adds sums in the flat transfer form (see toArray) into this one, exactly. */
  mergeArray(flat: Float64Array): void {
    if (flat[0] !== this.slots) throw new RangeError(`exact sum: cannot merge ${flat[0]} slots into ${this.slots}`);
    let at = 1;
    for (let slot = 0; slot < this.slots; slot++) {
      const length = flat[at++] ?? 0;
      for (let j = 0; j < length; j++) this.add(slot, flat[at++] ?? 0);
    }
  }

  static fromArray(flat: Float64Array): ExactSums {
    const sums = new ExactSums(flat[0] ?? 0);
    sums.mergeArray(flat);
    return sums;
  }
}
