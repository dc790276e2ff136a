// Fills a typed array with the first uniforms of one random stream, without opening a
// generator object.
//
// This is seedrandom's Tyche-i (Neves & Araujo 2011) as `openStream` seeds it (an integer
// seed sets the state words a and b, then 20 rounds are discarded), inlined on local
// variables: the same numbers bit for bit (stream-fill.test.ts checks against openStream),
// but no objects or closures per stream. Opening a seedrandom generator allocates about six
// objects, which dominated a cycle model's time (garbage collection) when every individual
// opens a stream.
import { streamSeed } from './random-streams.js';

const UINT32 = 0x1_0000_0000;

/** target[0 … count − 1] = the stream's first `count` uniforms in [0, 1). */
export function fillUniforms(
  target: Float64Array,
  count: number,
  seed: number,
  draw: number,
  index: number,
  purpose: number,
): void {
  const seed53 = streamSeed(seed, draw, index, purpose);
  let a = (seed53 / UINT32) | 0;
  let b = seed53 | 0;
  let c = 2654435769 | 0;
  let d = 1367130551;
  for (let k = -20; k < count; k++) {
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    if (k >= 0) target[k] = (a >>> 0) / UINT32;
  }
}
