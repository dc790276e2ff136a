// Random streams keyed by coordinates (seed, PSA draw, individual index, purpose).
//
// A stream never depends on which worker runs it or in what order, so any blocking of
// individuals gives the same numbers. The generator is Tyche-i, seeded exactly as
// seedrandom's `tychei` (tyche-i.ts; a test compares the two): it passes BigCrush, draws
// ~100M uniforms/s here and accepts a 53-bit integer seed with a cheap set-up, which matters
// because every individual opens several streams. docs/engine.md records the measurements.
import { TycheI } from './tyche-i.js';

/** A source of uniform numbers in [0, 1) with 32-bit resolution. */
export type Uniform = () => number;

/** The purposes the engine itself uses; models may add their own names. */
export const ENTRY_PURPOSE = 'entry';
export const NATURAL_PURPOSE = 'natural';
/** The engine's purposes, in handle order (see handles.ts: the model's purposes follow). */
export const ENGINE_PURPOSES = [ENTRY_PURPOSE, NATURAL_PURPOSE] as const;

export interface StreamCoordinates {
  readonly seed: number;
  readonly draw: number;
  readonly index: number;
  readonly purpose: number;
}

const UINT32_LIMIT = 0x1_0000_0000;

/** murmur3's 32-bit finaliser: a bijection on 32-bit words with full avalanche. */
function fmix32(word: number): number {
  let h = word >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit id for a purpose name (FNV-1a), so purposes can be named freely. */
export function purposeId(name: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x0100_0193);
  }
  return h >>> 0;
}

export function requireUint32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= UINT32_LIMIT) {
    throw new RangeError(`random stream: ${name} must be an integer in [0, 2^32), got ${value}`);
  }
}

/**
 * The 53-bit integer seed for one stream. Two chains with different salts give the low 32
 * and high 21 bits. Each chain step is a bijection in its input, so for fixed
 * (seed, draw, purpose) distinct individuals always get distinct seeds.
 */
export function streamSeed(seed: number, draw: number, index: number, purpose: number): number {
  let lo = fmix32(seed ^ 0x9e37_79b9);
  lo = fmix32(lo ^ draw);
  lo = fmix32(lo ^ purpose);
  lo = fmix32(lo ^ index);
  let hi = fmix32(seed ^ 0x7f4a_7c15);
  hi = fmix32((hi + draw) ^ 0x2545_f491);
  hi = fmix32((hi + purpose) ^ 0x68e3_1da4);
  hi = fmix32((hi + index) ^ 0xb529_7a4d);
  return (hi & 0x1f_ffff) * UINT32_LIMIT + lo;
}

/** Opens the stream at the given coordinates. */
export function openStream(coordinates: StreamCoordinates): Uniform {
  const { seed, draw, index, purpose } = coordinates;
  requireUint32('seed', seed);
  requireUint32('draw', draw);
  requireUint32('individual index', index);
  requireUint32('purpose', purpose);
  const generator = new TycheI();
  generator.seed(streamSeed(seed, draw, index, purpose));
  return () => generator.next();
}
