import { describe, expect, it } from 'vitest';
import { illnessDeathExample } from '../examples/illness-death.js';
import { bufferOf, fromTransferable, mergeTransferable, toTransferable } from './block-transfer.js';
import { summarize } from './results.js';
import { createRunner } from './simulator.js';

const runner = createRunner(illnessDeathExample());
const block = (firstIndex: number, count: number) => runner.run({ seed: 3, draw: 0, firstIndex, count });

describe('block transfer', () => {
  it('round-trips a block and merges transferred blocks exactly like local ones', () => {
    const local = block(0, 200);
    local.merge(block(200, 300));
    const transferred = fromTransferable(runner.layout, toTransferable(block(0, 200)).block);
    mergeTransferable(transferred, toTransferable(block(200, 300)).block);
    expect(JSON.stringify(summarize(transferred))).toBe(JSON.stringify(summarize(local)));
  });

  it('refuses data that does not fit the layout or the order', () => {
    const first = fromTransferable(runner.layout, toTransferable(block(0, 10)).block);
    expect(() => mergeTransferable(first, toTransferable(block(20, 10)).block)).toThrow(
      'expected a block starting at 10, got 20',
    );
    const before = JSON.stringify(summarize(first));
    const { block: data } = toTransferable(block(10, 10));
    expect(() => mergeTransferable(first, { ...data, counts: new Float64Array(1) })).toThrow(
      `the block has 1 counts, expected ${data.counts.length}`,
    );
    expect(() => mergeTransferable(first, { ...data, sums: new Float64Array([3]) })).toThrow(
      `the block has 3 exact sums, expected ${first.sums.slots}`,
    );
    expect(JSON.stringify(summarize(first))).toBe(before); // a bad block leaves the total untouched
  });

  it('merges through one routine: a local merge and a transferred one give the same buffers', () => {
    const local = block(0, 50);
    local.merge(block(50, 70));
    const transferred = block(0, 50);
    mergeTransferable(transferred, toTransferable(block(50, 70)).block);
    expect(transferred.counts).toEqual(local.counts);
    expect(transferred.sums.toArray()).toEqual(local.sums.toArray());
    expect(transferred.count).toBe(120);
  });

  it('transfers one buffer, whatever the number of curves and counters', () => {
    const { block: data, buffers } = toTransferable(block(0, 5));
    expect(buffers).toEqual([bufferOf(data)]);
    expect(data.sums.buffer).toBe(bufferOf(data));
  });

  it('fills a spare buffer that is large enough instead of making a new one', () => {
    const first = toTransferable(block(0, 40)).block;
    const tooSmall = new ArrayBuffer(8);
    const spare = [tooSmall, bufferOf(first)];
    const local = block(0, 40);
    local.merge(block(40, 60));
    const merged = fromTransferable(runner.layout, first); // merged before its buffer is reused
    const { block: next, buffers } = toTransferable(block(40, 60), spare);
    expect(buffers).toEqual([bufferOf(first)]);
    expect(spare).toEqual([tooSmall]);
    mergeTransferable(merged, next);
    expect(merged.counts).toEqual(local.counts);
    expect(merged.sums.toArray()).toEqual(local.sums.toArray());
  });
});
