// The loop of a discrete-time (cycle) model: each individual of a block under every strategy.
//
// Everything a cycle needs is compiled once into typed arrays indexed by integer handles
// (state, channel, counter, strategy), so a cycle allocates nothing and calls no model code
// unless the model gave a function. Common random numbers hold by construction: cycle k of
// an individual uses the k-th uniform of its 'natural' stream in every strategy (one draw
// per cycle begun alive), so strategies that share a row of probabilities share the path.
// Values are weighted by per-cycle factors fixed by the value timing (cycle-model.ts).
import { type AccumulatorLayout, BlockAccumulator } from './accumulators.js';
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
import { IndividualStreams } from './individual-streams.js';
import type { BlockSpec } from './model.js';
import { ENTRY_PURPOSE, NATURAL_PURPOSE, purposeId } from './random-streams.js';
import type { SimulationRunner } from './simulator.js';
import { fillUniforms } from './stream-fill.js';

type Fn<S extends string, A> = (individual: CycleIndividual<S, A>) => number;

/** A state × something table: constant entries in `constant`, function entries in `fn` (constant = NaN there). */
interface Table<S extends string, A> {
  readonly constant: Float64Array;
  readonly fn: readonly (Fn<S, A> | undefined)[];
  readonly anyFunction: boolean;
}

interface CompiledStrategy<S extends string, A> {
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

class MutableCycleIndividual<S extends string, A> implements CycleIndividual<S, A> {
  index = 0;
  attributes!: A;
  state!: S;
  cycle = 0;
  cyclesInState = 0;
}

function fail(model: string, message: string): never {
  throw new RangeError(`cycle model '${model}': ${message}`);
}

function checkProbability(model: string, where: string, p: number): void {
  if (!(p >= 0 && p <= 1)) fail(model, `${where} must be a probability in [0, 1], got ${p}`);
}

export function createCycleRunner<S extends string, A>(simulation: CycleSimulationDefinition<S, A>): SimulationRunner {
  const simulator = new CycleSimulator(simulation);
  return { layout: simulator.layout, run: (block) => simulator.run(block) };
}

export class CycleSimulator<S extends string, A> {
  readonly layout: AccumulatorLayout;
  private readonly model: CycleModelDefinition<S, A>;
  private readonly states: readonly S[];
  private readonly stateIndex: ReadonlyMap<S, number>;
  private readonly terminal: Uint8Array;
  private readonly strategies: readonly CompiledStrategy<S, A>[];
  private readonly initial: number;
  /**
   * Per channel × time point (0 … cycles): the discounted weight of the value of the state
   * held there (a cycle's value is split between its start and end points by the timing).
   */
  private readonly weightAt: Float64Array;
  /** The same weights undiscounted. */
  private readonly plainAt: Float64Array;
  /** Channels sharing a discount rate share a group: the weights per group × time point. */
  private readonly channelGroup: Int32Array;
  private readonly groupWeightAt: Float64Array;
  private readonly groups: number;
  /**
   * With constant values, a history only sums the weights of the time points spent in each
   * state (per group), and the cycles begun there; values are applied once at its end.
   */
  private readonly stateWeight: Float64Array[];
  private readonly statePlain: Float64Array[];
  private readonly cyclesBegun: Float64Array[];
  /**
   * A strategy with constant values whose transitions equal an earlier one's follows the very
   * same path (common random numbers), so it reuses that strategy's per-state weights instead
   * of simulating again (−1: simulate). Valuation only differs, as it would bit for bit.
   */
  private readonly pathSource: Int32Array;
  private readonly endState: Int32Array;
  private readonly endCycle: Int32Array;
  /** The entry stream for attributes; the natural stream is drawn in bulk into `uniforms`. */
  private readonly streams = new IndividualStreams();
  private readonly naturalPurpose = purposeId(NATURAL_PURPOSE);
  private readonly uniforms: Float64Array;
  private readonly individual = new MutableCycleIndividual<S, A>();
  private readonly scratchProbabilities: Float64Array;
  private readonly discounted: Float64Array;
  private readonly undiscounted: Float64Array;
  private readonly counterTotals: Float64Array;

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
    this.stateWeight = strategies.map(() => new Float64Array(rates.length * model.states.length));
    this.statePlain = strategies.map(() => new Float64Array(model.states.length));
    this.cyclesBegun = strategies.map(() => new Float64Array(model.states.length));
    this.pathSource = sharedPaths(this.strategies);
    this.endState = new Int32Array(strategies.length);
    this.endCycle = new Int32Array(strategies.length);

    this.layout = {
      strategyIds: strategies.map((s) => s.id),
      strategyLabels: strategies.map((s) => s.label),
      channels,
      counters,
      curves: [{ name: SURVIVAL_CURVE, causes: [...model.terminalStates], origin: 'entry' }],
      curveStepYears: dt,
      curveBins: cycles,
      horizonYears: cycles * dt,
    };
    this.scratchProbabilities = new Float64Array(model.states.length);
    this.uniforms = new Float64Array(cycles);
    this.discounted = new Float64Array(channels.length);
    this.undiscounted = new Float64Array(channels.length);
    this.counterTotals = new Float64Array(counters.length);
  }

  private initialIndex(state: S): number {
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

  run(block: BlockSpec): BlockAccumulator {
    if (!Number.isInteger(block.count) || block.count < 0) {
      throw new RangeError(`block count must be a whole number ≥ 0, got ${block.count}`);
    }
    // Checked once per block: the streams are filled without openStream's per-stream checks.
    const coordinates: [string, number][] = [
      ['seed', block.seed],
      ['draw', block.draw],
      ['individual index', block.firstIndex],
      ['individual index', block.firstIndex + Math.max(0, block.count - 1)],
    ];
    for (const [name, value] of coordinates) {
      if (!Number.isInteger(value) || value < 0 || value >= 0x1_0000_0000) {
        throw new RangeError(`random stream: ${name} must be an integer in [0, 2^32), got ${value}`);
      }
    }
    const acc = new BlockAccumulator(this.layout, block.firstIndex, block.count);
    const traceBelow = block.traceIndividuals ?? 0;
    const { model, streams, individual } = this;
    for (let index = block.firstIndex; index < block.firstIndex + block.count; index++) {
      streams.startIndividual(block.seed, block.draw, index);
      individual.index = index;
      individual.attributes = (
        model.attributes === undefined ? undefined : model.attributes(streams.stream(ENTRY_PURPOSE), index)
      ) as A;
      const initial =
        this.initial >= 0
          ? this.initial
          : this.initialIndex((model.initialState as (a: A, i: number) => S)(individual.attributes, index));
      // Every cycle's uniform, drawn once and shared by the strategies (common random numbers).
      fillUniforms(this.uniforms, this.uniforms.length, block.seed, block.draw, index, this.naturalPurpose);
      for (let s = 0; s < this.strategies.length; s++) this.runHistory(acc, s, initial, index < traceBelow);
    }
    return acc;
  }

  private runHistory(acc: BlockAccumulator, s: number, initial: number, tracing: boolean): void {
    const strategy = this.strategies[s] as CompiledStrategy<S, A>;
    const cycles = this.model.cycles;
    const { terminal, individual, discounted, undiscounted, counterTotals } = this;
    // Plain loops: TypedArray#fill is a builtin call, costly for a few slots per history.
    for (let c = 0; c < discounted.length; c++) {
      discounted[c] = 0;
      undiscounted[c] = 0;
    }
    for (let c = 0; c < counterTotals.length; c++) counterTotals[c] = 0;
    const source = tracing ? -1 : (this.pathSource[s] as number);
    if (source >= 0) this.applyConstantValues(strategy, source);
    else this.simulatePath(acc, s, initial, tracing);
    const path = source >= 0 ? source : s;
    const state = this.endState[path] as number;
    const k = this.endCycle[path] as number;
    individual.state = this.states[state] as S;
    const entered = acc.curveEntered[0] as Float64Array;
    entered[s] = (entered[s] as number) + 1;
    if (terminal[state] === 1) {
      // Entered during cycle k: the event falls in that grid interval.
      const causes = this.model.terminalStates;
      const events = acc.curveEvents[0] as Float64Array;
      const slot = (s * causes.length + causes.indexOf(individual.state)) * cycles + k;
      events[slot] = (events[slot] as number) + 1;
    } else {
      const atHorizon = acc.curveCensoredAtHorizon[0] as Float64Array;
      atHorizon[s] = (atHorizon[s] as number) + 1;
      if (tracing)
        this.trace(acc, this.layout.strategyIds[s] as string, cycles * this.model.cycleYears, 'end', 'horizon');
    }
    acc.addRewards(s, discounted, undiscounted);
    acc.addCounters(s, counterTotals);
  }

  /** Simulates strategy s's path for the current individual, ending in endState[s] at endCycle[s]. */
  private simulatePath(acc: BlockAccumulator, s: number, initial: number, tracing: boolean): void {
    const strategy = this.strategies[s] as CompiledStrategy<S, A>;
    const { rowConstant, cumulative, outcomes } = strategy;
    const n = this.states.length;
    const cycles = this.model.cycles;
    const { terminal, individual, counterTotals, uniforms } = this;
    const constantValues = !strategy.values.anyFunction && !strategy.counters.anyFunction;
    const stateWeight = this.stateWeight[s] as Float64Array;
    const statePlain = this.statePlain[s] as Float64Array;
    const cyclesBegun = this.cyclesBegun[s] as Float64Array;
    const { groupWeightAt, plainAt, groups } = this;
    const points = cycles + 1;
    if (constantValues) {
      for (let i = 0; i < stateWeight.length; i++) stateWeight[i] = 0;
      for (let i = 0; i < n; i++) {
        statePlain[i] = 0;
        cyclesBegun[i] = 0;
      }
    }
    const strategyId = this.layout.strategyIds[s] as string;
    let state = initial;
    individual.state = this.states[state] as S;
    individual.cycle = 0;
    individual.cyclesInState = 0;
    if (tracing) this.trace(acc, strategyId, 0, 'state', individual.state);
    let k = 0;
    for (; k <= cycles; k++) {
      // Time point k (the start of cycle k, or the horizon), in a state that is not terminal.
      if (constantValues) {
        for (let g = 0; g < groups; g++) {
          stateWeight[g * n + state] =
            (stateWeight[g * n + state] as number) + (groupWeightAt[g * points + k] as number);
        }
        statePlain[state] = (statePlain[state] as number) + (plainAt[k] as number);
      } else {
        this.valueTimePoint(strategy, k, state);
      }
      if (k === cycles) break;
      if (counterTotals.length > 0) {
        if (constantValues) cyclesBegun[state] = (cyclesBegun[state] as number) + 1;
        else this.countCycle(strategy, state);
      }
      let next: number;
      if (rowConstant[state] === 1) {
        // Inversion of the cumulative row (its last entry is +∞).
        const x = uniforms[k] as number;
        let j = state * n;
        while (x >= (cumulative[j] as number)) j++;
        next = outcomes[j] as number;
      } else {
        next = this.nextState(strategy, state, uniforms[k] as number);
      }
      individual.cycle = k + 1;
      if (next === state) {
        individual.cyclesInState += 1;
      } else {
        state = next;
        individual.state = this.states[state] as S;
        individual.cyclesInState = 0;
        if (tracing) this.trace(acc, strategyId, (k + 1) * this.model.cycleYears, 'state', individual.state);
        if (terminal[state] === 1) break;
      }
    }
    if (constantValues) this.applyConstantValues(strategy, s);
    this.endState[s] = state;
    this.endCycle[s] = k;
  }

  /**
   * Adds the values of (non-terminal) `state` at time point t (the start of cycle t) with
   * their weight there: the share of cycle t − 1 counted at its end plus the share of cycle t
   * counted at its start. A time point of weight 0 is not evaluated at all.
   */
  private valueTimePoint(strategy: CompiledStrategy<S, A>, t: number, state: number): void {
    const plain = this.plainAt[t] as number;
    if (plain === 0) return;
    const n = this.states.length;
    const points = this.model.cycles + 1;
    const { constant, fn, anyFunction } = strategy.values;
    const { discounted, undiscounted, weightAt } = this;
    for (let c = 0; c < discounted.length; c++) {
      const slot = c * n + state;
      let v = constant[slot] as number;
      if (anyFunction) {
        const f = fn[slot];
        if (f !== undefined) {
          v = f(this.individual);
          if (!Number.isFinite(v)) {
            fail(
              this.model.name,
              `values.${this.layout.channels[c]}.${this.states[state]} gave ${v} (must be finite) for individual ${this.individual.index} at cycle ${t}`,
            );
          }
        }
      }
      if (v === 0) continue;
      discounted[c] = (discounted[c] as number) + v * (weightAt[c * points + t] as number);
      undiscounted[c] = (undiscounted[c] as number) + v * plain;
    }
  }

  /** Totals of a history with constant values: each state's value times the weight of its time points. */
  private applyConstantValues(strategy: CompiledStrategy<S, A>, path: number): void {
    const n = this.states.length;
    const { discounted, undiscounted, counterTotals, channelGroup } = this;
    const stateWeight = this.stateWeight[path] as Float64Array;
    const statePlain = this.statePlain[path] as Float64Array;
    const cyclesBegun = this.cyclesBegun[path] as Float64Array;
    const values = strategy.values.constant;
    for (let c = 0; c < discounted.length; c++) {
      const g = channelGroup[c] as number;
      let d = 0;
      let u = 0;
      for (let st = 0; st < n; st++) {
        const v = values[c * n + st] as number;
        if (v === 0) continue;
        d += v * (stateWeight[g * n + st] as number);
        u += v * (statePlain[st] as number);
      }
      discounted[c] = d;
      undiscounted[c] = u;
    }
    const counts = strategy.counters.constant;
    for (let c = 0; c < counterTotals.length; c++) {
      let total = 0;
      for (let st = 0; st < n; st++) total += (counts[c * n + st] as number) * (cyclesBegun[st] as number);
      counterTotals[c] = total;
    }
  }

  private trace(acc: BlockAccumulator, strategyId: string, time: number, kind: 'state' | 'end', detail: string): void {
    acc.traces.push({ index: this.individual.index, strategyId, time, kind, detail });
  }

  private countCycle(strategy: CompiledStrategy<S, A>, state: number): void {
    const n = this.states.length;
    const { constant, fn } = strategy.counters;
    for (let c = 0; c < this.counterTotals.length; c++) {
      const slot = c * n + state;
      const f = fn[slot];
      const v = f === undefined ? (constant[slot] as number) : f(this.individual);
      if (!Number.isFinite(v)) {
        fail(
          this.model.name,
          `counters.${this.layout.counters[c]}.${this.states[state]} gave ${v} (must be finite) for individual ${this.individual.index} at cycle ${this.individual.cycle}`,
        );
      }
      this.counterTotals[c] = (this.counterTotals[c] as number) + v;
    }
  }

  /** The state after one cycle from `state`, given the cycle's uniform u. */
  private nextState(strategy: CompiledStrategy<S, A>, state: number, u: number): number {
    const n = this.states.length;
    const row = state * n;
    if (strategy.rowConstant[state] === 1) {
      const { outcomes, cumulative } = strategy;
      let k = row;
      while (u >= (cumulative[k] as number)) k++;
      return outcomes[k] as number;
    }
    // A row with functions: evaluate it for this individual and cycle, then invert the same way.
    const p = this.scratchProbabilities;
    const { constant, fn } = strategy.probabilities;
    let leaving = 0;
    for (let t = 0; t < n; t++) {
      if (t === state) continue;
      const f = fn[row + t];
      const value = f === undefined ? (constant[row + t] as number) : f(this.individual);
      checkProbability(
        this.model.name,
        `transitions.${this.states[state]}.${this.states[t]} (individual ${this.individual.index}, cycle ${this.individual.cycle})`,
        value,
      );
      p[t] = value;
      leaving += value;
    }
    if (leaving > 1 + 1e-12) {
      fail(
        this.model.name,
        `probabilities out of '${this.states[state]}' add up to ${leaving}, more than 1 (individual ${this.individual.index}, cycle ${this.individual.cycle})`,
      );
    }
    p[state] = Math.max(0, 1 - leaving);
    let sum = 0;
    let last = state;
    for (let t = 0; t < n; t++) {
      const q = p[t] as number;
      if (!(q > 0)) continue;
      sum += q;
      last = t;
      if (u < sum) return t;
    }
    return last;
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
