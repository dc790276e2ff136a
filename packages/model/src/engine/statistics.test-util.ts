// Helpers for statistical tests: tolerances come from Monte Carlo standard errors.
import { expect } from 'vitest';

/** Standard error of a proportion p estimated from n independent individuals. */
export function binomialSe(p: number, n: number): number {
  return Math.sqrt(Math.max(p * (1 - p), 1e-12) / n);
}

/** Asserts |simulated − exact| < z·se, reporting all three on failure. */
export function expectWithin(simulated: number, exact: number, se: number, z = 4): void {
  const message = `simulated ${simulated} vs exact ${exact}: |diff| ${Math.abs(simulated - exact)} must be < ${z}·SE (${z * se})`;
  expect(Math.abs(simulated - exact), message).toBeLessThan(z * se);
}

/** Value of a step curve at time t (the last grid point at or before t, else `initial`). */
export function curveAt(times: readonly number[], values: readonly number[], t: number, initial: number): number {
  let value = initial;
  for (let i = 0; i < times.length; i++) {
    if ((times[i] as number) <= t + 1e-9) value = values[i] as number;
  }
  return value;
}
