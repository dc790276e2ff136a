// One call adds a cost or QALY and the quantity it prices (names.ts, valuation.ts), so the
// outcome channels and the quantities cannot drift apart: the outcome gets price × count, the
// quantity channel count, both at the same time and so discounted alike (a quantity channel has
// the discount rate of the channel it prices).
import type { ChannelHandle } from '../engine/handles.js';
import type { SimulationContext } from '../engine/model.js';
import { CHANNEL, type QuantityChannel } from './names.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';
import { QUANTITY_PRICES } from './valuation.js';

type Ctx = SimulationContext<SarcomaState, Patient>;

/**
 * A priced item: its quantity channel (undefined when the run keeps no quantities), the outcome
 * channel it adds to, and its price (sign included).
 */
export interface Charge {
  readonly quantity: ChannelHandle | undefined;
  readonly priced: ChannelHandle;
  readonly price: number;
}

/** Every item's charge at these parameter values. */
export function chargesAt(values: { get(id: string): number }): Readonly<Record<QuantityChannel, Charge>> {
  const out = {} as Record<QuantityChannel, Charge>;
  for (const [quantity, p] of Object.entries(QUANTITY_PRICES) as [
    QuantityChannel,
    (typeof QUANTITY_PRICES)[QuantityChannel],
  ][]) {
    out[quantity] = { quantity: CHANNEL[quantity], priced: CHANNEL[p.priced], price: p.sign * values.get(p.parameter) };
  }
  return out;
}

/** The same charges adding only to the outcome channels (a run that keeps no quantities). */
export function withoutQuantities(
  charges: Readonly<Record<QuantityChannel, Charge>>,
): Readonly<Record<QuantityChannel, Charge>> {
  const out = {} as Record<QuantityChannel, Charge>;
  for (const [name, c] of Object.entries(charges) as [QuantityChannel, Charge][])
    out[name] = { ...c, quantity: undefined };
  return out;
}

/** `count` of the item now (−1 takes one back). */
export function charge(ctx: Ctx, item: Charge, count = 1): void {
  ctx.addReward(item.priced, item.price * count);
  if (item.quantity !== undefined) ctx.addReward(item.quantity, count);
}

/** `count` of the item at a later time of this history. */
export function chargeAt(ctx: Ctx, item: Charge, time: number, count = 1): void {
  ctx.addRewardAt(item.priced, item.price * count, time);
  if (item.quantity !== undefined) ctx.addRewardAt(item.quantity, count, time);
}

/** One of the item at each of `count` times first, first + every, … */
export function chargeSeries(ctx: Ctx, item: Charge, first: number, every: number, count: number): void {
  ctx.addRewardSeries(item.priced, item.price, first, every, count);
  if (item.quantity !== undefined) ctx.addRewardSeries(item.quantity, 1, first, every, count);
}
