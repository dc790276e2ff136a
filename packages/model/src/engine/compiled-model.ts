// Checks a simulation definition once and turns its names into indices for the event loop.
import type { AccumulatorLayout, CurveLayout } from './accumulators.js';
import type { PerIndividual, SimulationDefinition, TransitionDefinition } from './model.js';
import { ENGINE_PURPOSES } from './random-streams.js';

export interface CompiledTransition<S extends string, A> {
  readonly label: string;
  readonly to: S;
  readonly definition: TransitionDefinition<S, A>;
}

export interface CompiledModel<S extends string, A> {
  readonly layout: AccumulatorLayout;
  readonly horizonYears: number;
  readonly stateIndex: ReadonlyMap<S, number>;
  readonly terminal: Uint8Array;
  /** Outgoing transitions per state index, in definition order (fixes random-number order). */
  readonly outgoing: readonly (readonly CompiledTransition<S, A>[])[];
  readonly maxOutgoing: number;
  /** Per state index, per channel: the reward rate per year (or undefined for 0). */
  readonly stateRewardRates: readonly (readonly (PerIndividual<S, A, number> | undefined)[])[];
  readonly channelDiscountRates: readonly number[];
  readonly channelIndex: ReadonlyMap<string, number>;
  readonly counterIndex: ReadonlyMap<string, number>;
  readonly curveIndex: ReadonlyMap<string, number>;
  /** Stream purposes in handle order (the engine's, then the model's), if the model declares them. */
  readonly purposes: readonly string[] | undefined;
  /** Curves followed from entry (opened for everyone at the start of a history). */
  readonly entryCurves: Int32Array;
  /** Per state index, per curve: the cause index of that terminal state (−1 if not terminal). */
  readonly terminalCause: readonly Int32Array[];
}

export const SURVIVAL_CURVE = 'survival';

function unique(kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new RangeError(`model: duplicate ${kind} '${name}'`);
    seen.add(name);
  }
}

export function compileModel<S extends string, A>(simulation: SimulationDefinition<S, A>): CompiledModel<S, A> {
  const { model, strategies } = simulation;
  if (!(model.horizonYears > 0) || !Number.isFinite(model.horizonYears)) {
    throw new RangeError(`model '${model.name}': horizonYears must be a finite number > 0, got ${model.horizonYears}`);
  }
  if (!(model.curveStepYears > 0) || model.curveStepYears > model.horizonYears) {
    throw new RangeError(
      `model '${model.name}': curveStepYears must be > 0 and ≤ the horizon (${model.horizonYears}), got ${model.curveStepYears}`,
    );
  }
  if (strategies.length === 0) throw new RangeError(`model '${model.name}': at least one strategy is required`);
  unique('state', model.states);
  unique(
    'strategy id',
    strategies.map((s) => s.id),
  );

  const stateIndex = new Map<S, number>(model.states.map((s, i) => [s, i]));
  const requireState = (state: S, where: string): number => {
    const i = stateIndex.get(state);
    if (i === undefined) throw new RangeError(`model '${model.name}': ${where} names unknown state '${state}'`);
    return i;
  };

  const terminal = new Uint8Array(model.states.length);
  for (const s of model.terminalStates) terminal[requireState(s, 'terminalStates')] = 1;

  const outgoing: CompiledTransition<S, A>[][] = model.states.map(() => []);
  model.transitions.forEach((definition, i) => {
    const froms: readonly S[] = typeof definition.from === 'string' ? [definition.from] : definition.from;
    requireState(definition.to, `transitions[${i}].to`);
    for (const from of froms) {
      const f = requireState(from, `transitions[${i}].from`);
      if (terminal[f] === 1)
        throw new RangeError(`model '${model.name}': transitions[${i}] leaves terminal state '${from}'`);
      outgoing[f]?.push({ label: `${from}→${definition.to}`, to: definition.to, definition });
    }
  });

  const channels = Object.keys(model.rewards);
  const stateRewardRates = model.states.map((state) =>
    channels.map((channel) => model.rewards[channel]?.perYearInState?.[state]),
  );
  const channelDiscountRates = channels.map((c) => model.rewards[c]?.annualDiscountRate ?? 0);

  const counters = model.counters ?? [];
  unique('counter', counters);
  const curves: CurveLayout[] = [
    { name: SURVIVAL_CURVE, causes: [...model.terminalStates], origin: 'entry' },
    ...Object.entries(model.curves ?? {}).map(
      ([name, c]): CurveLayout => ({
        name,
        causes: [...c.causes, ...model.terminalStates],
        origin: c.origin ?? 'entry',
      }),
    ),
  ];
  unique(
    'curve',
    curves.map((c) => c.name),
  );
  for (const c of curves) unique(`cause of curve '${c.name}'`, c.causes);

  const layout: AccumulatorLayout = {
    strategyIds: strategies.map((s) => s.id),
    strategyLabels: strategies.map((s) => s.label),
    channels,
    pairedChannels: channels.filter((c) => model.rewards[c]?.paired !== false),
    counters,
    curves,
    curveStepYears: model.curveStepYears,
    // The tolerance stops rounding error (40 / (1/12) = 480.00000000000006) adding an empty bin.
    curveBins: Math.ceil(model.horizonYears / model.curveStepYears - 1e-9),
    horizonYears: model.horizonYears,
  };

  const purposes = model.purposes === undefined ? undefined : [...ENGINE_PURPOSES, ...model.purposes];
  if (purposes !== undefined) unique('stream purpose', purposes);

  return {
    layout,
    purposes,
    entryCurves: Int32Array.from(curves.flatMap((c, i) => (c.origin === 'entry' ? [i] : []))),
    terminalCause: model.states.map((state, i) =>
      Int32Array.from(curves, (c) => (terminal[i] === 1 ? c.causes.indexOf(state) : -1)),
    ),
    horizonYears: model.horizonYears,
    stateIndex,
    terminal,
    outgoing,
    maxOutgoing: Math.max(1, ...outgoing.map((o) => o.length)),
    stateRewardRates,
    channelDiscountRates,
    channelIndex: new Map(channels.map((c, i) => [c, i])),
    counterIndex: new Map(counters.map((c, i) => [c, i])),
    curveIndex: new Map(curves.map((c, i) => [c.name, i])),
  };
}
