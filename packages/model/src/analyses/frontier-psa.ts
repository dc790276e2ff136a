// Uncertainty on the winner of an exploration: a PSA restricted to the fresh frontier's
// strategies and the comparator, giving for each threshold the probability that each is
// optimal (the acceptability curves) and the acceptability frontier (CEAF): the strategy
// with the highest expected net benefit, with its probability of being optimal. The draws
// are the project's PSA (runPsaPart), the curves its acceptability summary; this file adds
// only the choice of strategies, separate streams and the Monte Carlo errors.
import { MAX_PSA_DRAWS } from '../economics/economic-settings.js';
import type { DrawMatrix } from '../economics/evppi.js';
import type { ContrastEstimate } from '../economics/paired-precision.js';
import { acceptability } from '../economics/psa-summary.js';
import type { CalibrationSet } from '../evidence/registry.js';
import type { SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';
import type { SarcomaScenario } from '../scenario/scenario.js';
import { innerCovarianceAt } from './draw-outcome.js';
import { CANDIDATES_PER_RUN } from './policy-space.js';
import type { EvaluateScenario } from './psa.js';
import { runPsaPart } from './psa.js';

/**
 * PSA draw d runs on stream replicate FRONTIER_PSA_FIRST_REPLICATE + d, so no draw shares
 * patients with the selection (replicate 0) or the fresh re-evaluation (replicate 1).
 */
export const FRONTIER_PSA_FIRST_REPLICATE = 2;
/**
 * Patients per PSA draw when only the number of draws is given. Frontier schedules differ by
 * little, so patient noise needs large cohorts: in the default space at 5,000 patients per
 * draw the inner-loop MCSE of the decisive net-benefit difference was two-thirds to three-quarters of its spread
 * over draws (docs/explore.md), i.e. the probabilities mostly measured patient noise.
 */
export const DEFAULT_FRONTIER_PSA_PATIENTS = 50_000;

export interface FrontierPsaSettings {
  readonly draws: number;
  readonly patients: number;
}

/** One threshold of the acceptability curves; probabilities and values aligned with `FrontierPsa.strategies`. */
export interface CeafPoint {
  readonly willingnessToPay: number;
  /** Share of draws in which each strategy has the highest net benefit, ± its binomial MCSE over draws. */
  readonly probabilityOptimal: readonly ContrastEstimate[];
  /** Mean net monetary benefit over draws, per strategy (USD per patient). */
  readonly expectedNetBenefit: readonly number[];
  /** The acceptability frontier: the strategy with the highest expected net benefit… */
  readonly optimal: string;
  /** …and its probability of being optimal (± binomial MCSE). */
  readonly probabilityOfOptimal: ContrastEstimate;
  /** The strategy with the next highest expected net benefit (null with one strategy). */
  readonly rival: string | null;
  /**
   * Optimal minus rival net benefit per draw: its standard deviation over draws, and the root
   * mean square of its inner-loop MCSE within a draw (finite patients). When the inner part is
   * not small beside the spread, patient noise, not parameter uncertainty, moves the probabilities.
   */
  readonly rivalDifferenceSd: number | null;
  readonly rivalDifferenceInnerMcse: number | null;
}

export interface FrontierPsa {
  readonly draws: number;
  readonly patientsPerDraw: number;
  /** Draw d ran on stream replicate firstReplicate + d. */
  readonly firstReplicate: number;
  readonly calibratedParameters: 'posterior' | 'fixed';
  /** The comparator first, then the fresh frontier from cheapest to dearest. */
  readonly strategies: readonly { readonly id: string; readonly label: string }[];
  /** Frontier strategies left out because a run holds at most 12 strategies (those optimal at the fewest thresholds). */
  readonly omitted: readonly string[];
  /** Every threshold of the exploration's grid. */
  readonly points: readonly CeafPoint[];
  readonly atReportThresholds: readonly CeafPoint[];
  /** Patient histories simulated (draws × patients × strategies). */
  readonly histories: number;
}

/** Checks the settings, naming the field, the value and what is allowed. */
export function checkFrontierPsaSettings(settings: FrontierPsaSettings): void {
  const { draws, patients } = settings;
  if (!(Number.isInteger(draws) && draws >= 2 && draws <= MAX_PSA_DRAWS)) {
    throw new RangeError(`frontier PSA draws: got ${draws}, must be a whole number from 2 to ${MAX_PSA_DRAWS}`);
  }
  if (!(Number.isInteger(patients) && patients >= 100 && patients <= 10_000_000)) {
    throw new RangeError(`frontier PSA patients: got ${patients}, must be a whole number from 100 to 10,000,000`);
  }
}

/** Binomial MCSE over draws of a share p of n draws. */
const binomial = (p: number, n: number): ContrastEstimate => ({ mean: p, mcse: Math.sqrt((p * (1 - p)) / n) });

/**
 * The acceptability curves and frontier of a draws × strategies cost and QALY matrix, with
 * each probability's binomial MCSE over draws. `innerCovariance` (per draw, upper triangle of
 * the 2S×2S covariance of mean costs then mean QALYs) gives the inner-loop part of the
 * optimal-versus-rival difference; pass null when the draws are exact.
 */
export function ceafPoints(
  ids: readonly string[],
  costs: DrawMatrix,
  qalys: DrawMatrix,
  thresholds: readonly number[],
  innerCovariance: readonly (readonly number[])[] | null,
): CeafPoint[] {
  const n = costs.length;
  const S = ids.length;
  return acceptability(costs, qalys, thresholds).map((point) => {
    const optimal = point.optimal;
    let rival: number | null = null;
    point.expectedNetBenefit.forEach((v, s) => {
      if (s !== optimal && (rival === null || v > (point.expectedNetBenefit[rival] as number))) rival = s;
    });
    let sd: number | null = null;
    let inner: number | null = null;
    if (rival !== null && n > 1) {
      const r: number = rival;
      const wtp = point.willingnessToPay;
      const diffs = costs.map(
        (c, d) =>
          wtp * ((qalys[d]?.[optimal] as number) - (qalys[d]?.[r] as number)) -
          ((c[optimal] as number) - (c[r] as number)),
      );
      const mean = diffs.reduce((a, b) => a + b, 0) / n;
      sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      if (innerCovariance !== null) {
        let sumVariance = 0;
        for (const cov of innerCovariance) {
          const at = (k: number, l: number) => innerCovarianceAt(cov, S, k, l);
          // Var(λ·ΔQ − ΔC) for Δ = optimal − rival, from the covariance of the four means.
          const w = new Map<number, number>([
            [optimal, -1],
            [r, 1],
            [S + optimal, wtp],
            [S + r, -wtp],
          ]);
          let v = 0;
          for (const [k, a] of w) for (const [l, b] of w) v += a * b * at(k, l);
          sumVariance += Math.max(0, v);
        }
        inner = Math.sqrt(sumVariance / innerCovariance.length);
      }
    }
    return {
      willingnessToPay: point.willingnessToPay,
      probabilityOptimal: point.probabilityCostEffective.map((p) => binomial(p, n)),
      expectedNetBenefit: point.expectedNetBenefit,
      optimal: ids[optimal] as string,
      probabilityOfOptimal: binomial(point.probabilityCostEffective[optimal] as number, n),
      rival: rival === null ? null : (ids[rival] as string),
      rivalDifferenceSd: sd,
      rivalDifferenceInnerMcse: inner,
    };
  });
}

/**
 * The strategies of the frontier PSA: the comparator and the frontier; if more than a run
 * holds, those optimal at the most thresholds of `grid` (by `optimalAt`) stay.
 */
function chooseStrategies(
  comparatorId: string,
  frontier: readonly string[],
  optimalAt: readonly string[],
): { kept: string[]; omitted: string[] } {
  const others = frontier.filter((id) => id !== comparatorId);
  if (others.length <= CANDIDATES_PER_RUN) return { kept: others, omitted: [] };
  const wins = (id: string) => optimalAt.filter((o) => o === id).length;
  const ranked = [...others].sort((a, b) => wins(b) - wins(a) || others.indexOf(a) - others.indexOf(b));
  const keep = new Set(ranked.slice(0, CANDIDATES_PER_RUN));
  return { kept: others.filter((id) => keep.has(id)), omitted: others.filter((id) => !keep.has(id)) };
}

/**
 * Runs the frontier PSA: `scenario` is the exploration's base scenario with the comparator
 * first and the frontier strategies after it (see chooseStrategies); each draw samples the
 * parameters from `calibration` as the project's PSA does.
 */
export async function runFrontierPsa(
  base: SarcomaScenario,
  seed: number,
  strategies: {
    readonly comparator: SurveillanceStrategy;
    readonly frontier: readonly SurveillanceStrategy[];
    readonly optimalAt: readonly string[];
  },
  settings: FrontierPsaSettings,
  grid: readonly number[],
  reportThresholds: readonly number[],
  evaluate: EvaluateScenario,
  calibration: CalibrationSet,
  onDraw: (done: number, total: number) => void = () => {},
): Promise<FrontierPsa> {
  checkFrontierPsaSettings(settings);
  const byId = new Map(strategies.frontier.map((s) => [s.id, s]));
  const { kept, omitted } = chooseStrategies(
    strategies.comparator.id,
    strategies.frontier.map((s) => s.id),
    strategies.optimalAt,
  );
  const scenario: SarcomaScenario = {
    ...base,
    patients: settings.patients,
    seed,
    strategies: [
      strategies.comparator,
      ...kept.map((id) => byId.get(id) as SurveillanceStrategy),
    ] as SarcomaScenario['strategies'],
    economics: { ...base.economics, psa: { ...base.economics.psa, draws: settings.draws } },
  };
  const part = await runPsaPart(
    scenario,
    { first: 0, count: settings.draws },
    (s, draw) => evaluate(s, FRONTIER_PSA_FIRST_REPLICATE + draw),
    calibration,
    (p) => onDraw(p.drawsDone, p.drawsTotal),
  );
  const ids = part.strategies.map((s) => s.id);
  const costs = part.draws.map((d) => d.costs);
  const qalys = part.draws.map((d) => d.qalys);
  const inner = part.draws.map((d) => d.innerCovariance);
  return {
    draws: settings.draws,
    patientsPerDraw: settings.patients,
    firstReplicate: FRONTIER_PSA_FIRST_REPLICATE,
    calibratedParameters: scenario.economics.psa.calibratedParameters,
    strategies: part.strategies,
    omitted,
    points: ceafPoints(ids, costs, qalys, grid, inner),
    atReportThresholds: ceafPoints(ids, costs, qalys, reportThresholds, inner),
    histories: settings.draws * settings.patients * ids.length,
  };
}
