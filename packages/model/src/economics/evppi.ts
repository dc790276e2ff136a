// EVPPI by the regression-metamodel method (Strong, Oakley & Brennan, Med Decis Making
// 2014;34:311–326): regress each strategy's costs and effects on a basis of the parameter
// group's PSA draws; the fitted values estimate the conditional expectations given the
// group, so EVPPI = mean over draws of the best fitted net benefit − the best mean net
// benefit. The basis is a polynomial in the standardised parameters, richer for small
// groups: cubic with interactions for 1–2 parameters, quadratic with pairwise interactions
// for 3–4, quadratic main effects beyond. docs/economics.md discusses the choice.
//
// The basis can be rank-deficient: a composition's shares sum to 1, so their linear terms
// and the intercept are dependent (the 45 cohort shares). The least-squares fitted values
// are still unique (a projection), so the fit uses a column-pivoted Householder QR that
// drops dependent terms instead of dividing by a near-zero pivot.
//
// Each estimate carries a standard error (bootstrap over draws) and a noise floor: EVPPI
// with the group's rows permuted across draws, which breaks any link between the group and
// the outcomes, so what remains is what the metamodel finds in noise (its 95th percentile).
import { openStream, purposeId } from '../engine/random-streams.js';
import { netBenefit } from './net-benefit.js';

/** Draws × strategies. */
export type DrawMatrix = readonly (readonly number[])[];

export interface EvppiInput {
  /** Draws × parameters of the group. */
  readonly parameters: DrawMatrix;
  readonly costs: DrawMatrix;
  readonly effects: DrawMatrix;
  readonly willingnessToPay: readonly number[];
}

export type EvppiResult =
  | {
      readonly ok: true;
      readonly perPatient: readonly number[];
      /** Terms in the fitted basis (its rank). */
      readonly basisTerms: number;
      /** Terms dropped as linearly dependent on the others (e.g. one share per composition). */
      readonly droppedTerms: number;
      /** Bootstrap standard error per threshold (null when no replicates were asked for). */
      readonly se: readonly number[] | null;
      /** 95th percentile of EVPPI with the group permuted across draws, per threshold (null when not asked for). */
      readonly noiseFloor: readonly number[] | null;
    }
  | { readonly ok: false; readonly reason: string };

export interface EvppiErrorOptions {
  /** Bootstrap resamples of the draws for the standard error (0: none). */
  readonly bootstrap: number;
  /** Permutations of the group across draws for the noise floor (0: none). */
  readonly permutations: number;
  /** Seeds the resampling (with `stream`, e.g. the group's index). */
  readonly seed: number;
  readonly stream: number;
}

/** Draws needed per basis term, so the metamodel is not fitted to noise. */
const DRAWS_PER_TERM = 5;

function standardisedColumns(parameters: DrawMatrix): number[][] {
  const n = parameters.length;
  const width = parameters[0]?.length ?? 0;
  const columns: number[][] = [];
  for (let j = 0; j < width; j++) {
    const column = parameters.map((row) => row[j] as number);
    const mean = column.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(column.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    if (sd > 0) columns.push(column.map((v) => (v - mean) / sd)); // a constant column carries no information
  }
  return columns;
}

function basis(columns: readonly number[][], n: number): number[][] {
  const p = columns.length;
  const maxPower = p <= 2 ? 3 : 2;
  const terms: number[][] = [new Array<number>(n).fill(1)];
  for (const x of columns) for (let power = 1; power <= maxPower; power++) terms.push(x.map((v) => v ** power));
  if (p <= 4) {
    for (let a = 0; a < p; a++) {
      for (let b = a + 1; b < p; b++) {
        const xa = columns[a] as number[];
        const xb = columns[b] as number[];
        terms.push(xa.map((v, i) => v * (xb[i] as number)));
      }
    }
  }
  return terms;
}

/**
 * Least-squares fitted values of every column of `y` on the columns `terms`, by Householder
 * QR with column pivoting; a term whose remaining norm is below RANK_TOLERANCE of its own
 * norm is linearly dependent on those chosen before it and is dropped.
 */
export function projectOnto(
  terms: readonly (readonly number[])[],
  y: readonly (readonly number[])[],
): { fitted: Float64Array[]; rank: number } {
  const n = y.length;
  const width = y[0]?.length ?? 0;
  const a = terms.map((t) => Float64Array.from(t));
  const original = a.map((col) => Math.sqrt(col.reduce((s, v) => s + v * v, 0)));
  const b = Array.from({ length: width }, (_, j) => Float64Array.from(y, (row) => row[j] as number));
  const reflectors: Float64Array[] = [];
  const order = a.map((_, j) => j);
  for (let k = 0; k < Math.min(n, a.length); k++) {
    // Pivot: the remaining column with the largest norm relative to its original norm.
    let pick = -1;
    let pickNorm = 0;
    for (let j = k; j < a.length; j++) {
      const col = a[order[j] as number] as Float64Array;
      let norm = 0;
      for (let i = k; i < n; i++) norm += (col[i] as number) ** 2;
      norm = Math.sqrt(norm);
      const relative = norm / ((original[order[j] as number] as number) || 1);
      if (relative > RANK_TOLERANCE && (pick < 0 || norm > pickNorm)) {
        pick = j;
        pickNorm = norm;
      }
    }
    if (pick < 0) break;
    [order[k], order[pick]] = [order[pick] as number, order[k] as number];
    const col = a[order[k] as number] as Float64Array;
    const v = new Float64Array(n);
    const alpha = (col[k] as number) >= 0 ? -pickNorm : pickNorm;
    for (let i = k; i < n; i++) v[i] = col[i] as number;
    v[k] = (v[k] as number) - alpha;
    const vv = v.reduce((s, x) => s + x * x, 0);
    if (vv === 0) break;
    const reflect = (x: Float64Array) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (v[i] as number) * (x[i] as number);
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) x[i] = (x[i] as number) - f * (v[i] as number);
    };
    for (let j = k; j < a.length; j++) reflect(a[order[j] as number] as Float64Array);
    for (const x of b) reflect(x);
    reflectors.push(v);
  }
  const rank = reflectors.length;
  // Fitted = Q·(first `rank` entries of Qᵀy): zero the rest and reflect back.
  const fitted = b.map((x) => {
    const z = new Float64Array(n);
    for (let i = 0; i < rank; i++) z[i] = x[i] as number;
    for (let k = rank - 1; k >= 0; k--) {
      const v = reflectors[k] as Float64Array;
      let dot = 0;
      let vv = 0;
      for (let i = k; i < n; i++) {
        dot += (v[i] as number) * (z[i] as number);
        vv += (v[i] as number) ** 2;
      }
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) z[i] = (z[i] as number) - f * (v[i] as number);
    }
    return z;
  });
  return { fitted, rank };
}

/** A term is dependent when less than this share of its norm is outside the terms chosen before it. */
const RANK_TOLERANCE = 1e-8;

/** EVPPI per threshold from the fitted costs and effects (columns: costs of each strategy, then effects). */
function fromFitted(fitted: readonly Float64Array[], strategies: number, thresholds: readonly number[]): number[] {
  const n = fitted[0]?.length ?? 0;
  return thresholds.map((wtp) => {
    let meanOfMax = 0;
    const sums = new Array<number>(strategies).fill(0);
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      for (let s = 0; s < strategies; s++) {
        const nb = netBenefit(wtp, fitted[strategies + s]?.[i] as number, fitted[s]?.[i] as number);
        sums[s] = (sums[s] as number) + nb;
        if (nb > best) best = nb;
      }
      meanOfMax += best / n;
    }
    const maxOfMeans = Math.max(...sums.map((s) => s / n));
    return Math.max(0, meanOfMax - maxOfMeans); // ≥ 0 in exact arithmetic; clear rounding noise
  });
}

function estimateOn(
  columns: readonly number[][],
  rows: readonly number[],
  input: EvppiInput,
): { perPatient: number[]; rank: number; terms: number } {
  const pick = (m: DrawMatrix) => rows.map((r) => m[r] as readonly number[]);
  const terms = basis(
    columns.map((c) => rows.map((r) => c[r] as number)),
    rows.length,
  );
  const costs = pick(input.costs);
  const effects = pick(input.effects);
  const y = costs.map((c, i) => [...c, ...(effects[i] as readonly number[])]);
  const { fitted, rank } = projectOnto(terms, y);
  return { perPatient: fromFitted(fitted, costs[0]?.length ?? 0, input.willingnessToPay), rank, terms: terms.length };
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export function evppi(input: EvppiInput, errors?: EvppiErrorOptions): EvppiResult {
  const n = input.costs.length;
  const columns = standardisedColumns(input.parameters);
  if (columns.length === 0) return { ok: false, reason: 'no parameter in the group varies across draws' };
  const identity = Array.from({ length: n }, (_, i) => i);
  const full = estimateOn(columns, identity, input);
  // With fewer draws than terms the rank is capped by the draws; count the whole basis then.
  const terms = full.rank >= n ? full.terms : full.rank;
  if (n < DRAWS_PER_TERM * terms) {
    return {
      ok: false,
      reason: `needs at least ${DRAWS_PER_TERM * terms} draws for ${terms} basis terms (have ${n})`,
    };
  }
  const thresholds = input.willingnessToPay.length;
  let se: number[] | null = null;
  let noiseFloor: number[] | null = null;
  if (errors !== undefined && errors.bootstrap > 1) {
    const u = openStream({ seed: errors.seed, draw: errors.stream, index: 0, purpose: purposeId('evppi-bootstrap') });
    const replicates = Array.from({ length: errors.bootstrap }, () => {
      const rows = identity.map(() => Math.floor(u() * n));
      return estimateOn(columns, rows, input).perPatient;
    });
    se = Array.from({ length: thresholds }, (_, t) => {
      const v = replicates.map((r) => r[t] as number);
      const mean = v.reduce((a, x) => a + x, 0) / v.length;
      return Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / (v.length - 1));
    });
  }
  if (errors !== undefined && errors.permutations > 0) {
    const u = openStream({ seed: errors.seed, draw: errors.stream, index: 0, purpose: purposeId('evppi-permutation') });
    const permuted = Array.from({ length: errors.permutations }, () => {
      // Fisher–Yates over the draws: the group's values move, the outcomes stay.
      const order = [...identity];
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(u() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const shuffled = columns.map((c) => order.map((r) => c[r] as number));
      return estimateOn(shuffled, identity, input).perPatient;
    });
    noiseFloor = Array.from({ length: thresholds }, (_, t) =>
      quantile(
        permuted.map((r) => r[t] as number).sort((a, b) => a - b),
        0.95,
      ),
    );
  }
  return {
    ok: true,
    perPatient: full.perPatient,
    basisTerms: full.rank,
    droppedTerms: full.terms - full.rank,
    se,
    noiseFloor,
  };
}
