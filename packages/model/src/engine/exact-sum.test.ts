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
});
