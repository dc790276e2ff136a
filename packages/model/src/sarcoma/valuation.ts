// What prices the model's quantities: for each quantity channel (names.ts), the registry
// parameter that prices it, the outcome channel it adds to and the sign (a QALY loss takes
// QALYs away). The simulation adds every cost and QALY through charge() (charges.ts), which
// adds the quantity and its priced amount together from this table; after the simulation the
// same quantities can be priced at other values of these parameters (economics/valuation.ts),
// which is how the DSA varies a price or utility without re-simulating.
//
// A parameter here must do nothing in the model but price (valuation.test.ts changes
// them all and checks that every quantity and counter stays bitwise the same).
import type { QuantityChannel } from './names.js';

export interface QuantityPrice {
  /** The outcome channel the priced quantity adds to. */
  readonly priced: 'costs' | 'qalys';
  /** The registry parameter that gives the price (per event, or per year for durations). */
  readonly parameter: string;
  /** −1 for a loss (a QALY decrement), else 1. */
  readonly sign: 1 | -1;
}

export const QUANTITY_PRICES = {
  'scans.contrastCt': { priced: 'costs', parameter: 'imaging.contrastCt.cost', sign: 1 },
  'scans.nonContrastCt': { priced: 'costs', parameter: 'imaging.nonContrastCt.cost', sign: 1 },
  'scans.liverMri': { priced: 'costs', parameter: 'imaging.liverMri.cost', sign: 1 },
  'scans.chestCt': { priced: 'costs', parameter: 'imaging.chestCt.cost', sign: 1 },
  'workups.falsePositive': { priced: 'costs', parameter: 'imaging.falsePositive.cost', sign: 1 },
  'operations.liverResection': { priced: 'costs', parameter: 'cost.resection', sign: 1 },
  'operations.lungMetastasectomy': { priced: 'costs', parameter: 'cost.lungMetastasectomy', sign: 1 },
  'operations.ablation': { priced: 'costs', parameter: 'cost.ablation', sign: 1 },
  'courses.systemic': { priced: 'costs', parameter: 'cost.systemicCourse', sign: 1 },
  'events.localRecurrence': { priced: 'costs', parameter: 'cost.localRecurrence', sign: 1 },
  'events.endOfLife': { priced: 'costs', parameter: 'cost.endOfLife', sign: 1 },
  'years.metastaticCare': { priced: 'costs', parameter: 'cost.metastaticCarePerYear', sign: 1 },
  'qalyLosses.scan': { priced: 'qalys', parameter: 'imaging.scanQalyLoss', sign: -1 },
  'qalyLosses.falsePositive': { priced: 'qalys', parameter: 'imaging.falsePositive.qalyLoss', sign: -1 },
  'qalyLosses.liverSurgery': { priced: 'qalys', parameter: 'utility.afterLiverSurgery.qalyLoss', sign: -1 },
  'years.noEvidentDisease': { priced: 'qalys', parameter: 'utility.noEvidentDisease', sign: 1 },
  'years.metastaticControlled': { priced: 'qalys', parameter: 'utility.metastaticControlled', sign: 1 },
  'years.metastaticProgressive': { priced: 'qalys', parameter: 'utility.metastaticProgressive', sign: 1 },
} as const satisfies Readonly<Record<QuantityChannel, QuantityPrice>>;

/** The parameters that only price: a change in one of them needs no new simulation. */
export const VALUATION_PARAMETER_IDS: ReadonlySet<string> = new Set(
  Object.values(QUANTITY_PRICES).map((p) => p.parameter),
);

/**
 * Every quantity's price at these parameter values, sign included: the terms
 * economics/valuation.ts prices with (which this layer may not import; the shape is the same).
 */
export function sarcomaPriceTerms(values: {
  get(id: string): number;
}): { quantity: string; priced: QuantityPrice['priced']; price: number }[] {
  return Object.entries(QUANTITY_PRICES).map(([quantity, p]) => ({
    quantity,
    priced: p.priced,
    price: p.sign * values.get(p.parameter),
  }));
}
