// Exploration of a policy space: every candidate on common random numbers, successive
// stages that spend patients near the frontier, and a re-evaluation of the final frontier
// on fresh, independent random numbers from which every reported figure comes.
//
// Each run holds at most 12 strategies (the scenario's cap; the paired moments grow with
// the square of the strategies), so candidates run in batches of 11 beside the comparator.
// A patient's random numbers depend only on (seed, replicate, patient index), never on the
// other strategies of the run, so every batch simulates the same patients and a candidate's
// means do not depend on its batch. The paired covariance, though, is known only within a
// run, so after the first stage the current leaders (the best at the thresholds of the grid)
// run in every batch too: each candidate's difference from a leader then has an exact paired
// error. Against anything it never shared a run with, the selection uses Minkowski's bound
// SE(a − b) ≤ SE(a − c) + SE(b − c), which errs towards keeping candidates. The reported
// frontier's neighbours always share a run, so their ICER intervals are exact paired ones.
// Method: docs/explore.md.
import { CURRENCY } from '../economics/economic-settings.js';
import { type IncrementalAnalysis, incrementalAnalysis } from '../economics/incremental-analysis.js';
import { netBenefit } from '../economics/net-benefit.js';
import { type ContrastEstimate, fiellerInterval, type IcerInterval } from '../economics/paired-precision.js';
import type { CalibrationSet } from '../evidence/registry.js';
import type { SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';
import type { SarcomaScenario } from '../scenario/scenario.js';
import { SARCSIM_VERSION } from '../version.js';
import { type DrawOutcome, innerCovarianceAt } from './draw-outcome.js';
import {
  checkFrontierPsaSettings,
  type FrontierPsa,
  type FrontierPsaSettings,
  runFrontierPsa,
} from './frontier-psa.js';
import {
  CANDIDATES_PER_RUN,
  type CandidateFactors,
  type CandidateSet,
  FACTOR_NAMES,
  factorLevel,
  historiesFor,
  type SearchSettings,
} from './policy-space.js';
import type { EvaluateScenario } from './psa.js';

/** Stream replicate of the selection stages, and of the fresh re-evaluation: independent streams, as two PSA draws. */
export const SELECTION_REPLICATE = 0;
export const FRESH_REPLICATE = 1;
/** Thresholds the summary reports (USD per QALY). */
export const REPORT_THRESHOLDS = [50_000, 100_000, 150_000] as const;

/** One strategy's estimate in one run: own means and the paired contrast against the comparator. */
export interface CandidateEstimate {
  readonly patients: number;
  readonly cost: ContrastEstimate;
  readonly qalys: ContrastEstimate;
  /** This strategy minus the comparator, paired. */
  readonly deltaCost: ContrastEstimate;
  readonly deltaQalys: ContrastEstimate;
  /** Covariance of the two deltas' means (for the net benefit's MCSE at any threshold). */
  readonly deltaCovariance: number;
}

/** The selection's rule: kept if within `keepWithinMcse` bounds of the best net benefit at some threshold of the grid. */
export interface StageSummary {
  readonly stage: number;
  readonly patients: number;
  readonly candidates: number;
  readonly runs: number;
  /** Patient histories simulated: patients × every strategy of every run (comparator and leaders once per run). */
  readonly histories: number;
  readonly kept: number;
  /** The leaders run beside the comparator in every batch of this stage (none in the first). */
  readonly leaders?: readonly string[];
}

export interface CandidateRow {
  readonly id: string;
  readonly label: string;
  readonly factors: CandidateFactors;
  /** 'frontier': on the fresh frontier; 'final': re-evaluated, off it; 'survivor': survived selection, off the selection frontier; 'dropped'. */
  readonly status: 'frontier' | 'final' | 'survivor' | 'dropped';
  /** The stage after which it was dropped, or null. */
  readonly droppedAtStage: number | null;
  /** The selection estimate at the last stage it ran (selected seed: biased upward for survivors). */
  readonly selection: CandidateEstimate;
  /** The fresh re-evaluation (null if not re-evaluated). */
  readonly fresh: CandidateEstimate | null;
}

export interface FrontierRow {
  readonly id: string;
  readonly label: string;
  readonly factors: CandidateFactors | null;
  readonly estimate: CandidateEstimate;
  /** The next cheaper frontier strategy, null for the cheapest. */
  readonly comparator: string | null;
  readonly incrementalCost: ContrastEstimate | null;
  readonly incrementalQalys: ContrastEstimate | null;
  readonly icer: number | null;
  readonly icerInterval: IcerInterval | null;
}

export interface ThresholdRow {
  readonly willingnessToPay: number;
  readonly optimal: string;
  readonly optimalLabel: string;
  /** Incremental net benefit of the optimal schedule against the default comparator (fresh, paired). */
  readonly inmbVsComparator: ContrastEstimate;
  /** The same on the selection seed at the last stage (null for the comparator itself). */
  readonly selectedInmbVsComparator: ContrastEstimate | null;
  readonly runnerUp: string | null;
  /** Optimal minus runner-up net benefit, fresh and paired (null if there is no runner-up). */
  readonly marginOverRunnerUp: ContrastEstimate | null;
}

export interface SelectionCorrection {
  readonly id: string;
  readonly selectedPatients: number;
  /** Selected-seed minus fresh values (positive: the selection seed flattered the strategy). */
  readonly deltaCost: ContrastEstimate;
  readonly deltaQalys: ContrastEstimate;
  /** At each REPORT_THRESHOLDS value. */
  readonly inmb: readonly { readonly willingnessToPay: number; readonly correction: ContrastEstimate }[];
}

export interface LevelFrequency {
  readonly factor: (typeof FACTOR_NAMES)[number];
  readonly level: string;
  readonly candidates: number;
  readonly onFrontier: number;
}

export interface ExploreResult {
  readonly version: string;
  readonly currency: string;
  readonly seed: number;
  readonly selectionReplicate: number;
  readonly freshReplicate: number;
  readonly search: SearchSettings;
  readonly comparator: { readonly id: string; readonly label: string };
  readonly candidates: number;
  readonly duplicates: number;
  readonly stages: readonly StageSummary[];
  readonly fresh: { readonly patients: number; readonly runs: number; readonly histories: number };
  readonly historiesTotal: number;
  readonly frontier: readonly FrontierRow[];
  readonly thresholds: readonly ThresholdRow[];
  readonly atReportThresholds: readonly ThresholdRow[];
  readonly levelFrequency: readonly LevelFrequency[];
  readonly selectionCorrection: readonly SelectionCorrection[];
  readonly rows: readonly CandidateRow[];
  /** The PSA on the fresh frontier and the comparator (the CEAF), when asked for; its histories are not in `historiesTotal`. */
  readonly frontierPsa?: FrontierPsa;
}

export interface ExploreOptions {
  /** Run the frontier PSA, sampling parameters from `calibration` (the set the evaluator's runs use). */
  readonly frontierPsa?: FrontierPsaSettings & { readonly calibration: CalibrationSet };
}

export interface ExploreProgress {
  readonly phase: string;
  readonly historiesDone: number;
  /** Planned so far: grows as stages are planned. */
  readonly historiesPlanned: number;
  /** Candidates this phase runs (the survivors of the previous stage, or the final set). */
  readonly candidates: number;
}

/** One run of the comparator and a batch of candidates: means and their paired covariance. */
class Run {
  private readonly at: Map<string, number>;
  constructor(
    readonly ids: readonly string[],
    readonly outcome: DrawOutcome,
    readonly patients: number,
  ) {
    this.at = new Map(outcome.strategies.map((s, i) => [s.id, i]));
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  private index(id: string): number {
    const i = this.at.get(id);
    if (i === undefined) throw new RangeError(`explore: strategy '${id}' is not in this run`);
    return i;
  }

  /** Covariance of two means; `k` = strategy for cost, strategies + strategy for QALYs. */
  private cov(k: number, l: number): number {
    return innerCovarianceAt(this.outcome.innerCovariance, this.outcome.strategies.length, k, l);
  }

  mean(id: string, channel: 'cost' | 'qalys'): number {
    const s = this.outcome.strategies[this.index(id)];
    return channel === 'cost' ? (s?.cost as number) : (s?.qalys as number);
  }

  /** Paired contrast a − b: means, variances and covariance of Δcost and ΔQALYs. */
  contrast(a: string, b: string) {
    const S = this.outcome.strategies.length;
    const [ia, ib] = [this.index(a), this.index(b)];
    const [ca, cb, qa, qb] = [ia, ib, S + ia, S + ib];
    const diff = (x: number, y: number, u: number, v: number) =>
      this.cov(x, u) - this.cov(x, v) - this.cov(y, u) + this.cov(y, v);
    return {
      dCost: this.mean(a, 'cost') - this.mean(b, 'cost'),
      dQalys: this.mean(a, 'qalys') - this.mean(b, 'qalys'),
      vCost: Math.max(0, diff(ca, cb, ca, cb)),
      vQalys: Math.max(0, diff(qa, qb, qa, qb)),
      cov: diff(ca, cb, qa, qb),
    };
  }

  estimate(id: string, comparator: string): CandidateEstimate {
    const S = this.outcome.strategies.length;
    const i = this.index(id);
    const c = this.contrast(id, comparator);
    return {
      patients: this.patients,
      cost: { mean: this.mean(id, 'cost'), mcse: Math.sqrt(Math.max(0, this.cov(i, i))) },
      qalys: { mean: this.mean(id, 'qalys'), mcse: Math.sqrt(Math.max(0, this.cov(S + i, S + i))) },
      deltaCost: { mean: c.dCost, mcse: Math.sqrt(c.vCost) },
      deltaQalys: { mean: c.dQalys, mcse: Math.sqrt(c.vQalys) },
      deltaCovariance: c.cov,
    };
  }
}

/** Net benefit of `e` against the comparator at `wtp`, with its paired MCSE. */
export function inmbOf(e: CandidateEstimate, wtp: number): ContrastEstimate {
  const variance = wtp * wtp * e.deltaQalys.mcse ** 2 - 2 * wtp * e.deltaCovariance + e.deltaCost.mcse ** 2;
  return { mean: netBenefit(wtp, e.deltaQalys.mean, e.deltaCost.mean), mcse: Math.sqrt(Math.max(0, variance)) };
}

/** The threshold grid of the search settings, min to max inclusive. */
export function thresholdGrid(search: SearchSettings): number[] {
  const { min, max, step } = search.thresholds;
  const out: number[] = [];
  for (let i = 0; min + i * step <= max + 1e-9 * step; i++) out.push(min + i * step);
  return out;
}

/** Paired net-benefit difference a − b at a threshold when a and b shared a run, else null. */
export type PairedDifference = (a: string, b: string, wtp: number) => ContrastEstimate | null;

/**
 * The selection rule. At each threshold λ of the grid, let b be the candidate (or the
 * comparator, INMB 0 ± 0) with the highest INMB against the comparator. A candidate i is
 * beaten at λ by a reference r (b, and each of the stage's `leaders`) if
 * INMB_r − INMB_i > k · SE(INMB_r − INMB_i), with the exact paired SE when r and i shared a
 * run (`paired`; always so against the comparator and the leaders) and Minkowski's bound
 * SE_i + SE_r otherwise. It is kept if at some λ no reference beats it: it cannot be told,
 * at k errors, from the best at some threshold. The frontier strategies are exactly those
 * with the highest net benefit at some threshold, so this keeps every candidate that might
 * be on the frontier within the grid.
 */
export function keepNearFrontier(
  estimates: ReadonlyMap<string, CandidateEstimate>,
  grid: readonly number[],
  k: number,
  leaders: readonly string[] = [],
  paired: PairedDifference = () => null,
): Set<string> {
  const kept = new Set<string>();
  const ids = [...estimates.keys()];
  for (const wtp of grid) {
    const values = new Map(ids.map((id) => [id, inmbOf(estimates.get(id) as CandidateEstimate, wtp)]));
    let best: string | null = null; // null: the comparator
    let bestValue: ContrastEstimate = { mean: 0, mcse: 0 };
    for (const [id, v] of values) if (v.mean > bestValue.mean) [best, bestValue] = [id, v];
    const references = best === null || leaders.includes(best) ? leaders : [best, ...leaders];
    for (const [id, v] of values) {
      // Against the comparator the candidate's own INMB error is already the paired one.
      if (best === null && -v.mean > k * v.mcse) continue;
      const beaten = references.some((r) => {
        if (r === id) return false;
        const rv = values.get(r) as ContrastEstimate;
        const se = paired(r, id, wtp)?.mcse ?? rv.mcse + v.mcse;
        return rv.mean - v.mean > k * se;
      });
      if (!beaten) kept.add(id);
    }
  }
  return kept;
}

/**
 * The leaders for the next stage: the best candidate at each threshold of the grid (the
 * comparator excluded), most thresholds first (ties: the lower threshold first), at most `cap`.
 */
export function leadersOf(
  estimates: ReadonlyMap<string, CandidateEstimate>,
  grid: readonly number[],
  cap: number,
): string[] {
  const wins = new Map<string, { count: number; first: number }>();
  grid.forEach((wtp, g) => {
    let best: string | null = null;
    let value = 0;
    for (const [id, e] of estimates) {
      const v = inmbOf(e, wtp).mean;
      if (v > value) [best, value] = [id, v];
    }
    if (best === null) return;
    const w = wins.get(best) ?? { count: 0, first: g };
    w.count += 1;
    wins.set(best, w);
  });
  return [...wins]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .slice(0, cap)
    .map(([id]) => id);
}

/** Chunks of consecutive ids, neighbours overlapping by one, so every adjacent pair shares a chunk. */
function overlappingChunks(ids: readonly string[]): string[][] {
  if (ids.length <= CANDIDATES_PER_RUN) return [[...ids]];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length - 1; i += CANDIDATES_PER_RUN - 1) chunks.push(ids.slice(i, i + CANDIDATES_PER_RUN));
  return chunks;
}

function contrastOf(mean: number, variance: number): ContrastEstimate {
  return { mean, mcse: Math.sqrt(Math.max(0, variance)) };
}

/**
 * Explores the candidate set with `evaluate` (a worker pool, or any evaluator of a
 * scenario on a stream replicate). Deterministic given the set and the seed.
 */
export async function explore(
  set: CandidateSet,
  seed: number,
  evaluate: EvaluateScenario,
  onProgress: (p: ExploreProgress) => void = () => {},
  options: ExploreOptions = {},
): Promise<ExploreResult> {
  // Refuse bad PSA settings before the selection spends anything.
  if (options.frontierPsa !== undefined) checkFrontierPsaSettings(options.frontierPsa);
  const { search } = set.space;
  const comparator = set.comparator;
  const byId = new Map(set.candidates.map((c) => [c.strategy.id, c]));
  const grid = thresholdGrid(search);
  const strategyOf = (id: string): SurveillanceStrategy => {
    const candidate = byId.get(id);
    if (candidate === undefined) throw new RangeError(`explore: no candidate '${id}'`);
    return candidate.strategy;
  };
  const screenCost = historiesFor(set.candidates.length, search.screenPatients);
  let done = 0;
  let planned = screenCost + historiesFor(Math.min(set.candidates.length, CANDIDATES_PER_RUN), search.finalPatients);

  const runBatches = async (batches: readonly string[][], patients: number, replicate: number, phase: string) => {
    const runs: Run[] = [];
    const candidates = new Set(batches.flat()).size;
    for (const batch of batches) {
      const strategies: SurveillanceStrategy[] = [comparator, ...batch.map((id) => strategyOf(id))];
      const scenario: SarcomaScenario = {
        ...set.scenario,
        patients,
        seed,
        strategies: strategies as SarcomaScenario['strategies'],
      };
      runs.push(new Run([comparator.id, ...batch], await evaluate(scenario, replicate), patients));
      done += patients * strategies.length;
      onProgress({ phase, historiesDone: done, historiesPlanned: Math.max(planned, done), candidates });
    }
    return runs;
  };
  /** Batches of the candidates, the leaders first in every batch and the others in order. */
  const batched = (ids: readonly string[], leaders: readonly string[]) => {
    const rest = ids.filter((id) => !leaders.includes(id));
    const size = CANDIDATES_PER_RUN - leaders.length;
    const out: string[][] = [];
    for (let i = 0; i < rest.length; i += size) out.push([...leaders, ...rest.slice(i, i + size)]);
    return out;
  };

  const last = new Map<string, CandidateEstimate>();
  const droppedAt = new Map<string, number>();
  const stages: StageSummary[] = [];
  let alive = set.candidates.map((c) => c.strategy.id);
  let leaders: string[] = []; // none before anything has run
  let patients = search.screenPatients;
  let spent = 0;
  for (let stage = 0; ; stage++) {
    const runs = await runBatches(batched(alive, leaders), patients, SELECTION_REPLICATE, `stage ${stage + 1}`);
    // A leader's means are the same in every run (the same streams); its first run's estimate stands.
    const estimates = new Map<string, CandidateEstimate>();
    const runOf = new Map<string, Run>();
    for (const run of runs) {
      for (const id of run.ids.slice(1)) {
        if (estimates.has(id)) continue;
        estimates.set(id, run.estimate(id, comparator.id));
        runOf.set(id, run);
      }
    }
    for (const [id, e] of estimates) last.set(id, e);
    // Every candidate shares its run with the leaders: their difference has an exact paired error.
    const paired: PairedDifference = (a, b, wtp) => {
      const run = leaders.includes(a) ? runOf.get(b) : leaders.includes(b) ? runOf.get(a) : undefined;
      if (run === undefined || !run.has(a) || !run.has(b)) return null;
      const c = run.contrast(a, b);
      return contrastOf(wtp * c.dQalys - c.dCost, wtp * wtp * c.vQalys - 2 * wtp * c.cov + c.vCost);
    };
    const kept = keepNearFrontier(estimates, grid, search.keepWithinMcse, leaders, paired);
    for (const id of alive) if (!kept.has(id)) droppedAt.set(id, stage);
    const histories = runs.reduce((sum, r) => sum + r.patients * r.ids.length, 0);
    spent += histories;
    stages.push({ stage, patients, candidates: alive.length, runs: runs.length, histories, kept: kept.size, leaders });
    alive = alive.filter((id) => kept.has(id));
    if (alive.length <= CANDIDATES_PER_RUN || patients >= search.finalPatients) break;
    leaders = leadersOf(
      new Map(alive.map((id) => [id, estimates.get(id) as CandidateEstimate])),
      grid,
      search.leadersPerRun,
    );
    let next = Math.min(Math.round(patients * search.growth), search.finalPatients);
    if (spent + historiesFor(alive.length, next, leaders.length) > search.budgetPatients) {
      next = Math.floor((search.budgetPatients - spent) / historiesFor(alive.length, 1, leaders.length));
      if (next < 2 * patients) break; // too little budget left to halve the errors' variance
    }
    patients = next;
    planned =
      done +
      historiesFor(alive.length, patients, leaders.length) +
      historiesFor(CANDIDATES_PER_RUN, search.finalPatients);
  }

  // The final set: every survivor if they fit in one run, else the survivors' selection frontier.
  let finalIds = alive;
  if (alive.length > CANDIDATES_PER_RUN) {
    const selected = incrementalAnalysis(
      [
        { id: comparator.id, cost: 0, effect: 0 },
        ...alive.map((id) => {
          const e = last.get(id) as CandidateEstimate;
          return { id, cost: e.deltaCost.mean, effect: e.deltaQalys.mean };
        }),
      ],
      0,
    );
    finalIds = selected.frontier.filter((id) => id !== comparator.id);
  }
  planned = done + historiesFor(finalIds.length, search.finalPatients);
  const freshRuns = await runBatches(
    overlappingChunks(finalIds),
    search.finalPatients,
    FRESH_REPLICATE,
    'fresh re-evaluation',
  );
  const freshEstimate = (runs: readonly Run[]) => {
    const out = new Map<string, CandidateEstimate>();
    for (const run of runs)
      for (const id of run.ids.slice(1)) if (!out.has(id)) out.set(id, run.estimate(id, comparator.id));
    return out;
  };
  const fresh = freshEstimate(freshRuns);
  const analysis = (): IncrementalAnalysis =>
    incrementalAnalysis(
      [
        {
          id: comparator.id,
          cost: freshRuns[0]?.mean(comparator.id, 'cost') ?? 0,
          effect: freshRuns[0]?.mean(comparator.id, 'qalys') ?? 0,
        },
        ...finalIds.map((id) => ({
          id,
          cost: (fresh.get(id) as CandidateEstimate).cost.mean,
          effect: (fresh.get(id) as CandidateEstimate).qalys.mean,
        })),
      ],
      0,
    );
  const incremental = analysis();
  const shared = (a: string, b: string) => freshRuns.find((r) => r.has(a) && r.has(b));
  // Neighbours on the fresh frontier that never shared a run: run the frontier again (same
  // streams, so the same means) in overlapping chunks, for exact paired ICER intervals.
  const unpaired = incremental.frontier.some(
    (id, i) => i > 0 && shared(incremental.frontier[i - 1] as string, id) === undefined,
  );
  if (unpaired) {
    const extra = await runBatches(
      overlappingChunks(incremental.frontier.filter((id) => id !== comparator.id)),
      search.finalPatients,
      FRESH_REPLICATE,
      'fresh re-evaluation',
    );
    // The same streams must give the same means: anything else means the pairing is broken.
    const first = freshRuns[0] as Run;
    for (const run of extra) {
      for (const id of run.ids) {
        const before = id === comparator.id ? first.mean(id, 'cost') : fresh.get(id)?.cost.mean;
        if (before !== run.mean(id, 'cost'))
          throw new Error(
            `explore: '${id}' changed between runs on the same streams: common random numbers are broken`,
          );
      }
    }
    freshRuns.push(...extra);
  }
  const comparatorEstimate = (freshRuns[0] as Run).estimate(comparator.id, comparator.id);
  const estimateOf = (id: string) => (id === comparator.id ? comparatorEstimate : (fresh.get(id) as CandidateEstimate));
  const labelOf = (id: string) => (id === comparator.id ? comparator.label : (byId.get(id)?.strategy.label ?? id));

  const frontier: FrontierRow[] = incremental.frontier.map((id, i) => {
    const previous = i === 0 ? null : (incremental.frontier[i - 1] as string);
    const base = { id, label: labelOf(id), factors: byId.get(id)?.factors ?? null, estimate: estimateOf(id) };
    if (previous === null) {
      return {
        ...base,
        comparator: null,
        incrementalCost: null,
        incrementalQalys: null,
        icer: null,
        icerInterval: null,
      };
    }
    const c = (shared(previous, id) as Run).contrast(id, previous);
    return {
      ...base,
      comparator: previous,
      incrementalCost: contrastOf(c.dCost, c.vCost),
      incrementalQalys: contrastOf(c.dQalys, c.vQalys),
      icer: c.dCost / c.dQalys,
      icerInterval: fiellerInterval(c.dCost, c.dQalys, c.vCost, c.vQalys, c.cov),
    };
  });

  const evaluated = [comparator.id, ...finalIds];
  const thresholdRow = (wtp: number): ThresholdRow => {
    const ranked = evaluated
      .map((id) => ({ id, nb: netBenefit(wtp, estimateOf(id).qalys.mean, estimateOf(id).cost.mean) }))
      .sort((a, b) => b.nb - a.nb || evaluated.indexOf(a.id) - evaluated.indexOf(b.id));
    const optimal = (ranked[0] as { id: string }).id;
    const runnerUp = ranked[1]?.id ?? null;
    let margin: ContrastEstimate | null = null;
    const run = runnerUp === null ? undefined : shared(optimal, runnerUp);
    if (runnerUp !== null && run !== undefined) {
      const c = run.contrast(optimal, runnerUp);
      margin = contrastOf(wtp * c.dQalys - c.dCost, wtp * wtp * c.vQalys - 2 * wtp * c.cov + c.vCost);
    }
    const selected = optimal === comparator.id ? null : inmbOf(last.get(optimal) as CandidateEstimate, wtp);
    return {
      willingnessToPay: wtp,
      optimal,
      optimalLabel: labelOf(optimal),
      inmbVsComparator: inmbOf(estimateOf(optimal), wtp),
      selectedInmbVsComparator: selected,
      runnerUp,
      marginOverRunnerUp: margin,
    };
  };

  const onFrontier = new Set(incremental.frontier);
  const levelFrequency: LevelFrequency[] = FACTOR_NAMES.flatMap((factor) => {
    const counts = new Map<string, { candidates: number; onFrontier: number }>();
    for (const c of set.candidates) {
      const level = factorLevel(c.factors, factor);
      const entry = counts.get(level) ?? { candidates: 0, onFrontier: 0 };
      entry.candidates += 1;
      if (onFrontier.has(c.strategy.id)) entry.onFrontier += 1;
      counts.set(level, entry);
    }
    return [...counts].map(([level, n]) => ({ factor, level, ...n }));
  });

  // Selected-seed minus fresh: the two replicates are independent, so the variances add.
  const selectionCorrection: SelectionCorrection[] = finalIds.map((id) => {
    const s = last.get(id) as CandidateEstimate;
    const f = fresh.get(id) as CandidateEstimate;
    const minus = (a: ContrastEstimate, b: ContrastEstimate) => contrastOf(a.mean - b.mean, a.mcse ** 2 + b.mcse ** 2);
    return {
      id,
      selectedPatients: s.patients,
      deltaCost: minus(s.deltaCost, f.deltaCost),
      deltaQalys: minus(s.deltaQalys, f.deltaQalys),
      inmb: REPORT_THRESHOLDS.map((wtp) => ({
        willingnessToPay: wtp,
        correction: minus(inmbOf(s, wtp), inmbOf(f, wtp)),
      })),
    };
  });

  const finalSet = new Set(finalIds);
  const rows: CandidateRow[] = set.candidates.map((c) => {
    const id = c.strategy.id;
    const stage = droppedAt.get(id);
    return {
      id,
      label: c.strategy.label,
      factors: c.factors,
      status: onFrontier.has(id)
        ? 'frontier'
        : finalSet.has(id)
          ? 'final'
          : stage === undefined
            ? 'survivor'
            : 'dropped',
      droppedAtStage: stage ?? null,
      selection: last.get(id) as CandidateEstimate,
      fresh: fresh.get(id) ?? null,
    };
  });
  const freshHistories = freshRuns.reduce((sum, r) => sum + r.patients * r.ids.length, 0);
  const thresholds = grid.map(thresholdRow);
  let frontierPsa: FrontierPsa | undefined;
  if (options.frontierPsa !== undefined) {
    const { calibration, ...settings } = options.frontierPsa;
    const perDraw = settings.patients * Math.min(onFrontier.size + 1, CANDIDATES_PER_RUN + 1);
    planned = done + settings.draws * perDraw;
    frontierPsa = await runFrontierPsa(
      set.scenario,
      seed,
      {
        comparator,
        frontier: incremental.frontier.filter((id) => id !== comparator.id).map(strategyOf),
        optimalAt: thresholds.map((t) => t.optimal),
      },
      settings,
      grid,
      REPORT_THRESHOLDS,
      evaluate,
      calibration,
      (drawsDone) => {
        onProgress({
          phase: 'frontier PSA',
          historiesDone: done + drawsDone * perDraw,
          historiesPlanned: planned,
          candidates: Math.min(onFrontier.size, CANDIDATES_PER_RUN),
        });
      },
    );
  }
  return {
    version: SARCSIM_VERSION,
    currency: CURRENCY,
    seed,
    selectionReplicate: SELECTION_REPLICATE,
    freshReplicate: FRESH_REPLICATE,
    search,
    comparator: { id: comparator.id, label: comparator.label },
    candidates: set.candidates.length,
    duplicates: set.duplicates,
    stages,
    fresh: { patients: search.finalPatients, runs: freshRuns.length, histories: freshHistories },
    historiesTotal: spent + freshHistories,
    frontier,
    thresholds,
    atReportThresholds: REPORT_THRESHOLDS.map(thresholdRow),
    levelFrequency,
    selectionCorrection,
    rows,
    ...(frontierPsa === undefined ? {} : { frontierPsa }),
  };
}
