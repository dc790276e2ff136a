// Names declared once and compiled to integer handles for the event loop.
//
// A model declares its counters, reward channels, stream purposes and curves as constant
// lists; the handle objects made from those same lists give each name its index, so the
// hot loop indexes arrays instead of looking strings up, and a misspelt name is a compile
// error (the handle object has no such key) rather than a run-time lookup failure or NaN.
import { ENGINE_PURPOSES } from './random-streams.js';

declare const handleKind: unique symbol;
/** An index into one kind of engine array, branded so kinds cannot be mixed up. */
export type Handle<K extends string> = number & { readonly [handleKind]: K };

export type CounterHandle = Handle<'counter'>;
export type ChannelHandle = Handle<'channel'>;
export type PurposeHandle = Handle<'purpose'>;
export type CurveHandle = Handle<'curve'>;
/** A curve and one of its causes in one number: curve × CAUSES_PER_CURVE + cause. */
export type CurveCauseHandle = Handle<'curveCause'>;

/** Causes a curve may have (model causes plus terminal states), so one number holds both indices. */
export const CAUSES_PER_CURVE = 256;

export type HandlesOf<N extends string, H> = { readonly [P in N]: H };

function indexed<N extends string, H>(kind: string, names: readonly N[], first: number): HandlesOf<N, H> {
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    if (name in out) throw new RangeError(`handles: duplicate ${kind} '${name}'`);
    out[name] = first + i;
  });
  return Object.freeze(out) as unknown as HandlesOf<N, H>;
}

/** Handles of a model's counters: index i is `counters[i]` of the model definition. */
export function counterHandles<const N extends string>(counters: readonly N[]): HandlesOf<N, CounterHandle> {
  return indexed<N, CounterHandle>('counter', counters, 0);
}

/** Handles of reward channels, in the order of the model's `rewards` record. */
export function channelHandles<const N extends string>(channels: readonly N[]): HandlesOf<N, ChannelHandle> {
  return indexed<N, ChannelHandle>('reward channel', channels, 0);
}

/**
 * Handles of stream purposes: the engine's own ('entry', 'natural') then the model's
 * `purposes` in order. Declaring every purpose in one list is what makes common random
 * numbers hold by construction: a strategy can only draw from a declared stream.
 */
export function purposeHandles<const N extends string>(
  purposes: readonly N[],
): HandlesOf<N | (typeof ENGINE_PURPOSES)[number], PurposeHandle> {
  for (const p of purposes) {
    if ((ENGINE_PURPOSES as readonly string[]).includes(p)) {
      throw new RangeError(`handles: purpose '${p}' is the engine's own; declare only the model's purposes`);
    }
  }
  return indexed<N | (typeof ENGINE_PURPOSES)[number], PurposeHandle>('purpose', [...ENGINE_PURPOSES, ...purposes], 0);
}

export interface CurveHandles<C extends string> {
  readonly curve: CurveHandle;
  readonly cause: HandlesOf<C, CurveCauseHandle>;
}

/**
 * Handles of a model's curves (the engine's 'survival' curve is index 0, the model's follow
 * in the order of its `curves` record). Each curve's causes get curve-and-cause handles.
 */
export function curveHandles<const R extends Readonly<Record<string, { readonly causes: readonly string[] }>>>(
  curves: R,
): { readonly [N in keyof R]: CurveHandles<R[N]['causes'][number]> } {
  const out: Record<string, CurveHandles<string>> = {};
  Object.entries(curves).forEach(([name, definition], i) => {
    const curve = i + 1;
    if (definition.causes.length >= CAUSES_PER_CURVE)
      throw new RangeError(`handles: curve '${name}' has too many causes`);
    const cause: Record<string, number> = {};
    definition.causes.forEach((c, k) => {
      cause[c] = curve * CAUSES_PER_CURVE + k;
    });
    out[name] = { curve: curve as CurveHandle, cause: Object.freeze(cause) as HandlesOf<string, CurveCauseHandle> };
  });
  return out as { readonly [N in keyof R]: CurveHandles<R[N]['causes'][number]> };
}
