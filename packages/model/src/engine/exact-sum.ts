// Exact floating-point sums in a fixed-point superaccumulator.
//
// Every finite double is an integer multiple of 2^−1074. Each slot keeps 66 "chunks", chunk j
// holding a sum of multiples of 2^(32j − 1074) each below 2^32 of those units; a double splits
// exactly into at most three such parts (two divisions by powers of two, two truncations), so
// adding a value costs the same few operations whatever has been added before. A chunk stays
// exact for 2^21 additions; carries are propagated well before that (every 2^20). The reported
// total is the exact sum correctly rounded to the nearest double, so it does not depend on the
// order of additions or on how individuals were split into blocks: merging block results in
// any grouping gives bitwise-identical totals. (Previously Shewchuk's expansions: the same
// totals, but an addition walked every partial, 5–7 of them in practice.)

const CHUNK_BITS = 32;
/** Chunks per slot: the lowest bit of any double is in chunk 0–63; its parts reach two chunks higher. */
const CHUNKS = 66;
/** Additions after which carries are propagated (a chunk is exact below 2^21). */
const NORMALIZE_EVERY = 2 ** 20;

/** POW2[i] = 2^(i − 1074), for every exponent a double can have. */
const POW2 = Float64Array.from({ length: 1074 + 1024 }, (_, i) => 2 ** (i - 1074));

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the word holding a double's sign and exponent (1 on little-endian machines). */
const HIGH_WORD = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

export class ExactSums {
  private readonly chunks: Float64Array;
  private sinceNormalized = 0;

  constructor(readonly slots: number) {
    this.chunks = new Float64Array(slots * CHUNKS);
  }

  /** Sets every slot back to zero. */
  clear(): void {
    this.chunks.fill(0);
    this.sinceNormalized = 0;
  }

  /** Adds a finite value to a slot. */
  add(slot: number, value: number): void {
    if (!Number.isFinite(value)) {
      throw new RangeError(`exact sum: cannot add a non-finite value (${value}) to slot ${slot}`);
    }
    if (!(slot >= 0 && slot < this.slots))
      throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    if (value === 0) return;
    bits[0] = value;
    const biased = ((words[HIGH_WORD] as number) >>> 20) & 0x7ff;
    // The value is an integer multiple of 2^q, q the weight of its lowest mantissa bit.
    const q = (biased === 0 ? 1 : biased) - 1075;
    const chunk = (q + 1074) >> 5;
    const w1 = POW2[CHUNK_BITS * (chunk + 1)] as number;
    const w2 = POW2[CHUNK_BITS * (chunk + 2)] as number;
    const high = Math.trunc(value / w1) * w1;
    const top = Math.trunc(high / w2) * w2;
    const at = slot * CHUNKS + chunk;
    const c = this.chunks;
    c[at] = (c[at] as number) + (value - high);
    c[at + 1] = (c[at + 1] as number) + (high - top);
    c[at + 2] = (c[at + 2] as number) + top;
    if (++this.sinceNormalized >= NORMALIZE_EVERY) this.normalize();
  }

  /** Propagates carries so every chunk but the last is below 2^32 of its units. */
  private normalize(): void {
    if (this.sinceNormalized === 0) return;
    const c = this.chunks;
    for (let slot = 0; slot < this.slots; slot++) {
      const base = slot * CHUNKS;
      for (let j = 0; j < CHUNKS - 1; j++) {
        const v = c[base + j] as number;
        if (v === 0) continue;
        const unit = POW2[CHUNK_BITS * (j + 1)] as number;
        const carry = Math.trunc(v / unit) * unit;
        if (carry !== 0) {
          c[base + j] = v - carry;
          c[base + j + 1] = (c[base + j + 1] as number) + carry;
        }
      }
      if (!Number.isFinite(c[base + CHUNKS - 1] as number)) {
        throw new RangeError(`exact sum: slot ${slot} overflows the range of doubles`);
      }
    }
    this.sinceNormalized = 0;
  }

  /** The exact sum of a slot, correctly rounded to the nearest double. */
  total(slot: number): number {
    if (!(slot >= 0 && slot < this.slots))
      throw new RangeError(`exact sum: slot ${slot} out of range 0..${this.slots - 1}`);
    this.normalize();
    return roundedSum(this.chunks, slot * CHUNKS, CHUNKS);
  }

  /** Adds every slot of `other` into this one, exactly. */
  merge(other: ExactSums): void {
    if (other.slots !== this.slots) {
      throw new RangeError(`exact sum: cannot merge ${other.slots} slots into ${this.slots}`);
    }
    this.mergeArray(other.toArray());
  }

  /** Flat form for transfer between threads: [slots, then per slot: first chunk, n, n chunks]. */
  toArray(): Float64Array {
    return Float64Array.from(this.toParts());
  }

  /** The flat form (see toArray) as a plain array. */
  toParts(): number[] {
    this.normalize();
    const c = this.chunks;
    const parts: number[] = [this.slots];
    for (let slot = 0; slot < this.slots; slot++) {
      const base = slot * CHUNKS;
      let first = 0;
      while (first < CHUNKS && c[base + first] === 0) first++;
      let end = CHUNKS;
      while (end > first && c[base + end - 1] === 0) end--;
      parts.push(first, end - first);
      for (let j = first; j < end; j++) parts.push(c[base + j] as number);
    }
    return parts;
  }

  /** Adds sums in the flat transfer form (see toArray) into this one, exactly. */
  mergeArray(flat: Float64Array): void {
    if (flat[0] !== this.slots) throw new RangeError(`exact sum: cannot merge ${flat[0]} slots into ${this.slots}`);
    // Check the whole form before adding anything, so a bad one leaves the sums untouched.
    let at = 1;
    for (let slot = 0; slot < this.slots; slot++) {
      const first = flat[at] ?? -1;
      const n = flat[at + 1] ?? -1;
      if (!(Number.isInteger(first) && Number.isInteger(n) && first >= 0 && n >= 0 && first + n <= CHUNKS)) {
        throw new RangeError(`exact sum: malformed transfer form at slot ${slot}`);
      }
      at += 2 + n;
    }
    if (at !== flat.length) throw new RangeError(`exact sum: transfer form has ${flat.length} values, expected ${at}`);
    this.normalize();
    const c = this.chunks;
    at = 1;
    for (let slot = 0; slot < this.slots; slot++) {
      const first = flat[at] as number;
      const n = flat[at + 1] as number;
      at += 2;
      const base = slot * CHUNKS + first;
      for (let j = 0; j < n; j++) c[base + j] = (c[base + j] as number) + (flat[at + j] as number);
      at += n;
    }
    this.sinceNormalized = 1;
  }

  static fromArray(flat: Float64Array): ExactSums {
    const sums = new ExactSums(flat[0] ?? 0);
    sums.mergeArray(flat);
    return sums;
  }
}

/**
 * The correctly rounded sum of `n` doubles (a slot's chunks), by Shewchuk's non-overlapping
 * partials with round-half-even at the end, as Python's math.fsum.
 */
function roundedSum(values: Float64Array, from: number, n: number): number {
  const partials = new Float64Array(n + 1);
  let length = 0;
  for (let i = 0; i < n; i++) {
    let x = values[from + i] as number;
    if (x === 0) continue;
    let kept = 0;
    for (let j = 0; j < length; j++) {
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
    partials[kept] = x;
    length = kept + 1;
  }
  if (length === 0) return 0;
  let k = length - 1;
  let hi = partials[k] as number;
  let lo = 0;
  while (k > 0) {
    const x = hi;
    k -= 1;
    const y = partials[k] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Round half-even correctly when the remaining partials push past a tie.
  if (k > 0) {
    const next = partials[k - 1] as number;
    if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}
