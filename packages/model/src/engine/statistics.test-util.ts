// Helpers for statistical tests: tolerances come from Monte Carlo standard errors.
import { expect } from 'vitest';
import { curveValueAt } from './results.js';

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
  const curve = { individuals: 0, timesYears: times, atRisk: [], eventFree: values, cumulativeIncidence: {} };
  return curveValueAt(curve, (c) => c.eventFree, t, initial);
}
