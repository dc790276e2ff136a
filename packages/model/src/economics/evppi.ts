// EVPPI by the regression-metamodel method (Strong, Oakley & Brennan, Med Decis Making
// 2014;34:311–326): regress each strategy's costs and effects on a basis of the parameter
// group's PSA draws; the fitted values estimate the conditional expectations given the
// group, so EVPPI = mean over draws of the best fitted net benefit − the best mean net
// benefit. The basis is a polynomial in the standardised parameters, richer for small
// groups: cubic with interactions for 1–2 parameters, quadratic with pairwise interactions
// for 3–4, quadratic main effects beyond. docs/economics.md discusses the choice.
import { Matrix, QrDecomposition } from 'ml-matrix';
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
  | { readonly ok: true; readonly perPatient: readonly number[]; readonly basisTerms: number }
  | { readonly ok: false; readonly reason: string };

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

/** Least-squares fitted values of each column of `y` on the basis `terms`. */
function fitted(terms: readonly number[][], y: DrawMatrix): Matrix {
  const n = y.length;
  const design = new Matrix(n, terms.length);
  terms.forEach((term, j) => {
    term.forEach((v, i) => {
      design.set(i, j, v);
    });
  });
  const response = new Matrix(y.map((row) => [...row]));
  const coefficients = new QrDecomposition(design).solve(response);
  return design.mmul(coefficients);
}

export function evppi(input: EvppiInput): EvppiResult {
  const n = input.costs.length;
  const columns = standardisedColumns(input.parameters);
  if (columns.length === 0) return { ok: false, reason: 'no parameter in the group varies across draws' };
  const terms = basis(columns, n);
  if (n < DRAWS_PER_TERM * terms.length) {
    return {
      ok: false,
      reason: `needs at least ${DRAWS_PER_TERM * terms.length} draws for ${terms.length} basis terms (have ${n})`,
    };
  }
  const fittedCosts = fitted(terms, input.costs);
  const fittedEffects = fitted(terms, input.effects);
  const strategies = input.costs[0]?.length ?? 0;
  const perPatient = input.willingnessToPay.map((wtp) => {
    let meanOfMax = 0;
    const sums = new Array<number>(strategies).fill(0);
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      for (let s = 0; s < strategies; s++) {
        const nb = netBenefit(wtp, fittedEffects.get(i, s), fittedCosts.get(i, s));
        sums[s] = (sums[s] as number) + nb;
        if (nb > best) best = nb;
      }
      meanOfMax += best / n;
    }
    const maxOfMeans = Math.max(...sums.map((s) => s / n));
    return Math.max(0, meanOfMax - maxOfMeans); // ≥ 0 in exact arithmetic; clear rounding noise
  });
  return { ok: true, perPatient, basisTerms: terms.length };
}
