import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IncrementalRow, incrementalAnalysis, type StrategyOutcome } from './incremental-analysis.js';

const byId = (rows: readonly IncrementalRow[]) => new Map(rows.map((r) => [r.id, r]));

describe('incremental analysis', () => {
  it('finds strong and extended dominance and the frontier ICERs (worked by hand)', () => {
    // Frontier A → B → C: ICERs 100 and 200/0.5 = 400. E costs more than B for less effect (D).
    // D lies above the B–C line: D vs B 150/0.2 = 750 > C vs D 50/0.3 ≈ 167 (ED).
    const analysis = incrementalAnalysis(
      [
        { id: 'C', cost: 300, effect: 1.5 },
        { id: 'A', cost: 0, effect: 0 },
        { id: 'E', cost: 200, effect: 0.9 },
        { id: 'D', cost: 250, effect: 1.2 },
        { id: 'B', cost: 100, effect: 1 },
      ],
      350,
    );
    const rows = byId(analysis.rows);
    expect(analysis.rows.map((r) => r.id)).toEqual(['C', 'A', 'E', 'D', 'B']); // input order kept
    expect(analysis.frontier).toEqual(['A', 'B', 'C']);
    expect(rows.get('A')).toMatchObject({ status: 'ND', icer: null, comparator: null });
    expect(rows.get('B')).toMatchObject({ status: 'ND', icer: 100, comparator: 'A' });
    expect(rows.get('C')).toMatchObject({ status: 'ND', comparator: 'B', incrementalCost: 200 });
    expect(rows.get('C')?.icer).toBeCloseTo(400, 12);
    expect(rows.get('E')).toMatchObject({ status: 'D', dominatedBy: 'B', icer: null });
    expect(rows.get('D')).toMatchObject({ status: 'ED', dominatedBy: 'B–C', icer: null });
    // At 350 per unit of effect C's ICER (400) is too high: B has the highest NMB.
    expect(analysis.preferred).toBe('B');
    expect(rows.get('B')?.netMonetaryBenefit).toBe(250);
    expect(rows.get('B')?.netHealthBenefit).toBeCloseTo(1 - 100 / 350, 12);
  });

  it('removes extended dominance repeatedly when one removal exposes another', () => {
    // ICERs along A–B–C–D: 100, 50, 25 → B goes (100 > 50), then C (A–C 75 > C–D 25).
    const analysis = incrementalAnalysis(
      [
        { id: 'A', cost: 0, effect: 0 },
        { id: 'B', cost: 100, effect: 1 },
        { id: 'C', cost: 150, effect: 2 },
        { id: 'D', cost: 175, effect: 3 },
      ],
      100,
    );
    expect(analysis.frontier).toEqual(['A', 'D']);
    expect(byId(analysis.rows).get('D')?.icer).toBeCloseTo(175 / 3, 12);
    expect(analysis.rows.filter((r) => r.status === 'ED').map((r) => [r.id, r.dominatedBy])).toEqual([
      ['B', 'A–D'],
      ['C', 'A–D'],
    ]);
  });

  it('a cost-saving strategy that is also more effective dominates and has no ICER', () => {
    const analysis = incrementalAnalysis(
      [
        { id: 'usual care', cost: 1000, effect: 5 },
        { id: 'new', cost: 800, effect: 5.5 },
      ],
      50_000,
    );
    const rows = byId(analysis.rows);
    expect(rows.get('new')).toMatchObject({ status: 'ND', icer: null });
    expect(rows.get('usual care')).toMatchObject({ status: 'D', dominatedBy: 'new' });
    expect(analysis.frontier).toEqual(['new']);
    expect(analysis.preferred).toBe('new');
  });

  it('handles ties: equal cost, equal effect, and exact twins', () => {
    const analysis = incrementalAnalysis(
      [
        { id: 'base', cost: 100, effect: 1 },
        { id: 'same cost, less effect', cost: 100, effect: 0.8 },
        { id: 'same effect, dearer', cost: 150, effect: 1 },
        { id: 'twin of base', cost: 100, effect: 1 },
        { id: 'better', cost: 300, effect: 2 },
        { id: 'twin of better', cost: 300, effect: 2 },
      ],
      1000,
    );
    const rows = byId(analysis.rows);
    expect(rows.get('same cost, less effect')).toMatchObject({ status: 'D', dominatedBy: 'base' });
    expect(rows.get('same effect, dearer')).toMatchObject({ status: 'D', dominatedBy: 'base' });
    expect(rows.get('twin of base')).toMatchObject({ status: 'ND', sameAs: 'base', icer: null });
    expect(rows.get('better')).toMatchObject({ status: 'ND', icer: 200, comparator: 'base' });
    expect(rows.get('twin of better')).toMatchObject({ status: 'ND', icer: 200, sameAs: 'better' });
    expect(analysis.frontier).toEqual(['base', 'better']);
    expect(analysis.preferred).toBe('better'); // first listed of the two equal best
  });

  it('a single strategy is the frontier; WTP 0 has no net health benefit', () => {
    const analysis = incrementalAnalysis([{ id: 'only', cost: 10, effect: 1 }], 0);
    expect(analysis.rows[0]).toMatchObject({
      status: 'ND',
      icer: null,
      netMonetaryBenefit: -10,
      netHealthBenefit: null,
    });
    expect(analysis.preferred).toBe('only');
  });

  it('collinear strategies (equal ICERs) all stay on the frontier', () => {
    const analysis = incrementalAnalysis(
      [
        { id: 'A', cost: 0, effect: 0 },
        { id: 'B', cost: 100, effect: 1 },
        { id: 'C', cost: 200, effect: 2 },
      ],
      100,
    );
    expect(analysis.frontier).toEqual(['A', 'B', 'C']);
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => incrementalAnalysis([], 1)).toThrow(/at least one strategy/);
    expect(() => incrementalAnalysis([{ id: 'a', cost: 1, effect: 1 }], -5)).toThrow(
      /willingnessToPay: got -5, must be a finite number ≥ 0/,
    );
    expect(() => incrementalAnalysis([{ id: 'a', cost: Number.NaN, effect: 1 }], 1)).toThrow(/strategy 'a'/);
    expect(() =>
      incrementalAnalysis(
        [
          { id: 'a', cost: 1, effect: 1 },
          { id: 'a', cost: 2, effect: 2 },
        ],
        1,
      ),
    ).toThrow(/appears twice/);
  });

  it('property: the strategy chosen by the ICER rule has the highest net monetary benefit', () => {
    const strategies = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        cost: fc.integer({ min: 0, max: 50 }),
        effect: fc.integer({ min: 0, max: 10 }),
      }),
      { minLength: 1, maxLength: 8, selector: (s) => s.id },
    );
    fc.assert(
      fc.property(strategies, fc.integer({ min: 0, max: 60 }), (outcomes: StrategyOutcome[], wtp) => {
        const analysis = incrementalAnalysis(outcomes, wtp);
        const rows = byId(analysis.rows);
        // Walk the frontier while the next ICER is affordable.
        let chosen = analysis.frontier[0] as string;
        for (const id of analysis.frontier.slice(1)) if ((rows.get(id)?.icer as number) <= wtp) chosen = id;
        const best = Math.max(...analysis.rows.map((r) => r.netMonetaryBenefit));
        expect(rows.get(chosen)?.netMonetaryBenefit).toBe(best);
        expect(rows.get(analysis.preferred)?.netMonetaryBenefit).toBe(best);
        // Frontier ICERs increase; every dominated strategy names an existing dominator.
        const icers = analysis.frontier.slice(1).map((id) => rows.get(id)?.icer as number);
        icers.forEach((v, i) => {
          if (i > 0) expect(v).toBeGreaterThanOrEqual(icers[i - 1] as number);
        });
        for (const row of analysis.rows) if (row.status === 'D') expect(rows.has(row.dominatedBy as string)).toBe(true);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
