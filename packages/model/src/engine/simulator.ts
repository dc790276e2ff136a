// The event loop: runs each individual of a block under every strategy.
//
// Competing risks use the "next reaction" scheme: on entering a state each outgoing
// transition gets an Exp(1) budget from the individual's natural-history stream, and fires
// when its integrated hazard spends the budget. When an intervention changes hazards the
// budget already spent is kept and only the remainder is re-timed, so no natural-history
// random numbers are consumed by interventions. Scheduled events that change nothing
// therefore leave the natural history bitwise identical (common random numbers).
import { type AccumulatorLayout, BlockAccumulator, type CurveLayout } from './accumulators.js';
import { type CompiledModel, type CompiledTransition, compileModel } from './compiled-model.js';
import { continuousRate, discountedDuration, discountFactor } from './discounting.js';
import { EventQueue } from './event-queue.js';
import type { Hazard } from './hazard.js';
import { IndividualStreams } from './individual-streams.js';
import type { BlockSpec, EventHandler, Individual, SimulationContext, SimulationDefinition } from './model.js';
import { ENTRY_PURPOSE, NATURAL_PURPOSE } from './random-streams.js';

type AnyHandler<S extends string, A> = EventHandler<S, A, unknown>;

interface PeriodicVisit<S extends string, A> {
  readonly first: number;
  readonly interval: number;
  readonly until: number;
  readonly handler: EventHandler<S, A, number>;
  visit: number;
}

class MutableIndividual<S extends string, A> implements Individual<S, A> {
  index = 0;
  attributes!: A;
  state!: S;
  time = 0;
  stateEntryTime = 0;
  get timeInState(): number {
    return this.time - this.stateEntryTime;
  }
}

/** A compiled simulation with its model types erased: all a caller needs to run blocks. */
export interface SimulationRunner {
  readonly layout: AccumulatorLayout;
  /** Runs individuals [firstIndex, firstIndex + count) under every strategy. */
  run(block: BlockSpec): BlockAccumulator;
}

export function createRunner<S extends string, A>(simulation: SimulationDefinition<S, A>): SimulationRunner {
  const simulator = new Simulator(simulation);
  return { layout: simulator.compiled.layout, run: (block) => simulator.run(block) };
}

export class Simulator<S extends string, A> implements SimulationContext<S, A> {
  readonly compiled: CompiledModel<S, A>;
  readonly individual = new MutableIndividual<S, A>();
  strategyId = '';

  private readonly queue = new EventQueue<AnyHandler<S, A>>();
  private readonly streams = new IndividualStreams();
  private seed = 0;
  private draw = 0;
  private strategyIndex = 0;
  private terminated = false;
  /** When this history stops being observed: the horizon, or the end of its follow-up. */
  private historyEnd = 0;
  /** Counts state entries, so a hook that moves the individual on can be noticed. */
  private stateEntries = 0;
  private tracing = false;
  private acc!: BlockAccumulator;

  // Pending competing risks out of the current state, one slot each.
  private pendingCount = 0;
  private readonly pendingTransition: (CompiledTransition<S, A> | undefined)[];
  private readonly pendingHazard: (Hazard | undefined)[];
  private readonly pendingBudget: Float64Array;
  private readonly pendingClockStart: Float64Array;
  private readonly pendingTimeStart: Float64Array;
  private readonly pendingRatio: Float64Array;
  private readonly pendingEventTime: Float64Array;

  // Rewards of the current individual and strategy.
  private readonly rewardRate: Float64Array;
  private rewardsFrom = 0;
  private readonly discountedTotal: Float64Array;
  private readonly undiscountedTotal: Float64Array;
  /** This history's counter totals, added to the exact block sums once it ends. */
  private readonly counterTotal: Float64Array;
  /** e^{−rt} per channel at `discountTime`, reused by rewards added at the same moment. */
  private readonly discountAtTime: Float64Array;
  private discountTime = Number.NaN;
  private readonly continuousDiscount: Float64Array;
  /** Per curve: NOT_STARTED, OPEN (being followed since curveOrigin) or CLOSED. */
  private readonly curveStatus: Uint8Array;
  private readonly curveOrigin: Float64Array;

  constructor(readonly simulation: SimulationDefinition<S, A>) {
    this.compiled = compileModel(simulation);
    const slots = this.compiled.maxOutgoing;
    this.pendingTransition = new Array(slots).fill(undefined);
    this.pendingHazard = new Array(slots).fill(undefined);
    this.pendingBudget = new Float64Array(slots);
    this.pendingClockStart = new Float64Array(slots);
    this.pendingTimeStart = new Float64Array(slots);
    this.pendingRatio = new Float64Array(slots);
    this.pendingEventTime = new Float64Array(slots);
    const channels = this.compiled.layout.channels.length;
    this.rewardRate = new Float64Array(channels);
    this.discountedTotal = new Float64Array(channels);
    this.undiscountedTotal = new Float64Array(channels);
    this.continuousDiscount = Float64Array.from(this.compiled.channelDiscountRates, continuousRate);
    this.counterTotal = new Float64Array(this.compiled.layout.counters.length);
    this.discountAtTime = new Float64Array(channels);
    this.curveStatus = new Uint8Array(this.compiled.layout.curves.length);
    this.curveOrigin = new Float64Array(this.compiled.layout.curves.length);
  }

  run(block: BlockSpec): BlockAccumulator {
    if (!Number.isInteger(block.count) || block.count < 0) {
      throw new RangeError(`block count must be a whole number ≥ 0, got ${block.count}`);
    }
    this.seed = block.seed;
    this.draw = block.draw;
    this.acc = new BlockAccumulator(this.compiled.layout, block.firstIndex, block.count);
    const traceBelow = block.traceIndividuals ?? 0;
    const strategies = this.simulation.strategies;
    for (let index = block.firstIndex; index < block.firstIndex + block.count; index++) {
      this.tracing = index < traceBelow;
      this.streams.startIndividual(this.seed, this.draw, index);
      for (let s = 0; s < strategies.length; s++) {
        this.streams.rewind();
        this.runIndividual(index, s);
      }
      this.acc.endIndividual();
    }
    return this.acc;
  }

  // ── SimulationContext ────────────────────────────────────────────────────

  uniform(purpose: string): number {
    return this.streams.stream(purpose)();
  }

  setState(state: S): void {
    if (!this.compiled.stateIndex.has(state)) throw new RangeError(`setState: unknown state '${state}'`);
    if (this.terminated)
      throw new RangeError(
        `setState: individual ${this.individual.index} has already ended in '${this.individual.state}'`,
      );
    this.enterState(state);
  }

  hazardsChanged(): void {
    if (this.terminated) return;
    const now = this.individual.time;
    for (let k = 0; k < this.pendingCount; k++) {
      const hazard = this.pendingHazard[k] as Hazard;
      const clockStart = this.pendingClockStart[k] as number;
      const clockNow = clockStart + (now - (this.pendingTimeStart[k] as number));
      const spent = (this.pendingRatio[k] as number) * (hazard.cumulative(clockNow) - hazard.cumulative(clockStart));
      this.pendingBudget[k] = Math.max(0, (this.pendingBudget[k] as number) - (Number.isFinite(spent) ? spent : 0));
      this.timePending(k);
    }
    this.updateRewardRates();
  }

  addReward(channel: string, amount: number): void {
    const c = this.compiled.channelIndex.get(channel);
    if (c === undefined) throw new RangeError(`addReward: unknown reward channel '${channel}'`);
    if (!Number.isFinite(amount))
      throw new RangeError(`addReward: amount for '${channel}' must be finite, got ${amount}`);
    const now = this.individual.time;
    if (now !== this.discountTime) {
      this.discountTime = now;
      for (let k = 0; k < this.discountAtTime.length; k++) {
        this.discountAtTime[k] = discountFactor(this.continuousDiscount[k] as number, now);
      }
    }
    this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + amount;
    this.discountedTotal[c] = (this.discountedTotal[c] as number) + amount * (this.discountAtTime[c] as number);
  }

  count(counter: string, amount = 1): void {
    const k = this.compiled.counterIndex.get(counter);
    if (k === undefined) throw new RangeError(`count: unknown counter '${counter}'`);
    if (!Number.isFinite(amount)) throw new RangeError(`count: amount for '${counter}' must be finite, got ${amount}`);
    this.counterTotal[k] = (this.counterTotal[k] as number) + amount;
  }

  curveEvent(curve: string, cause: string): void {
    const c = this.compiled.curveIndex.get(curve);
    if (c === undefined) throw new RangeError(`curveEvent: unknown curve '${curve}'`);
    const causeIndex = this.compiled.layout.curves[c]?.causes.indexOf(cause) ?? -1;
    if (causeIndex < 0) throw new RangeError(`curveEvent: curve '${curve}' has no cause '${cause}'`);
    this.recordCurve(c, causeIndex);
  }

  curveStart(curve: string): void {
    const c = this.compiled.curveIndex.get(curve);
    if (c === undefined) throw new RangeError(`curveStart: unknown curve '${curve}'`);
    if (this.compiled.layout.curves[c]?.origin !== 'marked') {
      throw new RangeError(`curveStart: curve '${curve}' starts at entry, not at a marked time`);
    }
    if (this.curveStatus[c] === NOT_STARTED) this.openCurve(c);
  }

  schedule<D>(time: number, handler: EventHandler<S, A, D>, data: D): void {
    const now = this.individual.time;
    if (!(time >= now)) throw new RangeError(`schedule: time ${time} is before the current time ${now}`);
    if (time >= this.historyEnd) return;
    this.queue.push(time, handler as AnyHandler<S, A>, data);
  }

  schedulePeriodic(first: number, interval: number, until: number, handler: EventHandler<S, A, number>): void {
    if (!(interval > 0)) throw new RangeError(`schedulePeriodic: interval must be > 0 years, got ${interval}`);
    const visit: PeriodicVisit<S, A> = { first, interval, until, handler, visit: 0 };
    if (first < until) this.schedule(first, runPeriodicVisit, visit);
  }

  // ── one individual under one strategy ────────────────────────────────────

  private runIndividual(index: number, strategyIndex: number): void {
    const { model } = this.simulation;
    const strategy = this.simulation.strategies[strategyIndex];
    if (strategy === undefined) return;
    this.strategyIndex = strategyIndex;
    this.strategyId = strategy.id;
    const ind = this.individual;
    ind.index = index;
    ind.time = 0;
    ind.stateEntryTime = 0;
    this.queue.clear();
    this.terminated = false;
    this.pendingCount = 0;
    this.discountedTotal.fill(0);
    this.undiscountedTotal.fill(0);
    this.counterTotal.fill(0);
    this.discountTime = Number.NaN;
    this.rewardRate.fill(0);
    this.rewardsFrom = 0;
    this.curveStatus.fill(NOT_STARTED);
    this.compiled.layout.curves.forEach((curve, c) => {
      if (curve.origin === 'entry') this.openCurve(c);
    });
    ind.attributes = model.attributes(this.streams.stream(ENTRY_PURPOSE), index);
    this.historyEnd = this.compiled.horizonYears;
    if (model.followUpYears !== undefined) {
      const followUp = model.followUpYears(ind);
      if (!(followUp >= 0)) throw new RangeError(`followUpYears must be ≥ 0, got ${followUp} for individual ${index}`);
      this.historyEnd = Math.min(this.historyEnd, followUp);
    }
    const initial = typeof model.initialState === 'function' ? model.initialState(ind) : model.initialState;
    this.enterState(initial);
    model.onEntry?.(this);
    if (!this.terminated) strategy.onEntry?.(this);
    this.loop();
    this.acc.addRewards(strategyIndex, this.discountedTotal, this.undiscountedTotal);
    this.acc.addCounters(strategyIndex, this.counterTotal);
  }

  private loop(): void {
    const ind = this.individual;
    const end = this.historyEnd;
    while (!this.terminated) {
      let next = -1;
      let nextTime = Infinity;
      for (let k = 0; k < this.pendingCount; k++) {
        const t = this.pendingEventTime[k] as number;
        if (t < nextTime) {
          nextTime = t;
          next = k;
        }
      }
      const eventTime = this.queue.peekTime();
      if (eventTime <= nextTime && eventTime < end) {
        this.advanceTo(eventTime);
        const event = this.queue.pop();
        if (event === undefined) break;
        if (this.tracing) this.trace('event', handlerName(event.handler, event.data));
        event.handler(this, event.data);
      } else if (next >= 0 && nextTime < end) {
        this.advanceTo(nextTime);
        const transition = this.pendingTransition[next] as CompiledTransition<S, A>;
        this.enterState(transition.to, transition.definition.onTransition);
      } else {
        this.advanceTo(end);
        this.settleRewards();
        if (this.tracing) this.trace('end', end < this.compiled.horizonYears ? 'end of follow-up' : 'horizon');
        this.censorOpenCurves();
        break;
      }
    }
    if (ind.time > end) throw new Error('simulator: time passed the end of follow-up');
  }

  /**
   * Moves to `state`. `onEnter` (a transition's hook) runs after the state is set and before
   * the new state's hazards are timed, so attributes it updates (e.g. when a disease episode
   * began) are what those hazards see. If the hook moves the individual on, that entry wins.
   */
  private enterState(state: S, onEnter?: (ctx: SimulationContext<S, A>) => void): void {
    const ind = this.individual;
    ind.state = state;
    ind.stateEntryTime = ind.time;
    const entry = ++this.stateEntries;
    this.pendingCount = 0;
    if (this.tracing) this.trace('state', state);
    const stateIndex = this.compiled.stateIndex.get(state) as number;
    if (this.compiled.terminal[stateIndex] === 1) {
      this.terminated = true;
      this.settleRewards();
      this.rewardRate.fill(0);
      this.recordTerminalOnCurves(state);
      onEnter?.(this);
      return;
    }
    onEnter?.(this);
    if (entry !== this.stateEntries) return;
    const outgoing = this.compiled.outgoing[stateIndex] as readonly CompiledTransition<S, A>[];
    this.pendingCount = outgoing.length;
    for (let k = 0; k < outgoing.length; k++) {
      const transition = outgoing[k] as CompiledTransition<S, A>;
      this.pendingTransition[k] = transition;
      // Exp(1) budget by inversion; 1 − u lies in (0, 1] so the log is finite.
      this.pendingBudget[k] = -Math.log(1 - this.uniform(NATURAL_PURPOSE));
      this.timePending(k);
    }
    this.updateRewardRates();
  }

  /** Sets the event time of pending slot k from its remaining budget, starting now. */
  private timePending(k: number): void {
    const ind = this.individual;
    const transition = this.pendingTransition[k] as CompiledTransition<S, A>;
    const definition = transition.definition;
    const hazard = typeof definition.hazard === 'function' ? definition.hazard(ind) : definition.hazard;
    const ratio = definition.hazardRatio === undefined ? 1 : definition.hazardRatio(ind);
    if (!(ratio >= 0) || !Number.isFinite(ratio)) {
      throw new RangeError(`transition ${transition.label}: hazard ratio must be finite and ≥ 0, got ${ratio}`);
    }
    const clock =
      (definition.clock === 'entry' ? ind.time : ind.timeInState) +
      (definition.clockOffset === undefined ? 0 : definition.clockOffset(ind));
    this.pendingHazard[k] = hazard;
    this.pendingRatio[k] = ratio;
    this.pendingClockStart[k] = clock;
    this.pendingTimeStart[k] = ind.time;
    const budget = this.pendingBudget[k] as number;
    if (ratio === 0) {
      this.pendingEventTime[k] = Infinity;
      return;
    }
    const clockAtEvent = hazard.inverseCumulative(hazard.cumulative(clock) + budget / ratio);
    // Floating-point inversion can land a hair before the current clock; never go back in time.
    this.pendingEventTime[k] = ind.time + Math.max(0, clockAtEvent - clock);
  }

  private updateRewardRates(): void {
    const ind = this.individual;
    const rates = this.compiled.stateRewardRates[this.compiled.stateIndex.get(ind.state) as number];
    if (rates === undefined) return;
    let settled = false;
    for (let c = 0; c < rates.length; c++) {
      const rate = rates[c];
      const value = rate === undefined ? 0 : typeof rate === 'function' ? rate(ind) : rate;
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `reward rate for channel '${this.compiled.layout.channels[c]}' in state '${ind.state}' must be finite, got ${value}`,
        );
      }
      if (value !== this.rewardRate[c]) {
        if (!settled) this.settleRewards();
        settled = true;
        this.rewardRate[c] = value;
      }
    }
  }

  /** Moves the clock forward; rewards are integrated lazily (see settleRewards). */
  private advanceTo(t: number): void {
    if (t > this.individual.time) this.individual.time = t;
  }

  /**
   * Integrates the current reward rates from when they started to now. Called only when a
   * rate changes or the history ends, so events that change nothing do not split the
   * integral and leave the totals bitwise identical.
   */
  private settleRewards(): void {
    const from = this.rewardsFrom;
    const to = this.individual.time;
    if (to > from) {
      for (let c = 0; c < this.rewardRate.length; c++) {
        const rate = this.rewardRate[c] as number;
        if (rate === 0) continue;
        const r = this.continuousDiscount[c] as number;
        this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + rate * (to - from);
        this.discountedTotal[c] =
          (this.discountedTotal[c] as number) + rate * discountedDuration(r, from, to, discountFactor(r, from));
      }
    }
    this.rewardsFrom = to;
  }

  // ── curves and traces ────────────────────────────────────────────────────

  private openCurve(curve: number): void {
    this.curveStatus[curve] = OPEN;
    this.curveOrigin[curve] = this.individual.time;
    const entered = this.acc.curveEntered[curve] as Float64Array;
    entered[this.strategyIndex] = (entered[this.strategyIndex] as number) + 1;
  }

  /** Grid interval of the current time on a curve, or −1 at (or past) the end of the grid. */
  private curveBin(curve: number): number {
    const layout = this.compiled.layout;
    const bin = Math.floor((this.individual.time - (this.curveOrigin[curve] as number)) / layout.curveStepYears);
    return bin < layout.curveBins ? bin : -1;
  }

  private recordCurve(curve: number, cause: number): void {
    if (this.curveStatus[curve] !== OPEN) return;
    this.curveStatus[curve] = CLOSED;
    const layout = this.compiled.layout;
    const causes = (layout.curves[curve] as CurveLayout).causes.length;
    const inGrid = this.curveBin(curve);
    const bin = inGrid < 0 ? layout.curveBins - 1 : inGrid;
    const slot = (this.strategyIndex * causes + cause) * layout.curveBins + bin;
    const events = this.acc.curveEvents[curve] as Float64Array;
    events[slot] = (events[slot] as number) + 1;
  }

  private recordTerminalOnCurves(state: S): void {
    const curves = this.compiled.layout.curves;
    for (let c = 0; c < curves.length; c++) {
      this.recordCurve(c, (curves[c] as CurveLayout).causes.indexOf(state));
    }
  }

  /** Closes open curves at the end of the history: censored inside the grid, or at its end. */
  private censorOpenCurves(): void {
    for (let c = 0; c < this.curveStatus.length; c++) {
      if (this.curveStatus[c] !== OPEN) continue;
      this.curveStatus[c] = CLOSED;
      const bin = this.curveBin(c);
      if (bin < 0) {
        const atHorizon = this.acc.curveCensoredAtHorizon[c] as Float64Array;
        atHorizon[this.strategyIndex] = (atHorizon[this.strategyIndex] as number) + 1;
      } else {
        const censored = this.acc.curveCensored[c] as Float64Array;
        const slot = this.strategyIndex * this.compiled.layout.curveBins + bin;
        censored[slot] = (censored[slot] as number) + 1;
      }
    }
  }

  private trace(kind: 'state' | 'event' | 'end', detail: string): void {
    this.acc.traces.push({
      index: this.individual.index,
      strategyId: this.strategyId,
      time: this.individual.time,
      kind,
      detail,
    });
  }
}

function runPeriodicVisit<S extends string, A>(ctx: SimulationContext<S, A>, visit: PeriodicVisit<S, A>): void {
  visit.handler(ctx, visit.visit);
  visit.visit += 1;
  const next = visit.first + visit.visit * visit.interval;
  if (next < visit.until) ctx.schedule(next, runPeriodicVisit, visit);
}

const NOT_STARTED = 0;
const OPEN = 1;
const CLOSED = 2;

function handlerName<S extends string, A>(handler: AnyHandler<S, A>, data: unknown): string {
  const named = handler === runPeriodicVisit ? (data as PeriodicVisit<S, A>).handler : handler;
  return named.name || 'anonymous';
}
