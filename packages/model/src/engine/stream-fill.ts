// Fills a typed array with the first uniforms of one random stream: the engine's own Tyche-i
// (tyche-i.ts), reseeded in place, so a cycle model's individuals open no generator objects
// (opening a seedrandom generator allocates about six, which dominated a cycle model's time in
// garbage collection). The numbers are openStream's, bit for bit (stream-fill.test.ts).
import { streamSeed } from './random-streams.js';
import { TycheI } from './tyche-i.js';

const generator = new TycheI();

/** target[0 … count − 1] = the stream's first `count` uniforms in [0, 1). */
export function fillUniforms(
  target: Float64Array,
  count: number,
  seed: number,
  draw: number,
  index: number,
  purpose: number,
): void {
  generator.seed(streamSeed(seed, draw, index, purpose));
  for (let k = 0; k < count; k++) target[k] = generator.next();
}
