// The event loop: runs each individual of a block under every strategy.
//
// Competing risks use the "next reaction" scheme: on entering a state each outgoing
// transition gets an Exp(1) budget from the individual's natural-history stream, and fires
// when its integrated hazard spends the budget. When an intervention changes hazards the
// budget already spent is kept and only the remainder is re-timed, so no natural-history
// random numbers are consumed by interventions. Scheduled events that change nothing
// therefore leave the natural history bitwise identical (common random numbers).
import { type AccumulatorLayout, AccumulatorOffsets, BlockAccumulator, type CurveLayout } from './accumulators.js';
import { type CompiledModel, type CompiledTransition, compileModel } from './compiled-model.js';
import { continuousRate, discountedDuration, discountFactor } from './discounting.js';
import { exponentialWait, trialsBeforeSuccess, unitExponential } from './draws.js';
import { EventQueue } from './event-queue.js';
import { CAUSES_PER_CURVE } from './handles.js';
import type { Hazard } from './hazard.js';
import { IndividualStreams } from './individual-streams.js';
import type {
  BlockSpec,
  EventHandler,
  Individual,
  SimulationContext,
  SimulationDefinition,
  VisitRun,
  VisitSchedule,
  VisitSegment,
} from './model.js';
import { ENGINE_PURPOSES } from './random-streams.js';
import { advanceSchedule, inSegment, type ScheduleInProgress, visitTime } from './visit-schedule.js';

type AnyHandler<S extends string, A> = EventHandler<S, A, unknown>;
type AnySchedule<S extends string, A> = ScheduleInProgress<S, A, VisitSegment, unknown>;

/** Handles of the engine's own purposes (see ENGINE_PURPOSES). */
const ENTRY_HANDLE = 0;
const NATURAL_HANDLE = 1;

/** A run of quiet visits handed to a schedule's `run` (one reused record per simulator). */
class MutableVisitRun implements VisitRun<VisitSegment> {
  segment!: VisitSegment;
  segmentIndex = 0;
  number = 0;
  count = 0;
  first = 0;
  every = 0;
  start = 0;
  time(i: number): number {
    return visitTime(this.start, this.segment, this.number + i);
  }
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
  /**
   * Runs individuals [firstIndex, firstIndex + count) under every strategy. With `into` (an
   * accumulator this runner returned before, no longer needed), that one is emptied and
   * filled instead of a new one, so running block after block allocates no buffers.
   */
  run(block: BlockSpec, into?: BlockAccumulator): BlockAccumulator;
}

/** `into` emptied for the block, or a new accumulator (see SimulationRunner.run). */
export function blockAccumulatorFor(
  layout: AccumulatorLayout,
  offsets: AccumulatorOffsets | undefined,
  block: BlockSpec,
  into: BlockAccumulator | undefined,
): BlockAccumulator {
  if (into === undefined) return new BlockAccumulator(layout, block.firstIndex, block.count, offsets);
  if (into.layout !== layout) throw new RangeError('run: the accumulator to reuse belongs to another runner');
  into.reset(block.firstIndex, block.count);
  return into;
}

export function createRunner<S extends string, A>(simulation: SimulationDefinition<S, A>): SimulationRunner {
  const simulator = new Simulator(simulation);
  return { layout: simulator.compiled.layout, run: (block, into) => simulator.run(block, into) };
}

export class Simulator<S extends string, A> implements SimulationContext<S, A> {
  readonly compiled: CompiledModel<S, A>;
  readonly individual = new MutableIndividual<S, A>();
  strategyId = '';

  private readonly queue = new EventQueue<AnyHandler<S, A>>();
  private readonly streams: IndividualStreams;
  private stateIdx = 0;
  /** The current individual's attributes as drawn (with copyAttributes: copied for each strategy). */
  private drawnAttributes: A | undefined;
  private readonly visitRun = new MutableVisitRun();
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
  private readonly offsets: AccumulatorOffsets;

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
  /**
   * Channels with the same discount rate share one group, and so the remembered factors below
   * (a priced amount and its quantity are added at the same time, discounted alike).
   */
  private readonly discountGroup: Int32Array;
  /** Per group, e^{−rt} at the time last asked for (rewards at one moment, a run's visits). */
  private readonly discountTimeOf: Float64Array;
  private readonly discountValueOf: Float64Array;
  /** Per group, the last series asked for (first, every, count) and its sum of discount factors. */
  private readonly seriesFirstOf: Float64Array;
  private readonly seriesEveryOf: Float64Array;
  private readonly seriesCountOf: Float64Array;
  private readonly seriesFactorsOf: Float64Array;
  /** Per group, the discounted duration of the interval being settled (see settleRewards). */
  private readonly groupDuration: Float64Array;
  private readonly continuousDiscount: Float64Array;
  /** Per curve: NOT_STARTED, OPEN (being followed since curveOrigin) or CLOSED. */
  private readonly curveStatus: Uint8Array;
  private readonly curveOrigin: Float64Array;
  /**
   * Per curve and strategy, the individuals entered in this block, added to the counts when
   * the block ends: the counts are spread over ~0.7 MB, and one write there per curve opened
   * missed the cache (these are integers, so the totals are the same).
   */
  private readonly enteredInBlock: Float64Array;

  constructor(readonly simulation: SimulationDefinition<S, A>) {
    this.compiled = compileModel(simulation);
    this.offsets = new AccumulatorOffsets(this.compiled.layout);
    const purposes = this.compiled.purposes;
    this.streams = new IndividualStreams(purposes ?? ENGINE_PURPOSES, purposes === undefined);
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
    const rates = [...new Set(this.continuousDiscount)];
    this.discountGroup = Int32Array.from(this.continuousDiscount, (r) => rates.indexOf(r));
    this.discountTimeOf = new Float64Array(rates.length).fill(Number.NaN);
    this.discountValueOf = new Float64Array(rates.length);
    this.seriesFirstOf = new Float64Array(rates.length).fill(Number.NaN);
    this.seriesEveryOf = new Float64Array(rates.length).fill(Number.NaN);
    this.seriesCountOf = new Float64Array(rates.length).fill(Number.NaN);
    this.seriesFactorsOf = new Float64Array(rates.length);
    this.groupDuration = new Float64Array(rates.length);
    this.curveStatus = new Uint8Array(this.compiled.layout.curves.length);
    this.curveOrigin = new Float64Array(this.compiled.layout.curves.length);
    this.enteredInBlock = new Float64Array(this.compiled.layout.curves.length * simulation.strategies.length);
  }

  run(block: BlockSpec, into?: BlockAccumulator): BlockAccumulator {
    if (!Number.isInteger(block.count) || block.count < 0) {
      throw new RangeError(`block count must be a whole number ≥ 0, got ${block.count}`);
    }
    this.seed = block.seed;
    this.draw = block.draw;
    this.acc = blockAccumulatorFor(this.compiled.layout, this.offsets, block, into);
    const traceBelow = block.traceIndividuals ?? 0;
    const strategies = this.simulation.strategies;
    const entered = this.enteredInBlock;
    entered.fill(0);
    for (let index = block.firstIndex; index < block.firstIndex + block.count; index++) {
      this.tracing = index < traceBelow;
      this.streams.startIndividual(this.seed, this.draw, index);
      for (let s = 0; s < strategies.length; s++) {
        this.streams.rewind();
        this.runIndividual(index, s);
      }
      this.acc.endIndividual();
    }
    const counts = this.acc.counts;
    for (let c = 0; c < this.offsets.curveEntered.length; c++) {
      for (let s = 0; s < strategies.length; s++) {
        const slot = (this.offsets.curveEntered[c] as number) + s;
        counts[slot] = (counts[slot] as number) + (entered[c * strategies.length + s] as number);
      }
    }
    return this.acc;
  }

  // ── SimulationContext ────────────────────────────────────────────────────

  uniform(purpose: number | string): number {
    return this.streams.stream(typeof purpose === 'number' ? purpose : this.streams.handleOf(purpose))();
  }

  exponentialWait(purpose: number | string, ratePerYear: number): number {
    return exponentialWait(this.uniform(purpose), ratePerYear);
  }

  waitOnHazard(purpose: number | string, hazard: Hazard, clockNow: number, ratio = 1): number {
    const budget = unitExponential(this.uniform(purpose));
    if (!(ratio > 0)) return Infinity;
    // A tiny budget can round the inverse below the clock (−2e-16 was seen in 10M patients).
    return Math.max(0, hazard.inverseCumulative(hazard.cumulative(clockNow) + budget / ratio) - clockNow);
  }

  trialsBeforeSuccess(purpose: number | string, p: number): number {
    return trialsBeforeSuccess(this.uniform(purpose), p);
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

  private channelOf(channel: number | string, where: string): number {
    if (typeof channel === 'number') {
      if (channel >= 0 && channel < this.discountedTotal.length) return channel;
      throw new RangeError(`${where}: no reward channel with handle ${channel}`);
    }
    const c = this.compiled.channelIndex.get(channel);
    if (c === undefined) throw new RangeError(`${where}: unknown reward channel '${channel}'`);
    return c;
  }

  addReward(channel: number | string, amount: number): void {
    const c = this.channelOf(channel, 'addReward');
    if (!Number.isFinite(amount))
      throw new RangeError(`addReward: amount for '${channel}' must be finite, got ${amount}`);
    this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + amount;
    this.discountedTotal[c] = (this.discountedTotal[c] as number) + amount * this.discountAt(c, this.individual.time);
  }

  addRewardAt(channel: number | string, amount: number, time: number): void {
    const c = this.channelOf(channel, 'addRewardAt');
    if (!Number.isFinite(amount)) {
      throw new RangeError(`addRewardAt: amount for '${channel}' must be finite, got ${amount}`);
    }
    this.requireAhead('addRewardAt', time);
    this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + amount;
    this.discountedTotal[c] = (this.discountedTotal[c] as number) + amount * this.discountAt(c, time);
  }

  addRewardSeries(channel: number | string, amount: number, first: number, every: number, count: number): void {
    const c = this.channelOf(channel, 'addRewardSeries');
    if (!Number.isFinite(amount)) {
      throw new RangeError(`addRewardSeries: amount for '${channel}' must be finite, got ${amount}`);
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`addRewardSeries: count must be a whole number ≥ 0, got ${count}`);
    }
    if (count === 0) return;
    if (!(every > 0)) throw new RangeError(`addRewardSeries: every must be > 0 years, got ${every}`);
    this.requireAhead('addRewardSeries', first);
    this.requireAhead('addRewardSeries', first + (count - 1) * every);
    const factors = this.seriesFactors(c, first, every, count);
    this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + amount * count;
    this.discountedTotal[c] = (this.discountedTotal[c] as number) + amount * factors;
  }

  /** Σ_{i<count} e^{−r(first + i·every)} for channel c, remembered for the next call with the same series. */
  private seriesFactors(c: number, first: number, every: number, count: number): number {
    const g = this.discountGroup[c] as number;
    if (first === this.seriesFirstOf[g] && every === this.seriesEveryOf[g] && count === this.seriesCountOf[g]) {
      return this.seriesFactorsOf[g] as number;
    }
    const r = this.continuousDiscount[c] as number;
    // Σ_{i<count} e^{−r(first + i·every)} = e^{−r·first} · (1 − e^{−r·every·count}) / (1 − e^{−r·every}).
    let factors: number;
    if (r === 0) factors = count;
    else if (r * every < 1e-6) {
      // The closed form loses its precision (0/0 at a subnormal rate): sum the terms.
      factors = 0;
      for (let i = 0; i < count; i++) factors += discountFactor(r, first + i * every);
    } else factors = (this.discountAt(c, first) * Math.expm1(-r * every * count)) / Math.expm1(-r * every);
    this.seriesFirstOf[g] = first;
    this.seriesEveryOf[g] = every;
    this.seriesCountOf[g] = count;
    this.seriesFactorsOf[g] = factors;
    return factors;
  }

  /** e^{−r·time} for channel c, remembered (for its discount group) for the next call at the same time. */
  private discountAt(c: number, time: number): number {
    const g = this.discountGroup[c] as number;
    if (time !== this.discountTimeOf[g]) {
      this.discountTimeOf[g] = time;
      this.discountValueOf[g] = discountFactor(this.continuousDiscount[c] as number, time);
    }
    return this.discountValueOf[g] as number;
  }

  private requireAhead(where: string, time: number): void {
    if (!(time >= this.individual.time && time <= this.historyEnd)) {
      throw new RangeError(
        `${where}: time ${time} must lie between now (${this.individual.time}) and the end of this history (${this.historyEnd})`,
      );
    }
  }

  count(counter: number | string, amount = 1): void {
    let k: number;
    if (typeof counter === 'number') {
      k = counter;
      if (!(k >= 0 && k < this.counterTotal.length)) throw new RangeError(`count: no counter with handle ${counter}`);
    } else {
      const named = this.compiled.counterIndex.get(counter);
      if (named === undefined) throw new RangeError(`count: unknown counter '${counter}'`);
      k = named;
    }
    if (!Number.isFinite(amount)) throw new RangeError(`count: amount for '${counter}' must be finite, got ${amount}`);
    this.counterTotal[k] = (this.counterTotal[k] as number) + amount;
  }

  curveEvent(curve: number | string, cause?: string): void {
    let c: number;
    let causeIndex: number;
    if (typeof curve === 'number') {
      c = Math.floor(curve / CAUSES_PER_CURVE);
      causeIndex = curve - c * CAUSES_PER_CURVE;
      const causes = this.compiled.layout.curves[c]?.causes.length ?? 0;
      if (!(causeIndex < causes)) throw new RangeError(`curveEvent: no curve cause with handle ${curve}`);
    } else {
      const named = this.compiled.curveIndex.get(curve);
      if (named === undefined) throw new RangeError(`curveEvent: unknown curve '${curve}'`);
      c = named;
      causeIndex = cause === undefined ? -1 : (this.compiled.layout.curves[c]?.causes.indexOf(cause) ?? -1);
      if (causeIndex < 0) throw new RangeError(`curveEvent: curve '${curve}' has no cause '${cause}'`);
    }
    this.recordCurve(c, causeIndex);
  }

  curveStart(curve: number | string): void {
    const c = typeof curve === 'number' ? curve : this.compiled.curveIndex.get(curve);
    const layout = c === undefined ? undefined : this.compiled.layout.curves[c];
    if (c === undefined || layout === undefined) throw new RangeError(`curveStart: unknown curve '${curve}'`);
    if (layout.origin !== 'marked') {
      throw new RangeError(`curveStart: curve '${layout.name}' starts at entry, not at a marked time`);
    }
    if (this.curveStatus[c] === NOT_STARTED) this.openCurve(c);
  }

  schedule<D>(time: number, handler: EventHandler<S, A, D>, data: D): void {
    const now = this.individual.time;
    if (!(time >= now)) throw new RangeError(`schedule: time ${time} is before the current time ${now}`);
    // The horizon is inclusive: an event at exactly the end of follow-up still runs.
    if (time > this.historyEnd) return;
    this.queue.push(time, handler as AnyHandler<S, A>, data);
  }

  schedulePeriodic(first: number, interval: number, until: number, handler: EventHandler<S, A, number>): void {
    if (!(interval > 0)) throw new RangeError(`schedulePeriodic: interval must be > 0 years, got ${interval}`);
    const schedule: VisitSchedule<S, A, VisitSegment, null> = {
      name: handler.name,
      segments: [{ fromYears: first, toYears: until, everyYears: interval }],
      visit: (ctx, visit) => {
        handler(ctx, visit.number);
        return true;
      },
    };
    this.scheduleVisits(0, schedule, null);
  }

  scheduleVisits<T extends VisitSegment, D>(start: number, schedule: VisitSchedule<S, A, T, D>, data: D): void {
    schedule.segments.forEach((segment, i) => {
      if (!(segment.everyYears > 0) || !(segment.toYears > segment.fromYears) || !(segment.fromYears >= 0)) {
        throw new RangeError(
          `scheduleVisits: segment ${i} needs 0 ≤ fromYears < toYears and everyYears > 0, got ${JSON.stringify(segment)}`,
        );
      }
    });
    if ((schedule.quiet === undefined) !== (schedule.run === undefined)) {
      throw new RangeError('scheduleVisits: a schedule gives both quiet and run, or neither');
    }
    const progress: ScheduleInProgress<S, A, T, D> = { schedule, data, start, segmentIndex: 0, number: 0 };
    if (advanceSchedule(progress, 0)) this.scheduleNextVisit(progress as unknown as AnySchedule<S, A>);
  }

  private scheduleNextVisit(progress: AnySchedule<S, A>): void {
    const segment = progress.schedule.segments[progress.segmentIndex] as VisitSegment;
    this.schedule(visitTime(progress.start, segment, progress.number), this.visitDue, progress);
  }

  /**
   * A schedule's visit is due. If the schedule says the visit is quiet, every visit of this
   * segment due before the next other event (a transition, another queued event, the end of
   * the history) is taken as one run; otherwise the visit alone.
   */
  private readonly visitDue = (_ctx: SimulationContext<S, A>, progress: AnySchedule<S, A>): void => {
    const schedule = progress.schedule;
    const segment = schedule.segments[progress.segmentIndex] as VisitSegment;
    let taken = 1;
    if (this.simulation.visitsOneByOne !== true && schedule.quiet?.(this, progress.data)) {
      let limit = Math.min(this.queue.peekTime(), this.historyEnd);
      for (let k = 0; k < this.pendingCount; k++) limit = Math.min(limit, this.pendingEventTime[k] as number);
      let count = 1;
      while (
        inSegment(segment, progress.number + count) &&
        visitTime(progress.start, segment, progress.number + count) < limit
      ) {
        count++;
      }
      if (count > 1) {
        const run = this.visitRun;
        run.segment = segment;
        run.segmentIndex = progress.segmentIndex;
        run.number = progress.number;
        run.count = count;
        run.start = progress.start;
        run.first = this.individual.time;
        run.every = segment.everyYears;
        if (this.tracing) this.trace('event', `${scheduleName(schedule)} ×${count}`);
        (schedule.run as NonNullable<typeof schedule.run>)(this, run, progress.data);
        taken = count;
      }
    }
    if (taken === 1) {
      if (this.tracing) this.trace('event', scheduleName(schedule));
      const visit = {
        segment,
        segmentIndex: progress.segmentIndex,
        number: progress.number,
        time: this.individual.time,
      };
      if (schedule.visit(this, visit, progress.data) === false) return;
    }
    if (!this.terminated && advanceSchedule(progress, taken)) this.scheduleNextVisit(progress);
  };

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
    this.rewardRate.fill(0);
    this.rewardsFrom = 0;
    this.curveStatus.fill(NOT_STARTED);
    const entryCurves = this.compiled.entryCurves;
    for (let i = 0; i < entryCurves.length; i++) this.openCurve(entryCurves[i] as number);
    if (model.copyAttributes === undefined) {
      ind.attributes = model.attributes(this.streams.stream(ENTRY_HANDLE), index);
    } else {
      if (strategyIndex === 0) this.drawnAttributes = model.attributes(this.streams.stream(ENTRY_HANDLE), index);
      ind.attributes = model.copyAttributes(this.drawnAttributes as A);
    }
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
      if (eventTime <= nextTime && eventTime <= end) {
        this.advanceTo(eventTime);
        if (!this.queue.pop()) break;
        const handler = this.queue.poppedHandler as AnyHandler<S, A>;
        const data = this.queue.poppedData;
        // Visits trace themselves (a quiet run is one record for many visits).
        if (this.tracing && handler !== this.visitDue) this.trace('event', handler.name || 'anonymous');
        handler(this, data);
      } else if (next >= 0 && nextTime <= end) {
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
    this.stateIdx = stateIndex;
    if (this.compiled.terminal[stateIndex] === 1) {
      this.terminated = true;
      this.settleRewards();
      this.rewardRate.fill(0);
      this.recordTerminalOnCurves(stateIndex);
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
      this.pendingBudget[k] = unitExponential(this.streams.stream(NATURAL_HANDLE)());
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
    const rates = this.compiled.stateRewardRates[this.stateIdx];
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
      // One discounted duration per discount group (channels of one rate share it).
      const durations = this.groupDuration.fill(Number.NaN);
      for (let c = 0; c < this.rewardRate.length; c++) {
        const rate = this.rewardRate[c] as number;
        if (rate === 0) continue;
        const g = this.discountGroup[c] as number;
        let duration = durations[g] as number;
        if (Number.isNaN(duration)) {
          duration = discountedDuration(this.continuousDiscount[c] as number, from, to, this.discountAt(c, from));
          durations[g] = duration;
        }
        this.undiscountedTotal[c] = (this.undiscountedTotal[c] as number) + rate * (to - from);
        this.discountedTotal[c] = (this.discountedTotal[c] as number) + rate * duration;
      }
    }
    this.rewardsFrom = to;
  }

  // ── curves and traces ────────────────────────────────────────────────────

  private openCurve(curve: number): void {
    this.curveStatus[curve] = OPEN;
    this.curveOrigin[curve] = this.individual.time;
    const at = curve * this.simulation.strategies.length + this.strategyIndex;
    this.enteredInBlock[at] = (this.enteredInBlock[at] as number) + 1;
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
    const slot =
      (this.offsets.curveEvents[curve] as number) + (this.strategyIndex * causes + cause) * layout.curveBins + bin;
    this.acc.counts[slot] = (this.acc.counts[slot] as number) + 1;
  }

  private recordTerminalOnCurves(stateIndex: number): void {
    const causes = this.compiled.terminalCause[stateIndex] as Int32Array;
    for (let c = 0; c < causes.length; c++) this.recordCurve(c, causes[c] as number);
  }

  /** Closes open curves at the end of the history: censored inside the grid, or at its end. */
  private censorOpenCurves(): void {
    for (let c = 0; c < this.curveStatus.length; c++) {
      if (this.curveStatus[c] !== OPEN) continue;
      this.curveStatus[c] = CLOSED;
      const bin = this.curveBin(c);
      const slot =
        bin < 0
          ? (this.offsets.curveAtHorizon[c] as number) + this.strategyIndex
          : (this.offsets.curveCensored[c] as number) + this.strategyIndex * this.compiled.layout.curveBins + bin;
      this.acc.counts[slot] = (this.acc.counts[slot] as number) + 1;
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

const NOT_STARTED = 0;
const OPEN = 1;
const CLOSED = 2;

function scheduleName<S extends string, A>(schedule: VisitSchedule<S, A, VisitSegment, unknown>): string {
  return schedule.name ?? (schedule.visit.name || 'visit');
}
