// Random variates by inversion of one uniform (or two, for the normal), owned by the engine so
// that models do not each re-implement them. Every uniform u lies in [0, 1), so 1 − u lies in
// (0, 1] and the logarithms below are finite.
import type { Uniform } from './random-streams.js';

/** An Exp(1) variate: the budget of integrated hazard an event spends. */
export function unitExponential(u: number): number {
  return -Math.log(1 - u);
}

/** An Exp(rate) waiting time (Infinity when the rate is 0). */
export function exponentialWait(u: number, ratePerYear: number): number {
  return ratePerYear > 0 ? -Math.log(1 - u) / ratePerYear : Infinity;
}

/**
 * Failures before the first success in independent Bernoulli(p) trials (geometric on 0, 1, …):
 * P(G ≥ k) = (1 − p)^k. Infinity when p is 0.
 */
export function trialsBeforeSuccess(u: number, p: number): number {
  if (!(p > 0)) return Infinity;
  if (p >= 1) return 0;
  return Math.floor(Math.log(1 - u) / Math.log1p(-p));
}

/** A standard normal by Box–Muller (one of the pair; two uniforms). */
export function standardNormal(uniform: Uniform): number {
  const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
  return radius * Math.cos(2 * Math.PI * uniform());
}
