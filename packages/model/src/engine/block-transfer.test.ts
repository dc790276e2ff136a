import { describe, expect, it } from 'vitest';
import { illnessDeathExample } from '../examples/illness-death.js';
import { fromTransferable, mergeTransferable, toTransferable } from './block-transfer.js';
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
    expect(() => mergeTransferable(first, { ...data, curveEntered: [new Float64Array(1)] })).toThrow(
      'curveEntered[0] has 1 values, expected 2',
    );
    expect(() => mergeTransferable(first, { ...data, pairedCrossSums: new Float64Array([3]) })).toThrow(
      'pairedCrossSums has 3 slots, expected 21',
    );
    expect(JSON.stringify(summarize(first))).toBe(before); // a bad block leaves the total untouched
  });
});
