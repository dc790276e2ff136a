import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { explore, FRESH_REPLICATE, REPORT_THRESHOLDS, SELECTION_REPLICATE, thresholdGrid } from './explore.js';
import { type StandInCall, standInEvaluator } from './explore-stand-in.test-util.js';
import { ceafPoints, checkFrontierPsaSettings, FRONTIER_PSA_FIRST_REPLICATE } from './frontier-psa.js';
import { candidateSet, type PolicySpaceInput } from './policy-space.js';

describe('ceafPoints on a known net-benefit matrix', () => {
  // At 100 per QALY with 1 QALY each, cost = 100 − NMB. Per draw NMB:
  //   A: 10 10 10 10 (mean 10)   B: 12 12 8 2 (mean 8.5)   C: 0 0 0 30 (mean 7.5)
  // Winners: B, B, A, C — so B is most often optimal, yet A has the highest expected NMB.
  const nmb = [
    [10, 12, 0],
    [10, 12, 0],
    [10, 8, 0],
    [10, 2, 30],
  ];
  const costs = nmb.map((row) => row.map((v) => 100 - v));
  const qalys = nmb.map((row) => row.map(() => 1));
  // Inner covariance of (C_A, C_B, C_C, Q_A, Q_B, Q_C), upper triangle row by row, m = 6.
  const m = 6;
  const cov = new Array<number>((m * (m + 1)) / 2).fill(0);
  const at = (i: number, j: number) => i * m - (i * (i - 1)) / 2 + (j - i);
  cov[at(0, 0)] = 4;
  cov[at(1, 1)] = 9;
  cov[at(0, 1)] = 1;
  cov[at(3, 3)] = 0.0001;
  cov[at(0, 3)] = 0.01;
  const [point] = ceafPoints(['A', 'B', 'C'], costs, qalys, [100], [cov, cov, cov, cov]);

  it('gives each probability of being optimal with its binomial MCSE over draws', () => {
    expect(point?.probabilityOptimal.map((p) => p.mean)).toEqual([0.25, 0.5, 0.25]);
    expect(point?.probabilityOptimal[1]?.mcse).toBeCloseTo(Math.sqrt((0.5 * 0.5) / 4), 12);
    expect(point?.expectedNetBenefit).toEqual([10, 8.5, 7.5]);
  });

  it('puts the strategy with the highest expected net benefit on the frontier, not the most probable one', () => {
    expect(point?.optimal).toBe('A');
    expect(point?.probabilityOfOptimal.mean).toBe(0.25);
    expect(point?.probabilityOfOptimal.mcse).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 4), 12);
    expect(point?.rival).toBe('B');
  });

  it('separates the spread of the optimal-versus-rival difference from its inner-loop noise', () => {
    // A − B per draw: −2, −2, 2, 8 (mean 1.5).
    expect(point?.rivalDifferenceSd).toBeCloseTo(Math.sqrt((3.5 ** 2 * 2 + 0.5 ** 2 + 6.5 ** 2) / 3), 12);
    // λ²·Var(ΔQ) − 2λ·Cov(ΔC, ΔQ) + Var(ΔC) = 1 − 2 + (4 + 9 − 2) = 10.
    expect(point?.rivalDifferenceInnerMcse).toBeCloseTo(Math.sqrt(10), 12);
  });

  it('refuses bad settings, naming the value and what is allowed', () => {
    expect(() => checkFrontierPsaSettings({ draws: 1, patients: 1000 })).toThrow(
      /frontier PSA draws: got 1, must be a whole number from 2/,
    );
    expect(() => checkFrontierPsaSettings({ draws: 10, patients: 50.5 })).toThrow(/frontier PSA patients: got 50.5/);
  });
});

describe('explore with a frontier PSA (stand-in model)', async () => {
  const space: PolicySpaceInput = {
    comparator: 'chest-only',
    modalities: ['contrastCt', 'chestCt'],
    periods: [
      { fromYear: 0, toYear: 2, intervalsMonths: [3, 12] },
      { fromYear: 2, toYear: 5, intervalsMonths: [12] },
    ],
    durationsYears: [5],
    riskGroups: ['all', 'retroperitonealOrLms'],
    othersGet: ['chestCt'],
    search: { screenPatients: 200, finalPatients: 2_000, budgetPatients: 100_000 },
  };
  const set = candidateSet(space);
  const calls: StandInCall[] = [];
  const draws = 6;
  const result = await explore(set, 3, standInEvaluator(calls), undefined, {
    frontierPsa: { draws, patients: 300, calibration: COMMITTED_CALIBRATION },
  });
  const psa = result.frontierPsa;

  it('runs the comparator and the fresh frontier on streams of their own, one per draw', () => {
    expect(psa).toBeDefined();
    const frontier = result.frontier.map((f) => f.id).filter((id) => id !== set.comparator.id);
    expect(psa?.strategies.map((s) => s.id)).toEqual([set.comparator.id, ...frontier]);
    const psaCalls = calls.filter((c) => c.replicate !== SELECTION_REPLICATE && c.replicate !== FRESH_REPLICATE);
    expect(psaCalls.map((c) => c.replicate)).toEqual(
      Array.from({ length: draws }, (_, d) => FRONTIER_PSA_FIRST_REPLICATE + d),
    );
    expect(psaCalls.every((c) => c.patients === 300)).toBe(true);
    expect(psa?.histories).toBe(draws * 300 * (frontier.length + 1));
  });

  it('gives at every threshold of the grid probabilities that sum to 1, and the CEAF from the draws', () => {
    expect(psa?.points.map((p) => p.willingnessToPay)).toEqual(thresholdGrid(set.space.search));
    expect(psa?.atReportThresholds.map((p) => p.willingnessToPay)).toEqual([...REPORT_THRESHOLDS]);
    const psaCalls = calls.filter((c) => c.replicate >= FRONTIER_PSA_FIRST_REPLICATE);
    for (const p of psa?.points ?? []) {
      const total = p.probabilityOptimal.reduce((s, x) => s + x.mean, 0);
      expect(total).toBeCloseTo(1, 12);
      // The expected net benefit is the mean over the draws the evaluator returned.
      const k = psa?.strategies.findIndex((s) => s.id === p.optimal) as number;
      const mean =
        psaCalls.reduce((s, c) => {
          const o = c.outcome.strategies[k] as { cost: number; qalys: number };
          return s + p.willingnessToPay * o.qalys - o.cost;
        }, 0) / draws;
      expect(p.expectedNetBenefit[k]).toBeCloseTo(mean, 6);
      expect(Math.max(...p.expectedNetBenefit)).toBe(p.expectedNetBenefit[k]);
    }
  });
});
