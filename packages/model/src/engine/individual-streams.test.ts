import { describe, expect, it } from 'vitest';
import { IndividualStreams } from './individual-streams.js';
import { openStream, purposeId } from './random-streams.js';

describe('IndividualStreams', () => {
  it('replays exactly what a freshly opened stream gives, for every strategy', () => {
    const streams = new IndividualStreams();
    streams.startIndividual(5, 2, 77);
    const first = Array.from({ length: 10 }, streams.stream('natural'));
    streams.rewind();
    const second = Array.from({ length: 100 }, streams.stream('natural')); // past the record: continues the generator
    const fresh = openStream({ seed: 5, draw: 2, index: 77, purpose: purposeId('natural') });
    const expected = Array.from({ length: 100 }, fresh);
    expect(first).toEqual(expected.slice(0, 10));
    expect(second).toEqual(expected);
  });

  it('keys streams by individual and purpose', () => {
    const streams = new IndividualStreams();
    streams.startIndividual(5, 0, 1);
    const a = streams.stream('natural')();
    const b = streams.stream('imaging')();
    streams.startIndividual(5, 0, 2);
    const c = streams.stream('natural')();
    expect(new Set([a, b, c]).size).toBe(3);
    expect(a).toBe(openStream({ seed: 5, draw: 0, index: 1, purpose: purposeId('natural') })());
  });
});
