// The closed-form cohort (Markov trace) expectation of a cycle model, for verification tests.
// Written independently of the cycle simulator: the trace is π_{k+1} = π_k·P_k and the value of
// cycle k is counted at its start, its end, by the trapezoid, or continuously with the
// transition at mid-cycle, with the discount factor (1 + d)^−t.
import type { ValueTiming } from './cycle-model.js';

/** Occupancy of each state at time points 0 … cycles, given the matrix of each cycle. */
export function markovTrace(initial: readonly number[], matrix: (cycle: number) => number[][], cycles: number) {
  const trace = [initial.slice()];
  for (let k = 0; k < cycles; k++) {
    const from = trace[k] as number[];
    const P = matrix(k);
    trace.push(from.map((_, j) => from.reduce((sum, pi, i) => sum + pi * (P[i]?.[j] ?? 0), 0)));
  }
  return trace;
}

/** Expected total value per individual: `value[s]` per cycle in state s, cycle length `dt` years. */
export function expectedValue(
  trace: readonly (readonly number[])[],
  value: readonly number[],
  timing: ValueTiming,
  annualRate: number,
  dt = 1,
): number {
  const D = (t: number) => (1 + annualRate) ** -t;
  // ∫ from a to b of (1 + d)^−t dt, divided by the cycle length (the per-cycle value is spread over the cycle).
  const spread = (a: number, b: number) =>
    annualRate === 0 ? (b - a) / dt : (D(a) - D(b)) / Math.log(1 + annualRate) / dt;
  let total = 0;
  for (let k = 0; k + 1 < trace.length; k++) {
    const atStart = (trace[k] as number[]).reduce((s, pi, i) => s + pi * (value[i] ?? 0), 0);
    const atEnd = (trace[k + 1] as number[]).reduce((s, pi, i) => s + pi * (value[i] ?? 0), 0);
    const [a, b] = [k * dt, (k + 1) * dt];
    if (timing === 'cycle-start') total += atStart * D(a);
    else if (timing === 'cycle-end') total += atEnd * D(b);
    else if (timing === 'half-cycle') total += (atStart * D(a) + atEnd * D(b)) / 2;
    else total += atStart * spread(a, a + dt / 2) + atEnd * spread(a + dt / 2, b);
  }
  return total;
}
