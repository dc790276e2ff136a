import tychei from 'seedrandom/lib/tychei.js';
import { describe, expect, it } from 'vitest';
import { IndividualStreams } from './individual-streams.js';
import { openStream, purposeId, streamSeed } from './random-streams.js';

describe('IndividualStreams', () => {
  it('replays exactly what a freshly opened stream gives, for every strategy', () => {
    const streams = new IndividualStreams(['entry', 'natural']);
    streams.startIndividual(5, 2, 77);
    const natural = streams.handleOf('natural');
    const first = Array.from({ length: 10 }, streams.stream(natural));
    streams.rewind();
    const second = Array.from({ length: 100 }, streams.stream(natural)); // past the record: continues the generator
    const fresh = openStream({ seed: 5, draw: 2, index: 77, purpose: purposeId('natural') });
    const expected = Array.from({ length: 100 }, fresh);
    expect(first).toEqual(expected.slice(0, 10));
    expect(second).toEqual(expected);
  });

  it('keys streams by individual and purpose', () => {
    const streams = new IndividualStreams(['natural', 'imaging']);
    streams.startIndividual(5, 0, 1);
    const a = streams.stream(0)();
    const b = streams.stream(1)();
    streams.startIndividual(5, 0, 2);
    const c = streams.stream(0)();
    expect(new Set([a, b, c]).size).toBe(3);
    expect(a).toBe(openStream({ seed: 5, draw: 0, index: 1, purpose: purposeId('natural') })());
  });

  it("gives a purpose the same numbers whatever its handle (its name's hash seeds it)", () => {
    const one = new IndividualStreams(['natural', 'imaging']);
    const other = new IndividualStreams(['imaging', 'natural']);
    one.startIndividual(5, 0, 3);
    other.startIndividual(5, 0, 3);
    expect(one.stream(one.handleOf('imaging'))()).toBe(other.stream(other.handleOf('imaging'))());
  });

  it('refuses an undeclared purpose unless it was made open', () => {
    expect(() => new IndividualStreams(['natural']).handleOf('imagnig')).toThrow(/purpose 'imagnig' is not declared/);
    const open = new IndividualStreams(['natural'], true);
    expect(open.handleOf('imaging')).toBe(1);
    expect(open.handleOf('imaging')).toBe(1);
  });

  it("draws exactly seedrandom's Tyche-i sequence for the same 53-bit seed", () => {
    for (const [seed, index] of [
      [1, 0],
      [424242, 99_999],
      [0xffff_ffff, 0xffff_fffe],
    ] as const) {
      const coordinates = { seed, draw: 3, index, purpose: purposeId('natural') };
      const reference = tychei(streamSeed(coordinates.seed, coordinates.draw, coordinates.index, coordinates.purpose));
      const ours = openStream(coordinates);
      for (let i = 0; i < 1_000; i++) expect(ours()).toBe(reference());
    }
  });
});
