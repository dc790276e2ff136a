// The shape of a model the engine can run: states, competing-risk transitions,
// scheduled-event handlers, reward channels, counters and curves.
//
// Time is in years since the individual entered the cohort.
import type { ChannelHandle, CounterHandle, CurveCauseHandle, CurveHandle, PurposeHandle } from './handles.js';
import type { Hazard } from './hazard.js';
import type { Uniform } from './random-streams.js';

/** One simulated person. The engine owns the clocks; the model owns `attributes`. */
export interface Individual<S extends string, A> {
  readonly index: number;
  readonly attributes: A;
  readonly state: S;
  /** Years since entry. */
  readonly time: number;
  /** Years since the current state was entered. */
  readonly timeInState: number;
}

/**
 * What a handler may do to the individual it runs for. Purposes, channels, counters and
 * curves are named by handle (see handles.ts: fast, and a misspelt name does not compile)
 * or, more slowly, by their declared name.
 */
export interface SimulationContext<S extends string, A> {
  readonly individual: Individual<S, A>;
  /** Id of the strategy being simulated. */
  readonly strategyId: string;
  /** A uniform from the individual's stream for `purpose` (e.g. 'natural', 'imaging'). */
  uniform(purpose: PurposeHandle | string): number;
  /** An Exp(rate) waiting time in years from `purpose`'s stream (Infinity for rate 0; one uniform either way). */
  exponentialWait(purpose: PurposeHandle | string, ratePerYear: number): number;
  /**
   * Years until the next event of `hazard` × `ratio` on a clock now at `clockNow`, with a
   * fresh Exp(1) budget from `purpose`'s stream (one uniform, also when ratio is 0: never).
   * A drawn time, fixed once drawn; a competing risk that must follow hazardsChanged is a transition.
   */
  waitOnHazard(purpose: PurposeHandle | string, hazard: Hazard, clockNow: number, ratio?: number): number;
  /** Failures before the first success in Bernoulli(p) trials, from one uniform (Infinity for p = 0). */
  trialsBeforeSuccess(purpose: PurposeHandle | string, p: number): number;
  /** Moves the individual to another state at the current time. */
  setState(state: S): void;
  /** Call after changing attributes that hazards or reward rates read. */
  hazardsChanged(): void;
  /** Adds a one-off reward (e.g. a scan's cost) at the current time. */
  addReward(channel: ChannelHandle | string, amount: number): void;
  /** Adds a one-off reward at a later time of this history (before its end), discounted to that time. */
  addRewardAt(channel: ChannelHandle | string, amount: number, time: number): void;
  /** Adds `amount` at each of `count` times first, first + every, … (discounted in closed form). */
  addRewardSeries(channel: ChannelHandle | string, amount: number, first: number, every: number, count: number): void;
  /** Adds to a counter (e.g. 'scans'). */
  count(counter: CounterHandle | string, amount?: number): void;
  /** Records the first occurrence of a cause on a user-defined curve (a handle, or curve and cause names). */
  curveEvent(curve: CurveCauseHandle | string, cause?: string): void;
  /** Starts following the individual on a curve with a 'marked' origin (first call only). */
  curveStart(curve: CurveHandle | string): void;
  /** Runs `handler` at absolute time `time` (years since entry), not before now. */
  schedule<D>(time: number, handler: EventHandler<S, A, D>, data: D): void;
  /** Runs `handler` at `first`, then every `interval` years while the time is below `until`. */
  schedulePeriodic(first: number, interval: number, until: number, handler: EventHandler<S, A, number>): void;
  /** Starts a segmented visit schedule at time `start` (see visit-schedule.ts). */
  scheduleVisits<T extends VisitSegment, D>(start: number, schedule: VisitSchedule<S, A, T, D>, data: D): void;
}

/** One segment of a visit schedule: visits at from, from + every, … while before `to` (years from its start). */
export interface VisitSegment {
  readonly fromYears: number;
  readonly toYears: number;
  readonly everyYears: number;
}

export interface Visit<T extends VisitSegment> {
  readonly segment: T;
  /** Index of the segment in the schedule. */
  readonly segmentIndex: number;
  /** Visit number within the segment (0, 1, …). */
  readonly number: number;
  readonly time: number;
}

/** Visits `number`, `number + 1`, … of one segment at times first, first + every, …: `count` of them. */
export interface VisitRun<T extends VisitSegment> {
  readonly segment: T;
  readonly segmentIndex: number;
  readonly number: number;
  readonly count: number;
  readonly first: number;
  readonly every: number;
  /** Time of the i-th visit of the run (0 ≤ i < count), exactly as a single visit would have it. */
  time(i: number): number;
}

export interface VisitSchedule<S extends string, A, T extends VisitSegment, D> {
  /** Name in event traces (default: the visit function's name). */
  readonly name?: string;
  /** In order and not overlapping. */
  readonly segments: readonly T[];
  /** One visit; return false to end the schedule (e.g. the patient left surveillance). */
  readonly visit: (ctx: SimulationContext<S, A>, visit: Visit<T>, data: D) => boolean | undefined;
  /**
   * Optional, with `run`: true when a visit now could change only rewards and counters, and
   * its outcome's distribution would stay the same until the next other event.
   */
  readonly quiet?: (ctx: SimulationContext<S, A>, data: D) => boolean;
  /** Takes a run of quiet visits at once (its rewards with addRewardAt / addRewardSeries). */
  readonly run?: (ctx: SimulationContext<S, A>, run: VisitRun<T>, data: D) => void;
}

/** A scheduled-event handler. For periodic events `data` is the visit number (0, 1, …). */
export type EventHandler<S extends string, A, D = unknown> = (ctx: SimulationContext<S, A>, data: D) => void;

export type PerIndividual<S extends string, A, T> = T | ((individual: Individual<S, A>) => T);

/** A competing risk out of one or more states. */
export interface TransitionDefinition<S extends string, A> {
  readonly from: S | readonly S[];
  readonly to: S;
  readonly hazard: PerIndividual<S, A, Hazard>;
  /** Covariate effect as a hazard ratio (default 1). */
  readonly hazardRatio?: (individual: Individual<S, A>) => number;
  /**
   * 'state': clock-reset, the hazard's time is time in the current state (semi-Markov).
   * 'entry': clock-forward, the hazard's time is time since entry (Markov in time).
   */
  readonly clock: 'state' | 'entry';
  /** Added to the clock, e.g. age at entry so a life table runs on attained age. */
  readonly clockOffset?: (individual: Individual<S, A>) => number;
  /**
   * Runs on arrival in the new state, before its hazards are timed: update attributes the
   * new state's hazards read, add the cost of the event, or move on with setState.
   */
  readonly onTransition?: (ctx: SimulationContext<S, A>) => void;
}

export interface RewardChannelDefinition<S extends string, A> {
  /** Annual discount rate (0.03 = 3%/year), applied in continuous time as ln(1 + rate). */
  readonly annualDiscountRate: number;
  /** Reward per year spent in each state (states left out accrue nothing). */
  readonly perYearInState?: Partial<Record<S, PerIndividual<S, A, number>>>;
  /**
   * false: an unpaired channel, e.g. a quantity (scans, operations, years in a utility class)
   * to be priced after the simulation. It gets its per-strategy mean and MCSE but stays out of
   * the paired moments, whose size grows with the square of the paired channels. Default true.
   */
  readonly paired?: boolean;
}

export interface CurveDefinition {
  /** Causes the model records with ctx.curveEvent; entering a terminal state is added as a competing cause. */
  readonly causes: readonly string[];
  /**
   * 'entry' (default): everyone is followed from entry. 'marked': an individual joins when
   * the model calls ctx.curveStart, and times count from then (e.g. survival from detection).
   */
  readonly origin?: 'entry' | 'marked';
}

export interface ModelDefinition<S extends string, A> {
  readonly name: string;
  readonly states: readonly S[];
  /** States in which the individual's history ends (e.g. death). */
  readonly terminalStates: readonly S[];
  /** Draws attributes at entry from the individual's 'entry' stream. */
  readonly attributes: (uniform: Uniform, index: number) => A;
  /**
   * Optional: a copy of drawn attributes that a history may change freely. When given, the
   * attributes are drawn once per individual and every strategy starts from a copy (the
   * draw is the same for every strategy anyway, as the entry stream replays).
   */
  readonly copyAttributes?: (drawn: A) => A;
  readonly initialState: PerIndividual<S, A, S>;
  readonly transitions: readonly TransitionDefinition<S, A>[];
  readonly rewards: Readonly<Record<string, RewardChannelDefinition<S, A>>>;
  readonly counters?: readonly string[];
  /**
   * The model's random-stream purposes besides the engine's 'entry' and 'natural', in handle
   * order (see purposeHandles). When given, drawing from an undeclared purpose is an error.
   */
  readonly purposes?: readonly string[];
  /** Curves besides the built-in 'survival' curve (whose causes are the terminal states). */
  readonly curves?: Readonly<Record<string, CurveDefinition>>;
  /** Runs once at entry (time 0), e.g. to schedule natural-history events. */
  readonly onEntry?: (ctx: SimulationContext<S, A>) => void;
  /**
   * Simulation stops here; individuals still alive are censored. Inclusive: an event at
   * exactly the horizon (or the end of follow-up) still runs.
   */
  readonly horizonYears: number;
  /**
   * Optional end of observation per individual (administrative censoring, loss to follow-up),
   * e.g. to replicate a registry; the history stops there, censored, if it comes first.
   */
  readonly followUpYears?: (individual: Individual<S, A>) => number;
  /** Width of the time grid for survival and cumulative-incidence curves. */
  readonly curveStepYears: number;
}

/** A strategy adds interventions (scheduled events) to the same natural history. */
export interface StrategyDefinition<S extends string, A> {
  readonly id: string;
  readonly label: string;
  /** Runs at entry after the model's onEntry, e.g. to schedule imaging visits. */
  readonly onEntry?: (ctx: SimulationContext<S, A>) => void;
}

/** A model with the strategies to compare on the same individuals. */
export interface SimulationDefinition<S extends string, A> {
  readonly model: ModelDefinition<S, A>;
  readonly strategies: readonly StrategyDefinition<S, A>[];
  /**
   * Verification only: take every scheduled visit alone, never as a quiet run (see
   * visit-schedule.ts). Results then differ only by Monte Carlo error, never in distribution.
   */
  readonly visitsOneByOne?: boolean;
}

/** Identifies which individuals to run and with which random numbers. */
export interface BlockSpec {
  readonly seed: number;
  /** PSA draw (0 for a deterministic run). */
  readonly draw: number;
  readonly firstIndex: number;
  readonly count: number;
  /** Record event traces for individuals with index below this (0 = none). */
  readonly traceIndividuals?: number;
}
