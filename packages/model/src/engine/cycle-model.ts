// The shape of a discrete-time (cycle) model: states, per-cycle transition probabilities,
// values per cycle spent in a state, and strategies that change some of them.
//
// A cycle model is a first-class kind beside the continuous-time model (model.ts): it runs
// on its own fast loop (cycle-simulator.ts) and gives the same results shape, so results,
// economics and the worker pool use it unchanged. docs/engine.md states the conventions.
import type { Uniform } from './random-streams.js';

/**
 * When a cycle's value is counted (k = 0 … cycles − 1 is the cycle, Δ its length, D(t) the
 * discount factor (1 + d)^−t, s_k the state at the start of cycle k):
 * - 'cycle-start': v(s_k) at time kΔ;
 * - 'cycle-end': v(s_{k+1}) at time (k+1)Δ;
 * - 'half-cycle': the trapezoid ½·v(s_k)·D(kΔ) + ½·v(s_{k+1})·D((k+1)Δ) (half-cycle correction);
 * - 'within-cycle': values accrue continuously over the cycle, at v/Δ per year, and a
 *   transition happens at mid-cycle: s_k for the first half, s_{k+1} for the second.
 */
export type ValueTiming = 'cycle-start' | 'cycle-end' | 'half-cycle' | 'within-cycle';

export const VALUE_TIMINGS: readonly ValueTiming[] = ['cycle-start', 'cycle-end', 'half-cycle', 'within-cycle'];

/** The individual as per-cycle functions see it (one object, updated in place: do not keep it). */
export interface CycleIndividual<S extends string, A> {
  readonly index: number;
  readonly attributes: A;
  readonly state: S;
  /** The cycle being simulated: 0 for the first. */
  readonly cycle: number;
  /** Whole cycles already spent in the current state (0 in the cycle it was entered). */
  readonly cyclesInState: number;
}

/** A number, or a function of the individual and cycle (e.g. rising with age). */
export type PerCycle<S extends string, A> = number | ((individual: CycleIndividual<S, A>) => number);

/** Per-cycle probabilities of moving from a state to others; the rest of the cycle's probability is staying. */
export type TransitionTable<S extends string, A> = Partial<Record<S, Partial<Record<S, PerCycle<S, A>>>>>;

/** A value per cycle spent in each state (states left out count 0). */
export type StateValues<S extends string, A> = Partial<Record<S, PerCycle<S, A>>>;

export interface CycleValueChannel<S extends string, A> {
  /** Annual discount rate (0.03 = 3%/year): a value at time t years is worth (1 + rate)^−t. */
  readonly annualDiscountRate: number;
  /** Value per full cycle spent in each state (a cost per cycle, a utility × cycle length, …). */
  readonly perCycleInState: StateValues<S, A>;
}

export interface CycleModelDefinition<S extends string, A> {
  readonly name: string;
  readonly states: readonly S[];
  /** Absorbing states in which the history ends (e.g. death); they count no values. */
  readonly terminalStates: readonly S[];
  /** Draws attributes at entry from the individual's 'entry' stream (default: none). */
  readonly attributes?: (uniform: Uniform, index: number) => A;
  readonly initialState: S | ((attributes: A, index: number) => S);
  /** Length of a cycle in years. */
  readonly cycleYears: number;
  /** Number of cycles; the horizon is cycles × cycleYears and the last cycle is simulated in full. */
  readonly cycles: number;
  readonly transitions: TransitionTable<S, A>;
  readonly valueTiming: ValueTiming;
  readonly values: Readonly<Record<string, CycleValueChannel<S, A>>>;
  /** Named totals counted once per cycle begun in a state (undiscounted), e.g. treatment cycles. */
  readonly counters?: Readonly<Record<string, StateValues<S, A>>>;
}

/** A strategy replaces some of the model's entries: a transition probability, a value or a counter. */
export interface CycleStrategyDefinition<S extends string, A> {
  readonly id: string;
  readonly label: string;
  readonly transitions?: TransitionTable<S, A>;
  readonly values?: Readonly<Record<string, StateValues<S, A>>>;
  readonly counters?: Readonly<Record<string, StateValues<S, A>>>;
}

/** A cycle model with the strategies to compare on the same individuals and random numbers. */
export interface CycleSimulationDefinition<S extends string, A> {
  readonly kind: 'cycle';
  readonly model: CycleModelDefinition<S, A>;
  readonly strategies: readonly CycleStrategyDefinition<S, A>[];
}
