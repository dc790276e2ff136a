// The loop of a discrete-time (cycle) model: each individual of a block under every strategy.
//
// The model is compiled once (cycle-compile.ts) into typed arrays indexed by integer handles
// (state, channel, counter, strategy), so a cycle allocates nothing and calls no model code
// unless the model gave a function. Common random numbers hold by construction: cycle k of
// an individual uses the k-th uniform of its 'natural' stream in every strategy (one draw
// per cycle begun alive), so strategies that share a row of probabilities share the path.
// Values are weighted by per-time-point factors fixed by the value timing (cycle-model.ts).
import type { AccumulatorLayout, BlockAccumulator } from './accumulators.js';
import { CompiledCycleModel, type CompiledStrategy, checkProbability, fail } from './cycle-compile.js';
import type { CycleIndividual, CycleModelDefinition, CycleSimulationDefinition } from './cycle-model.js';
import { IndividualStreams } from './individual-streams.js';
import type { BlockSpec } from './model.js';
import { ENTRY_PURPOSE, NATURAL_PURPOSE, purposeId, requireUint32 } from './random-streams.js';

import { blockAccumulatorFor, type SimulationRunner } from './simulator.js';
import { fillUniforms } from './stream-fill.js';

/** The entry stream's handle in this simulator's IndividualStreams. */
const ENTRY_STREAM = 0;

class MutableCycleIndividual<S extends string, A> implements CycleIndividual<S, A> {
  index = 0;
  attributes!: A;
  state!: S;
  cycle = 0;
  cyclesInState = 0;
}

export function createCycleRunner<S extends string, A>(simulation: CycleSimulationDefinition<S, A>): SimulationRunner {
  const simulator = new CycleSimulator(simulation);
  return { layout: simulator.layout, run: (block, into) => simulator.run(block, into) };
}

export class CycleSimulator<S extends string, A> {
  readonly layout: AccumulatorLayout;
  private readonly compiled: CompiledCycleModel<S, A>;
  private readonly model: CycleModelDefinition<S, A>;
  private readonly states: readonly S[];
  private readonly terminal: Uint8Array;
  private readonly strategies: readonly CompiledStrategy<S, A>[];
  private readonly initial: number;
  private readonly weightAt: Float64Array;
  private readonly plainAt: Float64Array;
  private readonly channelGroup: Int32Array;
  private readonly groupWeightAt: Float64Array;
  private readonly groups: number;
  private readonly pathSource: Int32Array;
  /**
   * With constant values, a history only sums the weights of the time points spent in each
   * state (per group), and the cycles begun there; values are applied once at its end.
   * One set per strategy, so a strategy can reuse another's (pathSource).
   */
  private readonly stateWeight: Float64Array[];
  private readonly statePlain: Float64Array[];
  private readonly cyclesBegun: Float64Array[];
  private readonly endState: Int32Array;
  private readonly endCycle: Int32Array;
  /** The entry stream for attributes; the natural stream is drawn in bulk into `uniforms`. */
  private readonly streams = new IndividualStreams([ENTRY_PURPOSE]);
  private readonly naturalPurpose = purposeId(NATURAL_PURPOSE);
  private readonly uniforms: Float64Array;
  private readonly individual = new MutableCycleIndividual<S, A>();
  private readonly scratchProbabilities: Float64Array;
  private readonly discounted: Float64Array;
  private readonly undiscounted: Float64Array;
  private readonly counterTotals: Float64Array;

  constructor(readonly simulation: CycleSimulationDefinition<S, A>) {
    const compiled = new CompiledCycleModel(simulation);
    this.compiled = compiled;
    this.layout = compiled.layout;
    this.model = compiled.model;
    this.states = compiled.states;
    this.terminal = compiled.terminal;
    this.strategies = compiled.strategies;
    this.initial = compiled.initial;
    this.weightAt = compiled.weightAt;
    this.plainAt = compiled.plainAt;
    this.channelGroup = compiled.channelGroup;
    this.groupWeightAt = compiled.groupWeightAt;
    this.groups = compiled.groups;
    this.pathSource = compiled.pathSource;
    const n = this.states.length;
    const strategies = this.strategies.length;
    this.stateWeight = Array.from({ length: strategies }, () => new Float64Array(compiled.groups * n));
    this.statePlain = Array.from({ length: strategies }, () => new Float64Array(n));
    this.cyclesBegun = Array.from({ length: strategies }, () => new Float64Array(n));
    this.endState = new Int32Array(strategies);
    this.endCycle = new Int32Array(strategies);
    this.scratchProbabilities = new Float64Array(n);
    this.uniforms = new Float64Array(this.model.cycles);
    this.discounted = new Float64Array(this.layout.channels.length);
    this.undiscounted = new Float64Array(this.layout.channels.length);
    this.counterTotals = new Float64Array(this.layout.counters.length);
  }

  run(block: BlockSpec, into?: BlockAccumulator): BlockAccumulator {
    if (!Number.isInteger(block.count) || block.count < 0) {
      throw new RangeError(`block count must be a whole number ≥ 0, got ${block.count}`);
    }
    // Checked once per block: the streams are filled without openStream's per-stream checks.
    requireUint32('seed', block.seed);
    requireUint32('draw', block.draw);
    requireUint32('individual index', block.firstIndex);
    requireUint32('individual index', block.firstIndex + Math.max(0, block.count - 1));
    const acc = blockAccumulatorFor(this.layout, undefined, block, into);
    const traceBelow = block.traceIndividuals ?? 0;
    const { model, streams, individual } = this;
    for (let index = block.firstIndex; index < block.firstIndex + block.count; index++) {
      streams.startIndividual(block.seed, block.draw, index);
      individual.index = index;
      individual.attributes = (
        model.attributes === undefined ? undefined : model.attributes(streams.stream(ENTRY_STREAM), index)
      ) as A;
      const initial =
        this.initial >= 0
          ? this.initial
          : this.compiled.initialIndex((model.initialState as (a: A, i: number) => S)(individual.attributes, index));
      // Every cycle's uniform, drawn once and shared by the strategies (common random numbers).
      fillUniforms(this.uniforms, this.uniforms.length, block.seed, block.draw, index, this.naturalPurpose);
      for (let s = 0; s < this.strategies.length; s++) this.runHistory(acc, s, initial, index < traceBelow);
      acc.endIndividual();
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
    const { counts, offsets } = acc;
    const entered = (offsets.curveEntered[0] as number) + s;
    counts[entered] = (counts[entered] as number) + 1;
    if (terminal[state] === 1) {
      // Entered during cycle k: the event falls in that grid interval.
      const causes = this.model.terminalStates;
      const slot =
        (offsets.curveEvents[0] as number) + (s * causes.length + causes.indexOf(individual.state)) * cycles + k;
      counts[slot] = (counts[slot] as number) + 1;
    } else {
      const atHorizon = (offsets.curveAtHorizon[0] as number) + s;
      counts[atHorizon] = (counts[atHorizon] as number) + 1;
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
