import { describe, expect, it } from 'vitest';
import { ExactSums } from './exact-sum.js';
import { openStream } from './random-streams.js';

describe('ExactSums', () => {
  it('is exact where naive summation is not', () => {
    const sums = new ExactSums(1);
    for (const v of [1e16, 1, -1e16, 0.1, 0.2, -0.3]) sums.add(0, v);
    // Exact sum is 1 + (0.1 + 0.2 − 0.3 as doubles) = 1 + 2.7755575615628914e-17, which rounds to 1.
    expect(sums.total(0)).toBe(1);
    expect(1e16 + 1 - 1e16).toBe(0);
  });

  it('gives bitwise-identical totals for any order and grouping', () => {
    const u = openStream({ seed: 7, draw: 0, index: 0, purpose: 1 });
    const values = Array.from({ length: 5_000 }, () => (u() - 0.3) * 10 ** Math.floor(u() * 12));
    const forward = new ExactSums(1);
    for (const v of values) forward.add(0, v);
    const reversed = new ExactSums(1);
    for (const v of [...values].reverse()) reversed.add(0, v);
    const grouped = new ExactSums(1);
    for (let start = 0; start < values.length; start += 333) {
      const part = new ExactSums(1);
      for (const v of values.slice(start, start + 333)) part.add(0, v);
      grouped.merge(part);
    }
    expect(Object.is(forward.total(0), reversed.total(0))).toBe(true);
    expect(Object.is(forward.total(0), grouped.total(0))).toBe(true);
  });

  it('survives a round trip through its flat transfer form', () => {
    const sums = new ExactSums(3);
    sums.add(0, 1e300);
    sums.add(0, 1);
    sums.add(2, -5.5);
    const copy = ExactSums.fromArray(sums.toArray());
    for (const slot of [0, 1, 2]) expect(copy.total(slot)).toBe(sums.total(slot));
  });

  it('refuses non-finite values', () => {
    expect(() => new ExactSums(1).add(0, Number.NaN)).toThrow('non-finite');
  });

  it('rounds the exact sum correctly across the whole range of doubles (checked in exact integers)', () => {
    // Every finite double is an integer multiple of 2^−1074: scaled by 2^1074 it is a BigInt.
    const scaled = (x: number): bigint => {
      if (x === 0) return 0n;
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      const high = view.getUint32(0);
      const biased = (high >>> 20) & 0x7ff;
      const mantissa = (BigInt(high & 0xf_ffff) << 32n) | BigInt(view.getUint32(4));
      const m = biased === 0 ? mantissa : mantissa | (1n << 52n);
      const shift = BigInt((biased === 0 ? 1 : biased) - 1);
      return (x < 0 ? -m : m) << shift;
    };
    const u = openStream({ seed: 11, draw: 0, index: 0, purpose: 2 });
    for (let trial = 0; trial < 40; trial++) {
      const sums = new ExactSums(1);
      let exact = 0n;
      for (let i = 0; i < 300; i++) {
        // Magnitudes from subnormal to near the top of the range, both signs.
        const v = (u() - 0.5) * 2 ** Math.floor(u() * 2000 - 1070);
        sums.add(0, v);
        exact += scaled(v);
      }
      const total = sums.total(0);
      const error = exact - scaled(total);
      // |exact − total| ≤ half an ulp of total (a tie only if total's last bit is even).
      const twice = 2n * (error < 0n ? -error : error);
      expect(twice <= ulpScaled(total)).toBe(true);
    }
  });

  it('stays exact past the point where its chunks carry (2^20 additions)', () => {
    const sums = new ExactSums(1);
    const n = 2 ** 20 + 5_000;
    for (let i = 0; i < n; i++) sums.add(0, 0.1);
    // n × fl(0.1) exactly, then rounded once.
    const exact = Number(scaledTenth() * BigInt(n)) / 2 ** 55;
    expect(sums.total(0)).toBe(exact);
  });
});

/** The unit in the last place of x, in units of 2^−1074. */
function ulpScaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  return 1n << BigInt((biased === 0 ? 1 : biased) - 1);
}

/** fl(0.1) = 3602879701896397 / 2^55 exactly, as an integer numerator. */
function scaledTenth(): bigint {
  return 3602879701896397n;
}
