// Compiling a discrete-time (cycle) model once: names become integer indices, probabilities,
// values and counters become typed tables per strategy (a function entry is marked NaN and
// kept aside), and the value timing becomes per-time-point weights. Every check of the
// definition happens here and names the field, the value and what is allowed.
import type { AccumulatorLayout } from './accumulators.js';
import { SURVIVAL_CURVE } from './compiled-model.js';
import type {
  CycleIndividual,
  CycleModelDefinition,
  CycleSimulationDefinition,
  CycleStrategyDefinition,
  PerCycle,
  StateValues,
  TransitionTable,
} from './cycle-model.js';
import { VALUE_TIMINGS } from './cycle-model.js';
import { continuousRate, discountedDuration, discountFactor } from './discounting.js';

export type Fn<S extends string, A> = (individual: CycleIndividual<S, A>) => number;

/** A state × something table: constant entries in `constant`, function entries in `fn` (constant = NaN there). */
export interface Table<S extends string, A> {
  readonly constant: Float64Array;
  readonly fn: readonly (Fn<S, A> | undefined)[];
  readonly anyFunction: boolean;
}

export interface CompiledStrategy<S extends string, A> {
  /** Per from-state: 1 if every probability out of it is a number (then `outcomes`/`cumulative` hold). */
  readonly rowConstant: Uint8Array;
  /** Per from-state, states × states: the destinations in state order with probability > 0, padded with −1. */
  readonly outcomes: Int32Array;
  /** Cumulative probabilities matching `outcomes`; the last one is +∞ so rounding cannot drop a draw. */
  readonly cumulative: Float64Array;
  /** Probabilities [from × states + to]; staying is what the others leave. */
  readonly probabilities: Table<S, A>;
  /** Values [channel × states + state]. */
  readonly values: Table<S, A>;
  /** Counters [counter × states + state]. */
  readonly counters: Table<S, A>;
}

export function fail(model: string, message: string): never {
  throw new RangeError(`cycle model '${model}': ${message}`);
}

export function checkProbability(model: string, where: string, p: number): void {
  if (!(p >= 0 && p <= 1)) fail(model, `${where} must be a probability in [0, 1], got ${p}`);
}

export class CompiledCycleModel<S extends string, A> {
  readonly layout: AccumulatorLayout;
  readonly model: CycleModelDefinition<S, A>;
  readonly states: readonly S[];
  private readonly stateIndex: ReadonlyMap<S, number>;
  readonly terminal: Uint8Array;
  readonly strategies: readonly CompiledStrategy<S, A>[];
  /** The initial state's index, or −1 when it is a function of the individual (see initialIndex). */
  readonly initial: number;
  /**
   * Per channel × time point (0 … cycles): the discounted weight of the value of the state
   * held there (a cycle's value is split between its start and end points by the timing).
   */
  readonly weightAt: Float64Array;
  /** The same weights undiscounted. */
  readonly plainAt: Float64Array;
  /** Channels sharing a discount rate share a group: the weights per group × time point. */
  readonly channelGroup: Int32Array;
  readonly groupWeightAt: Float64Array;
  readonly groups: number;
  /**
   * A strategy with constant values whose transitions equal an earlier one's follows the very
   * same path (common random numbers), so it may reuse that strategy's per-state weights
   * instead of simulating again (−1: simulate). Valuation only differs, as it would bit for bit.
   */
  readonly pathSource: Int32Array;

  constructor(readonly simulation: CycleSimulationDefinition<S, A>) {
    const { model, strategies } = simulation;
    this.model = model;
    const name = model.name;
    if (!Number.isInteger(model.cycles) || model.cycles < 1) {
      fail(name, `cycles must be a whole number ≥ 1, got ${model.cycles}`);
    }
    if (!(model.cycleYears > 0) || !Number.isFinite(model.cycleYears)) {
      fail(name, `cycleYears must be a finite number > 0, got ${model.cycleYears}`);
    }
    if (!VALUE_TIMINGS.includes(model.valueTiming)) {
      fail(name, `valueTiming must be one of ${VALUE_TIMINGS.join(', ')}, got '${model.valueTiming}'`);
    }
    if (strategies.length === 0) fail(name, 'at least one strategy is required');
    const seenStrategies = new Set<string>();
    for (const s of strategies) {
      if (seenStrategies.has(s.id)) fail(name, `duplicate strategy id '${s.id}'`);
      seenStrategies.add(s.id);
    }
    this.states = model.states;
    const stateIndex = new Map<S, number>();
    model.states.forEach((s, i) => {
      if (stateIndex.has(s)) fail(name, `duplicate state '${s}'`);
      stateIndex.set(s, i);
    });
    this.stateIndex = stateIndex;
    this.terminal = new Uint8Array(model.states.length);
    for (const s of model.terminalStates) this.terminal[this.requireState(s, 'terminalStates')] = 1;
    this.initial = typeof model.initialState === 'function' ? -1 : this.initialIndex(model.initialState);

    const channels = Object.keys(model.values);
    const counters = Object.keys(model.counters ?? {});
    this.strategies = strategies.map((strategy) => this.compileStrategy(strategy, channels, counters));

    const cycles = model.cycles;
    const dt = model.cycleYears;
    const points = cycles + 1;
    this.weightAt = new Float64Array(channels.length * points);
    this.plainAt = new Float64Array(points);
    const addWeights = (into: Float64Array, offset: number, r: number) => {
      for (let k = 0; k < cycles; k++) {
        const [a, b] = cycleWeights(model.valueTiming, r, k * dt, (k + 1) * dt);
        into[offset + k] = (into[offset + k] as number) + a;
        into[offset + k + 1] = (into[offset + k + 1] as number) + b;
      }
    };
    const rates: number[] = [];
    this.channelGroup = new Int32Array(channels.length);
    channels.forEach((channel, c) => {
      const annual = model.values[channel]?.annualDiscountRate ?? 0;
      let r: number;
      try {
        r = continuousRate(annual);
      } catch {
        fail(name, `values.${channel}.annualDiscountRate must be in [0, 1), got ${annual}`);
      }
      addWeights(this.weightAt, c * points, r);
      if (!rates.includes(r)) rates.push(r);
      this.channelGroup[c] = rates.indexOf(r);
    });
    addWeights(this.plainAt, 0, 0);
    this.groups = rates.length;
    this.groupWeightAt = new Float64Array(rates.length * points);
    rates.forEach((r, g) => {
      addWeights(this.groupWeightAt, g * points, r);
    });
    this.pathSource = sharedPaths(this.strategies);

    this.layout = {
      strategyIds: strategies.map((s) => s.id),
      strategyLabels: strategies.map((s) => s.label),
      channels,
      pairedChannels: channels,
      counters,
      curves: [{ name: SURVIVAL_CURVE, causes: [...model.terminalStates], origin: 'entry' }],
      curveStepYears: dt,
      curveBins: cycles,
      horizonYears: cycles * dt,
    };
  }

  /** The index of a (non-terminal) initial state. */
  initialIndex(state: S): number {
    const i = this.requireState(state, 'initialState');
    if (this.terminal[i] === 1)
      fail(
        this.model.name,
        `initialState '${state}' is terminal; allowed: ${this.states.filter((_, j) => this.terminal[j] === 0).join(', ')}`,
      );
    return i;
  }

  private requireState(state: S, where: string): number {
    const i = this.stateIndex.get(state);
    if (i === undefined) {
      fail(this.model.name, `${where} names unknown state '${state}'; the states are ${this.states.join(', ')}`);
    }
    return i;
  }

  /** Builds a state-indexed table from the model's entries overridden by the strategy's. */
  private table(
    rows: readonly string[],
    base: (row: string) => StateValues<S, A> | undefined,
    override: (row: string) => StateValues<S, A> | undefined,
    where: string,
    check: (where: string, value: number, state: number) => void,
  ): Table<S, A> {
    const n = this.states.length;
    const constant = new Float64Array(rows.length * n);
    const fn: (Fn<S, A> | undefined)[] = new Array(rows.length * n).fill(undefined);
    let anyFunction = false;
    rows.forEach((row, r) => {
      for (const entries of [base(row), override(row)]) {
        for (const [state, value] of Object.entries(entries ?? {}) as [S, PerCycle<S, A> | undefined][]) {
          if (value === undefined) continue;
          const s = this.requireState(state, `${where}.${row}`);
          const slot = r * n + s;
          if (typeof value === 'function') {
            constant[slot] = Number.NaN;
            fn[slot] = value;
            anyFunction = true;
          } else {
            if (!Number.isFinite(value)) fail(this.model.name, `${where}.${row}.${state} must be finite, got ${value}`);
            check(`${where}.${row}.${state}`, value, s);
            constant[slot] = value;
            fn[slot] = undefined;
          }
        }
      }
    });
    return { constant, fn, anyFunction };
  }

  private compileStrategy(
    strategy: CycleStrategyDefinition<S, A>,
    channels: readonly string[],
    counters: readonly string[],
  ): CompiledStrategy<S, A> {
    const { model } = this;
    const name = model.name;
    const n = this.states.length;
    const noTerminalValue = (where: string, value: number, state: number) => {
      if (value !== 0 && this.terminal[state] === 1) {
        fail(name, `${where} is ${value}, but terminal states count no values (allowed: 0 or left out)`);
      }
    };
    for (const key of Object.keys(strategy.values ?? {})) {
      if (!channels.includes(key))
        fail(name, `strategy '${strategy.id}': values.${key} is not a channel of the model (${channels.join(', ')})`);
    }
    for (const key of Object.keys(strategy.counters ?? {})) {
      if (!counters.includes(key))
        fail(
          name,
          `strategy '${strategy.id}': counters.${key} is not a counter of the model (${counters.join(', ') || 'none'})`,
        );
    }
    const tables = (t: TransitionTable<S, A> | undefined) => (row: string) => t?.[row as S];
    for (const table of [model.transitions, strategy.transitions ?? {}]) {
      for (const from of Object.keys(table) as S[]) {
        const f = this.requireState(from, 'transitions');
        if (this.terminal[f] === 1) fail(name, `transitions.${from}: terminal state '${from}' cannot be left`);
      }
    }
    const probabilities = this.table(
      this.states,
      tables(model.transitions),
      tables(strategy.transitions),
      strategy.transitions === undefined ? 'transitions' : `transitions (with strategy '${strategy.id}')`,
      (where, p) => checkProbability(name, where, p),
    );
    const values = this.table(
      channels,
      (c) => model.values[c]?.perCycleInState,
      (c) => strategy.values?.[c],
      'values',
      noTerminalValue,
    );
    const counterTable = this.table(
      counters,
      (c) => model.counters?.[c],
      (c) => strategy.counters?.[c],
      'counters',
      noTerminalValue,
    );
    const rowConstant = new Uint8Array(n);
    const outcomes = new Int32Array(n * n).fill(-1);
    const cumulative = new Float64Array(n * n);
    for (let f = 0; f < n; f++) {
      let constantRow = true;
      let leaving = 0;
      for (let t = 0; t < n; t++) {
        if (t === f) continue;
        if (probabilities.fn[f * n + t] !== undefined) constantRow = false;
        else leaving += probabilities.constant[f * n + t] as number;
      }
      if (!constantRow) continue;
      if (leaving > 1 + 1e-12) {
        fail(
          name,
          `strategy '${strategy.id}': probabilities out of '${this.states[f]}' add up to ${leaving}, more than 1`,
        );
      }
      rowConstant[f] = 1;
      probabilities.constant[f * n + f] = Math.max(0, 1 - leaving);
      let k = 0;
      let sum = 0;
      for (let t = 0; t < n; t++) {
        const p = probabilities.constant[f * n + t] as number;
        if (!(p > 0)) continue;
        sum += p;
        outcomes[f * n + k] = t;
        cumulative[f * n + k] = sum;
        k++;
      }
      cumulative[f * n + k - 1] = Number.POSITIVE_INFINITY;
    }
    return { rowConstant, outcomes, cumulative, probabilities, values, counters: counterTable };
  }
}

/** For each strategy, the earlier strategy whose path it can reuse, or −1 (see CycleSimulator.pathSource). */
function sharedPaths<S extends string, A>(strategies: readonly CompiledStrategy<S, A>[]): Int32Array {
  const constantValues = (s: CompiledStrategy<S, A>) => !s.values.anyFunction && !s.counters.anyFunction;
  const sameTransitions = (a: Table<S, A>, b: Table<S, A>) =>
    a.constant.every((p, i) => Object.is(p, b.constant[i])) && a.fn.every((f, i) => f === b.fn[i]);
  const source = new Int32Array(strategies.length).fill(-1);
  strategies.forEach((s, i) => {
    if (!constantValues(s)) return;
    source[i] = strategies.findIndex(
      (t, j) => j < i && source[j] === -1 && constantValues(t) && sameTransitions(s.probabilities, t.probabilities),
    );
  });
  return source;
}

/**
 * The weights of the values at a cycle's start and end time points, a and b years, for the
 * given timing and continuous discount rate r = ln(1 + annual rate).
 */
export function cycleWeights(timing: string, r: number, a: number, b: number): [number, number] {
  const dt = b - a;
  switch (timing) {
    case 'cycle-start':
      return [discountFactor(r, a), 0];
    case 'cycle-end':
      return [0, discountFactor(r, b)];
    case 'half-cycle':
      return [discountFactor(r, a) / 2, discountFactor(r, b) / 2];
    default: {
      const mid = a + dt / 2;
      return [
        discountedDuration(r, a, mid, discountFactor(r, a)) / dt,
        discountedDuration(r, mid, b, discountFactor(r, mid)) / dt,
      ];
    }
  }
}
