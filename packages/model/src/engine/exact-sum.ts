// Exact floating-point sums (Shewchuk's expansions, as in Python's math.fsum).
//
// Each slot keeps non-overlapping partials whose exact sum is the true sum of everything
// added. The reported total is that exact sum correctly rounded, so it does not depend on
// the order of additions or on how individuals were split into blocks: merging block
// results in any grouping gives bitwise-identical totals.

export class ExactSums {
  private readonly partials: number[][];

  constructor(readonly slots: number) {
    this.partials = Array.from({ length: slots }, () => []);
  }

  /** Adds a finite value to a slot. */
  add(slot: number, value: number): void {
    if (!Number.isFinite(value)) {
      throw new RangeError(`exact sum: cannot add a non-finite value (${value}) to slot ${slot}`);
    }
    const partials = this.partials[slot];
    if (partials === undefined) throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    let x = value;
    let kept = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const swap = x;
        x = y;
        y = swap;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials.length = kept;
    partials.push(x);
  }

  /** The exact sum of a slot, correctly rounded to the nearest double. */
  total(slot: number): number {
    const partials = this.partials[slot];
    if (partials === undefined) throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    let n = partials.length;
    if (n === 0) return 0;
    n -= 1;
    let hi = partials[n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      n -= 1;
      const y = partials[n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half-even correctly when the remaining partials push past a tie.
    if (n > 0) {
      const next = partials[n - 1] as number;
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
    other.partials.forEach((partials, slot) => {
      for (const p of partials) this.add(slot, p);
    });
  }

  /** Flat form for transfer between threads: [slots, len₀, …partials₀, len₁, …]. */
  toArray(): Float64Array {
    const size = this.partials.reduce((sum, p) => sum + 1 + p.length, 1);
    const out = new Float64Array(size);
    out[0] = this.slots;
    let at = 1;
    for (const p of this.partials) {
      out[at++] = p.length;
      for (const v of p) out[at++] = v;
    }
    return out;
  }

  static fromArray(flat: Float64Array): ExactSums {
    const sums = new ExactSums(flat[0] ?? 0);
    let at = 1;
    for (const partials of sums.partials) {
      const length = flat[at++] ?? 0;
      for (let j = 0; j < length; j++) partials.push(flat[at++] ?? 0);
    }
    return sums;
  }
}
