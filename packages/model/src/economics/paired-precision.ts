// Paired Monte Carlo precision of a run's comparisons.
//
// Every strategy replays the same simulated patients (common random numbers), so the
// Monte Carlo error of a difference between strategies is far smaller than either
// strategy's own error, and only the paired moments (engine/results.ts PairedMoments) give
// it. From them: the MCSE of Δcost, ΔQALY, ΔLY and incremental net benefit against each
// strategy's frontier comparator and against a chosen reference, a Fieller interval for each
// frontier ICER, and whether the frontier and the preferred strategy are resolved at this
// patient count (and how many patients would resolve them). Methods: docs/economics.md.
import type { PairedMoments } from '../engine/results.js';
import type { IncrementalAnalysis } from './incremental-analysis.js';

/** Standard normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;
/** A comparison is resolved when its margin is at least this many standard errors from the boundary. */
export const RESOLVE_Z = 2;

export interface ContrastEstimate {
  /** Mean difference per patient (this strategy minus the other). */
  readonly mean: number;
  /** Paired Monte Carlo standard error of that mean. */
  readonly mcse: number;
}

export interface PairedContrast {
  readonly against: string;
  readonly cost: ContrastEstimate;
  readonly qalys: ContrastEstimate;
  readonly lifeYears: ContrastEstimate;
  /** Incremental net monetary benefit at the threshold: WTP·ΔQALY − Δcost. */
  readonly netBenefit: ContrastEstimate;
}

/**
 * Fieller's interval for a ratio of means. 'bounded': low ≤ ICER ≤ high. 'excluding': the
 * set is ICER ≤ low or ICER ≥ high (ΔQALY is not distinguishable from 0, but ΔQALY and
 * Δcost are not both). 'unbounded': every value is in the interval.
 */
export interface IcerInterval {
  readonly level: number;
  readonly kind: 'bounded' | 'excluding' | 'unbounded';
  readonly low: number | null;
  readonly high: number | null;
}

export interface PrecisionRow {
  readonly id: string;
  /** Against the frontier comparator (for a strategy off the frontier: the frontier strategy below it in cost); null for the cheapest frontier strategy. */
  readonly vsComparator: PairedContrast | null;
  /** Against the reference strategy; null for the reference itself. */
  readonly vsReference: PairedContrast | null;
  /** Fieller interval of the frontier ICER; null off the frontier and for the cheapest frontier strategy. */
  readonly icerInterval: IcerInterval | null;
}

/** One inequality the decision rests on, with its margin and paired standard error. */
export interface ResolutionCheck {
  readonly description: string;
  /** Signed so that a positive margin agrees with the reported result. */
  readonly margin: number;
  readonly se: number;
  readonly resolved: boolean;
  /** Patients at which margin/SE would reach RESOLVE_Z if the estimates were the truth; null if the margin is 0. */
  readonly patientsToResolve: number | null;
}

export interface ResolutionSummary {
  readonly resolved: boolean;
  /** The largest of the checks' patientsToResolve (null if some margin is exactly 0). */
  readonly patientsToResolve: number | null;
  readonly checks: readonly ResolutionCheck[];
}

export interface PairedPrecision {
  readonly patients: number;
  readonly reference: string;
  readonly willingnessToPay: number;
  readonly rows: readonly PrecisionRow[];
  /** The frontier's order: each adjacency's ΔQALY, consecutive ICERs, and each off-frontier strategy's distance above it. */
  readonly frontier: ResolutionSummary;
  /** The preferred strategy's incremental net benefit against every other strategy. */
  readonly preferred: ResolutionSummary;
}

const CHANNELS = { cost: 'costs', qalys: 'qalys', lifeYears: 'lifeYears' } as const;

/** Covariance, across patients, of the per-patient values a·x and b·x (a, b coefficient vectors over K). */
function contrastCovariance(m: PairedMoments, a: Float64Array, b: Float64Array): number {
  const K = a.length;
  const n = m.individuals;
  let cross = 0;
  for (let k = 0; k < K; k++) {
    const ak = a[k] as number;
    if (ak === 0) continue;
    for (let l = 0; l < K; l++) {
      const bl = b[l] as number;
      if (bl !== 0)
        cross += ak * bl * ((m.crossSums[k * K + l] as number) - ((m.sums[k] as number) * (m.sums[l] as number)) / n);
    }
  }
  return cross / (n - 1);
}

/**
 * Covariance matrix of the per-patient means of the given channels for every strategy,
 * indexed [channel 0 of strategies 0..S−1, channel 1 of strategies 0..S−1, …], as its
 * upper triangle row by row: the within-run (inner-loop) Monte Carlo noise of those means.
 */
export function meanCovariance(m: PairedMoments, channels: readonly string[]): number[] {
  const C = m.channels.length;
  const K = m.strategyIds.length * C;
  const n = m.individuals;
  const at = channels.flatMap((name) => {
    const c = m.channels.indexOf(name);
    if (c < 0) throw new RangeError(`paired moments: no reward channel '${name}'`);
    return m.strategyIds.map((_, s) => s * C + c);
  });
  const out: number[] = [];
  for (let i = 0; i < at.length; i++) {
    for (let j = i; j < at.length; j++) {
      const [k, l] = [at[i] as number, at[j] as number];
      const cross = (m.crossSums[k * K + l] as number) - ((m.sums[k] as number) * (m.sums[l] as number)) / n;
      out.push(n > 1 ? cross / (n - 1) / n : 0);
    }
  }
  return out;
}

/** Coefficients picking `channel` of strategy `s` minus that of `t`, scaled. */
class Contrasts {
  readonly K: number;
  constructor(readonly m: PairedMoments) {
    this.K = m.strategyIds.length * m.channels.length;
  }

  index(strategy: string): number {
    const s = this.m.strategyIds.indexOf(strategy);
    if (s < 0) throw new RangeError(`paired precision: no strategy '${strategy}' in the paired moments`);
    return s;
  }

  channel(name: string): number {
    const c = this.m.channels.indexOf(name);
    if (c < 0) throw new RangeError(`paired precision: no reward channel '${name}' in the paired moments`);
    return c;
  }

  /** Σ weight·(x[s, channel] − x[t, channel]). */
  difference(s: string, t: string, weights: Readonly<Record<string, number>>): Float64Array {
    const a = new Float64Array(this.K);
    const C = this.m.channels.length;
    for (const [name, w] of Object.entries(weights)) {
      const c = this.channel(name);
      a[this.index(s) * C + c] = (a[this.index(s) * C + c] as number) + w;
      a[this.index(t) * C + c] = (a[this.index(t) * C + c] as number) - w;
    }
    return a;
  }

  mean(a: Float64Array): number {
    let total = 0;
    for (let k = 0; k < this.K; k++) total += (a[k] as number) * (this.m.sums[k] as number);
    return total / this.m.individuals;
  }

  /** Covariance of the two contrasts' sample means. */
  covarianceOfMeans(a: Float64Array, b: Float64Array): number {
    return contrastCovariance(this.m, a, b) / this.m.individuals;
  }

  estimate(a: Float64Array): ContrastEstimate {
    return { mean: this.mean(a), mcse: Math.sqrt(Math.max(0, this.covarianceOfMeans(a, a))) };
  }
}

function pairedContrast(c: Contrasts, s: string, t: string, wtp: number): PairedContrast {
  return {
    against: t,
    cost: c.estimate(c.difference(s, t, { [CHANNELS.cost]: 1 })),
    qalys: c.estimate(c.difference(s, t, { [CHANNELS.qalys]: 1 })),
    lifeYears: c.estimate(c.difference(s, t, { [CHANNELS.lifeYears]: 1 })),
    netBenefit: c.estimate(c.difference(s, t, { [CHANNELS.qalys]: wtp, [CHANNELS.cost]: -1 })),
  };
}

/**
 * Fieller's interval for ΔC/ΔE with means c, e, variances vc, ve and covariance vce of the
 * means: the R for which (c − R·e)² ≤ z²·(vc − 2R·vce + R²·ve).
 */
export function fiellerInterval(
  c: number,
  e: number,
  vc: number,
  ve: number,
  vce: number,
  z = Z_95,
  level = 0.95,
): IcerInterval {
  const z2 = z * z;
  const A = e * e - z2 * ve;
  const B = c * e - z2 * vce;
  const C = c * c - z2 * vc;
  const discriminant = B * B - A * C;
  if (A > 0) {
    const root = Math.sqrt(Math.max(0, discriminant));
    return { level, kind: 'bounded', low: (B - root) / A, high: (B + root) / A };
  }
  if (discriminant > 0 && A < 0) {
    const root = Math.sqrt(discriminant);
    const r1 = (B - root) / A;
    const r2 = (B + root) / A;
    return { level, kind: 'excluding', low: Math.min(r1, r2), high: Math.max(r1, r2) };
  }
  return { level, kind: 'unbounded', low: null, high: null };
}

/** Patients needed for |margin|/SE to reach RESOLVE_Z, the SE shrinking as 1/√n. */
function patientsFor(margin: number, se: number, n: number): number | null {
  if (margin === 0) return null;
  return Math.ceil(n * ((RESOLVE_Z * se) / margin) ** 2);
}

function check(description: string, margin: number, variance: number, n: number): ResolutionCheck {
  const se = Math.sqrt(Math.max(0, variance));
  return {
    description,
    margin,
    se,
    resolved: margin > 0 && margin >= RESOLVE_Z * se,
    patientsToResolve: patientsFor(margin, se, n),
  };
}

/**
 * Delta-method check of a bilinear margin g = p·q − r·s of four contrast means (each a
 * coefficient vector): Var(g) ≈ ∇gᵀ Σ ∇g with Σ the covariance of the means.
 */
function bilinearCheck(
  c: Contrasts,
  description: string,
  [p, q, r, s]: readonly [Float64Array, Float64Array, Float64Array, Float64Array],
  sign: 1 | -1,
): ResolutionCheck {
  const [mp, mq, mr, ms] = [p, q, r, s].map((v) => c.mean(v)) as [number, number, number, number];
  const g = sign * (mp * mq - mr * ms);
  // The gradient of g is a linear combination of the contrasts themselves.
  const gradient = new Float64Array(c.K);
  for (let k = 0; k < c.K; k++) {
    gradient[k] =
      sign * (mq * (p[k] as number) + mp * (q[k] as number) - ms * (r[k] as number) - mr * (s[k] as number));
  }
  return check(description, g, c.covarianceOfMeans(gradient, gradient), c.m.individuals);
}

function summary(checks: readonly ResolutionCheck[]): ResolutionSummary {
  let patients: number | null = 0;
  for (const ch of checks) {
    if (ch.patientsToResolve === null) patients = null;
    else if (patients !== null) patients = Math.max(patients, ch.patientsToResolve);
  }
  return { resolved: checks.every((ch) => ch.resolved), patientsToResolve: patients, checks };
}

/** Checks the resolution of the frontier: adjacency ΔQALYs, ICER order, off-frontier margins. */
function frontierChecks(c: Contrasts, analysis: IncrementalAnalysis): ResolutionCheck[] {
  const n = c.m.individuals;
  const { frontier } = analysis;
  const checks: ResolutionCheck[] = [];
  const dq = (s: string, t: string) => c.difference(s, t, { [CHANNELS.qalys]: 1 });
  const dc = (s: string, t: string) => c.difference(s, t, { [CHANNELS.cost]: 1 });
  for (let i = 1; i < frontier.length; i++) {
    const [lo, hi] = [frontier[i - 1] as string, frontier[i] as string];
    const a = dq(hi, lo);
    checks.push(check(`${hi} gains QALYs over ${lo}`, c.mean(a), c.covarianceOfMeans(a, a), n));
  }
  // ICER(lo→mid) < ICER(mid→hi) ⇔ ΔC₁·ΔE₂ − ΔC₂·ΔE₁ < 0 (both ΔE > 0).
  for (let i = 2; i < frontier.length; i++) {
    const [lo, mid, hi] = [frontier[i - 2] as string, frontier[i - 1] as string, frontier[i] as string];
    checks.push(
      bilinearCheck(
        c,
        `ICER ${mid} vs ${lo} below ICER ${hi} vs ${mid}`,
        [dc(mid, lo), dq(hi, mid), dc(hi, mid), dq(mid, lo)],
        -1,
      ),
    );
  }
  const rows = new Map(analysis.rows.map((r) => [r.id, r]));
  for (const row of analysis.rows) {
    if (row.status === 'ND' || row.sameAs !== null) continue;
    const on = frontier.map((id) => rows.get(id)).filter((r) => r !== undefined);
    if (on.length === 1) {
      // A single frontier strategy dominates: it must stay at least as effective.
      const only = on[0]?.id as string;
      const a = dq(only, row.id);
      checks.push(check(`${row.id} less effective than ${only}`, c.mean(a), c.covarianceOfMeans(a, a), n));
      continue;
    }
    // The frontier segment over this strategy's effect (the end segments extended).
    const above = on.findIndex((f) => f.effect > row.effect);
    const j = above === -1 ? on.length - 1 : Math.max(above, 1);
    const [a, b] = [on[j - 1]?.id as string, on[j]?.id as string];
    // Above the line through a and b: ΔC(o−a)·ΔE(b−a) − ΔC(b−a)·ΔE(o−a) > 0.
    checks.push(
      bilinearCheck(
        c,
        `${row.id} above the frontier segment ${a}–${b}`,
        [dc(row.id, a), dq(b, a), dc(b, a), dq(row.id, a)],
        1,
      ),
    );
  }
  return checks;
}

/**
 * Paired precision of the run's incremental analysis. `reference` defaults to the cheapest
 * frontier strategy; it must be one of the run's strategies.
 */
export function pairedPrecision(
  moments: PairedMoments,
  analysis: IncrementalAnalysis,
  reference?: string,
): PairedPrecision {
  const n = moments.individuals;
  if (!(n >= 2)) throw new RangeError(`paired precision: needs at least 2 patients, got ${n}`);
  const ids = analysis.rows.map((r) => r.id);
  const ref = reference ?? (analysis.frontier[0] as string);
  if (!ids.includes(ref)) {
    throw new RangeError(`reference: got '${ref}', must be one of the run's strategies: ${ids.join(', ')}`);
  }
  const c = new Contrasts(moments);
  const wtp = analysis.willingnessToPay;
  const frontier = analysis.frontier;
  const rows = analysis.rows.map((row): PrecisionRow => {
    let comparator = row.comparator;
    if (row.status !== 'ND') {
      // Off the frontier: the frontier strategy it would be compared with if it joined.
      const below = analysis.rows.filter((r) => frontier.includes(r.id) && r.cost <= row.cost && r.id !== row.id);
      comparator = below.length === 0 ? null : (below.reduce((a, b) => (b.cost > a.cost ? b : a)).id as string);
    }
    let icerInterval: IcerInterval | null = null;
    if (row.status === 'ND' && row.comparator !== null) {
      const dC = c.difference(row.id, row.comparator, { [CHANNELS.cost]: 1 });
      const dE = c.difference(row.id, row.comparator, { [CHANNELS.qalys]: 1 });
      icerInterval = fiellerInterval(
        c.mean(dC),
        c.mean(dE),
        c.covarianceOfMeans(dC, dC),
        c.covarianceOfMeans(dE, dE),
        c.covarianceOfMeans(dC, dE),
      );
    }
    return {
      id: row.id,
      vsComparator: comparator === null ? null : pairedContrast(c, row.id, comparator, wtp),
      vsReference: row.id === ref ? null : pairedContrast(c, row.id, ref, wtp),
      icerInterval,
    };
  });
  const twins = new Set(analysis.rows.filter((r) => r.sameAs !== null).flatMap((r) => [r.id, r.sameAs]));
  const preferredChecks = ids
    // A twin of the preferred strategy (identical cost and effect) is the same decision.
    .filter((id) => id !== analysis.preferred && !(twins.has(id) && twins.has(analysis.preferred)))
    .map((id) => {
      const a = c.difference(analysis.preferred, id, { [CHANNELS.qalys]: wtp, [CHANNELS.cost]: -1 });
      return check(`${analysis.preferred} has more net benefit than ${id}`, c.mean(a), c.covarianceOfMeans(a, a), n);
    });
  return {
    patients: n,
    reference: ref,
    willingnessToPay: wtp,
    rows,
    frontier: summary(frontierChecks(c, analysis)),
    preferred: summary(preferredChecks),
  };
}
