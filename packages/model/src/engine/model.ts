// The shape of a model the engine can run: states, competing-risk transitions,
// scheduled-event handlers, reward channels, counters and curves.
//
// Time is in years since the individual entered the cohort.
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

/** What a handler may do to the individual it runs for. */
export interface SimulationContext<S extends string, A> {
  readonly individual: Individual<S, A>;
  /** Id of the strategy being simulated. */
  readonly strategyId: string;
  /** A uniform from the individual's stream for `purpose` (e.g. 'natural', 'imaging'). */
  uniform(purpose: string): number;
  /** Moves the individual to another state at the current time. */
  setState(state: S): void;
  /** Call after changing attributes that hazards or reward rates read. */
  hazardsChanged(): void;
  /** Adds a one-off reward (e.g. a scan's cost) at the current time. */
  addReward(channel: string, amount: number): void;
  /** Adds to a named counter (e.g. 'scans'). */
  count(counter: string, amount?: number): void;
  /** Records the first occurrence of `cause` on a user-defined curve. */
  curveEvent(curve: string, cause: string): void;
  /** Starts following the individual on a curve with a 'marked' origin (first call only). */
  curveStart(curve: string): void;
  /** Runs `handler` at absolute time `time` (years since entry), not before now. */
  schedule<D>(time: number, handler: EventHandler<S, A, D>, data: D): void;
  /** Runs `handler` at `first`, then every `interval` years while the time is below `until`. */
  schedulePeriodic(first: number, interval: number, until: number, handler: EventHandler<S, A, number>): void;
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
  readonly initialState: PerIndividual<S, A, S>;
  readonly transitions: readonly TransitionDefinition<S, A>[];
  readonly rewards: Readonly<Record<string, RewardChannelDefinition<S, A>>>;
  readonly counters?: readonly string[];
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
