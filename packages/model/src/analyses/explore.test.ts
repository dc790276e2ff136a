import { describe, expect, it } from 'vitest';
import { incrementalAnalysis } from '../economics/incremental-analysis.js';
import { netBenefit } from '../economics/net-benefit.js';
import {
  type CandidateEstimate,
  explore,
  FRESH_REPLICATE,
  inmbOf,
  keepNearFrontier,
  SELECTION_REPLICATE,
  thresholdGrid,
} from './explore.js';
import { type StandInCall, standInEvaluator, trueOutcome } from './explore-stand-in.test-util.js';
import { type CandidateSet, candidateSet, type PolicySpaceInput } from './policy-space.js';

const SPACE: PolicySpaceInput = {
  comparator: 'chest-only',
  modalities: ['contrastCt', 'liverMri', 'chestCt'],
  periods: [
    { fromYear: 0, toYear: 2, intervalsMonths: [3, 6, 12] },
    { fromYear: 2, toYear: 5, intervalsMonths: [6, 12] },
  ],
  durationsYears: [2, 5],
  riskGroups: ['all', 'retroperitoneal', 'retroperitonealOrLms'],
  othersGet: ['chestCt', 'nothing'],
  search: {
    screenPatients: 200,
    growth: 4,
    finalPatients: 10_000,
    budgetPatients: 3_000_000,
    keepWithinMcse: 3,
    thresholds: { min: 0, max: 200_000, step: 10_000 },
  },
};
const SEED = 7;

/** Every candidate at `patients` on the selection streams, as one would without adaptive selection. */
async function fullEvaluation(set: CandidateSet, patients: number) {
  const evaluate = standInEvaluator();
  const means = new Map<string, { cost: number; effect: number }>();
  for (let i = 0; i < set.candidates.length; i += 11) {
    const strategies = [set.comparator, ...set.candidates.slice(i, i + 11).map((c) => c.strategy)];
    const outcome = await evaluate(
      { ...set.scenario, patients, seed: SEED, strategies: strategies as typeof set.scenario.strategies },
      SELECTION_REPLICATE,
    );
    for (const s of outcome.strategies) means.set(s.id, { cost: s.cost, effect: s.qalys });
  }
  return means;
}

/** Strategies with the highest net benefit of `means` at some threshold of the grid. */
function optimalSomewhere(means: ReadonlyMap<string, { cost: number; effect: number }>, grid: readonly number[]) {
  const out = new Set<string>();
  for (const wtp of grid) {
    let best = '';
    let value = -Infinity;
    for (const [id, m] of means) {
      const nb = netBenefit(wtp, m.effect, m.cost);
      if (nb > value) [best, value] = [id, nb];
    }
    out.add(best);
  }
  return out;
}

describe('explore on a stand-in model with a computable frontier', async () => {
  const set = candidateSet(SPACE);
  const calls: StandInCall[] = [];
  const result = await explore(set, SEED, standInEvaluator(calls));
  const grid = thresholdGrid(set.space.search);

  it('screens every candidate, then concentrates patients on fewer', () => {
    expect(result.stages[0]?.candidates).toBe(set.candidates.length);
    expect(result.stages.length).toBeGreaterThan(1);
    for (let i = 1; i < result.stages.length; i++) {
      const [before, now] = [result.stages[i - 1], result.stages[i]];
      expect(now?.candidates).toBe(before?.kept);
      expect(now?.patients).toBeGreaterThan(before?.patients as number);
    }
    expect(result.stages.at(-1)?.kept).toBeLessThan(set.candidates.length / 3);
    const spent = result.stages.reduce((s, st) => s + st.histories, 0);
    expect(spent).toBeLessThanOrEqual(set.space.search.budgetPatients);
  });

  it('never drops a strategy that the full evaluation puts on the frontier (within the threshold grid)', async () => {
    const full = await fullEvaluation(set, set.space.search.finalPatients);
    const onFullFrontier = new Set(
      incrementalAnalysis(
        [...full].map(([id, m]) => ({ id, ...m })),
        0,
      ).frontier,
    );
    const needed = [...optimalSomewhere(full, grid)].filter((id) => onFullFrontier.has(id) && id !== set.comparator.id);
    expect(needed.length).toBeGreaterThanOrEqual(3); // the check is not vacuous
    const rows = new Map(result.rows.map((r) => [r.id, r]));
    for (const id of needed) expect(rows.get(id)?.status, id).toMatch(/^(frontier|final)$/);
  });

  it('finds the true optimum at the reported thresholds where the truth separates it clearly', () => {
    const truth = new Map(
      [set.comparator, ...set.candidates.map((c) => c.strategy)].map((s) => [s.id, trueOutcome(s)]),
    );
    let checked = 0;
    for (const row of result.atReportThresholds) {
      const ranked = [...truth]
        .map(([id, t]) => ({ id, nb: netBenefit(row.willingnessToPay, t.qalys, t.cost) }))
        .sort((a, b) => b.nb - a.nb);
      const [best, second] = ranked as [{ id: string; nb: number }, { id: string; nb: number }];
      // A gap of 10 MCSEs of the reported margin cannot be a Monte Carlo accident.
      const se = row.marginOverRunnerUp?.mcse ?? row.inmbVsComparator.mcse;
      if (best.nb - second.nb < 10 * se) continue;
      expect(row.optimal).toBe(best.id);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('reports every figure from the fresh re-evaluation, not the selection streams', () => {
    const freshCalls = calls.filter((c) => c.replicate === FRESH_REPLICATE);
    expect(freshCalls.length).toBe(result.fresh.runs);
    expect(freshCalls.every((c) => c.patients === set.space.search.finalPatients)).toBe(true);
    const freshMeans = new Map(freshCalls.flatMap((c) => c.outcome.strategies.map((s) => [s.id, s])));
    for (const row of result.frontier) {
      expect(row.estimate.cost.mean).toBe(freshMeans.get(row.id)?.cost);
      expect(row.estimate.qalys.mean).toBe(freshMeans.get(row.id)?.qalys);
      expect(row.estimate.patients).toBe(set.space.search.finalPatients);
    }
    for (const row of result.thresholds) {
      const fresh = result.rows.find((r) => r.id === row.optimal)?.fresh;
      if (fresh === undefined) continue; // the comparator
      expect(fresh).not.toBeNull();
      expect(row.inmbVsComparator).toEqual(inmbOf(fresh as CandidateEstimate, row.willingnessToPay));
      expect(row.inmbVsComparator.mean).not.toBe(row.selectedInmbVsComparator?.mean);
    }
    // The correction is the selection estimate minus the fresh one.
    for (const c of result.selectionCorrection) {
      const r = result.rows.find((x) => x.id === c.id);
      expect(c.deltaCost.mean).toBeCloseTo((r?.selection.deltaCost.mean ?? 0) - (r?.fresh?.deltaCost.mean ?? 0), 9);
    }
  });

  it('gives exact paired Fieller intervals that contain the frontier ICERs', () => {
    expect(result.frontier.length).toBeGreaterThanOrEqual(3);
    for (const row of result.frontier.slice(1)) {
      expect(row.icerInterval?.kind).toBe('bounded');
      expect(row.icerInterval?.low as number).toBeLessThanOrEqual(row.icer as number);
      expect(row.icerInterval?.high as number).toBeGreaterThanOrEqual(row.icer as number);
    }
  });

  it('counts factor levels on the frontier', () => {
    const frontierCandidates = result.frontier.filter((r) => r.factors !== null).length;
    for (const factor of ['modality', 'durationYears', 'riskGroup'] as const) {
      const levels = result.levelFrequency.filter((l) => l.factor === factor);
      expect(levels.reduce((s, l) => s + l.onFrontier, 0)).toBe(frontierCandidates);
      expect(levels.reduce((s, l) => s + l.candidates, 0)).toBe(set.candidates.length);
    }
  });

  it('runs the leaders beside the comparator in every batch after the first stage, counting what it simulates', () => {
    expect(result.stages[0]?.leaders).toEqual([]);
    const later = result.stages.slice(1);
    expect(later.length).toBeGreaterThan(0);
    const selectionCalls = calls.filter((c) => c.replicate === SELECTION_REPLICATE);
    let at = result.stages[0]?.runs as number;
    for (const stage of later) {
      expect(stage.leaders?.length).toBeGreaterThanOrEqual(1);
      expect(stage.leaders?.length).toBeLessThanOrEqual(set.space.search.leadersPerRun);
      for (const call of selectionCalls.slice(at, at + stage.runs)) {
        const ids = call.outcome.strategies.map((s) => s.id);
        expect(ids.slice(0, 1 + (stage.leaders?.length ?? 0))).toEqual([set.comparator.id, ...(stage.leaders ?? [])]);
      }
      at += stage.runs;
    }
    // Histories are what was simulated: every strategy of every run, leaders once per run.
    const simulated = (cs: readonly StandInCall[]) =>
      cs.reduce((s, c) => s + c.patients * c.outcome.strategies.length, 0);
    expect(result.stages.reduce((s, st) => s + st.histories, 0)).toBe(simulated(selectionCalls));
    expect(result.historiesTotal).toBe(simulated(calls));
  });

  it('prunes harder with the paired rule than with the Minkowski bound alone, at the same patients', async () => {
    const minkowski = await explore(
      candidateSet({ ...SPACE, search: { ...SPACE.search, leadersPerRun: 0 } }),
      SEED,
      standInEvaluator(),
    );
    // The first stage has no leaders in either, so the second stage starts from the same candidates.
    expect(minkowski.stages[0]).toEqual(result.stages[0]);
    const [paired, bound] = [result.stages[1], minkowski.stages[1]];
    expect(paired?.candidates).toBe(bound?.candidates);
    expect(paired?.patients).toBe(bound?.patients);
    expect(paired?.kept as number).toBeLessThan(bound?.kept as number);
  });

  it('is reproducible: the same seed gives the same result', async () => {
    const again = await explore(set, SEED, standInEvaluator());
    expect(again).toEqual(result);
  });
});

describe('explore when the budget runs out before the survivors fit one run', async () => {
  const screening = candidateSet(SPACE);
  const n = screening.candidates.length;
  const budget = 200 * (n + Math.ceil(n / 11));
  const set = candidateSet({ ...SPACE, search: { ...SPACE.search, budgetPatients: budget } });
  const result = await explore(set, SEED, standInEvaluator());

  it('stops after screening and re-evaluates the survivors’ selection frontier on fresh streams', () => {
    expect(result.stages).toHaveLength(1);
    const survivors = result.rows.filter((r) => r.status !== 'dropped');
    expect(survivors.length).toBeGreaterThan(11);
    expect(result.rows.some((r) => r.status === 'survivor')).toBe(true);
    for (const f of result.frontier) {
      if (f.id === set.comparator.id) continue;
      expect(f.estimate).toEqual(result.rows.find((r) => r.id === f.id)?.fresh);
    }
    expect(result.stages[0]?.histories).toBeLessThanOrEqual(budget);
  });
});

describe('keepNearFrontier', () => {
  const estimate = (dc: number, dq: number, se: number): CandidateEstimate => ({
    patients: 100,
    cost: { mean: 0, mcse: 0 },
    qalys: { mean: 0, mcse: 0 },
    deltaCost: { mean: dc, mcse: se },
    deltaQalys: { mean: dq, mcse: 0 },
    deltaCovariance: 0,
  });

  it('keeps what is within k bounds of the best at some threshold and drops the rest', () => {
    const estimates = new Map([
      ['cheap-good', estimate(100, 0.01, 10)], // INMB at 100k: 900
      ['close', estimate(150, 0.01, 10)], // 850: 50 below, bound 3·20 = 60
      ['far', estimate(300, 0.01, 10)], // 700
      ['dominated', estimate(500, -0.01, 10)],
    ]);
    const kept = keepNearFrontier(estimates, [100_000], 3);
    expect([...kept].sort()).toEqual(['cheap-good', 'close']);
    // At threshold 0 the comparator (INMB 0) is best and nothing costing ≥ 100 ± 30 is near it.
    expect(keepNearFrontier(estimates, [0], 3).size).toBe(0);
  });
});
