// Exact continuous-time discounting.
//
// An annual rate d becomes the continuous rate r = ln(1 + d), so a one-off amount at
// time t is worth amount·e^{−rt} and a reward paid at c per year from a to b is worth
// c·(e^{−ra} − e^{−rb})/r. With d = 0 both reduce to the undiscounted values.

export function continuousRate(annualRate: number): number {
  if (!(annualRate >= 0 && annualRate < 1)) {
    throw new RangeError(`annual discount rate must be in [0, 1), got ${annualRate}`);
  }
  return Math.log1p(annualRate);
}

/** Discount factor e^{−rt}. */
export function discountFactor(continuous: number, t: number): number {
  return continuous === 0 ? 1 : Math.exp(-continuous * t);
}

/**
 * ∫ₐᵇ e^{−rt} dt given the factors at a and b (callers keep them to avoid recomputing).
 * Uses expm1 for short intervals so the result stays accurate when r·(b−a) is tiny.
 */
export function discountedDuration(continuous: number, a: number, b: number, factorAtA: number): number {
  if (continuous === 0) return b - a;
  return (-factorAtA * Math.expm1(-continuous * (b - a))) / continuous;
}
