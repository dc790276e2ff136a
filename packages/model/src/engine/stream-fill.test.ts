// fillUniforms gives exactly openStream's numbers, for any coordinates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStream } from './random-streams.js';
import { fillUniforms } from './stream-fill.js';

const uint32 = fc.integer({ min: 0, max: 0xffff_ffff });

describe('fillUniforms', () => {
  it('equals the first draws of openStream bit for bit', () => {
    fc.assert(
      fc.property(uint32, uint32, uint32, uint32, fc.integer({ min: 0, max: 200 }), (seed, draw, index, purpose, n) => {
        const filled = new Float64Array(n);
        fillUniforms(filled, n, seed, draw, index, purpose);
        const stream = openStream({ seed, draw, index, purpose });
        expect(Array.from(filled)).toEqual(Array.from({ length: n }, () => stream()));
      }),
      { numRuns: 300 },
    );
  });
});
