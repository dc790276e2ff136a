// Shared by the sarcoma model's statistical tests: run strategies on one cohort and read
// counters as shares with their binomial standard errors.

import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { US_2022 } from '../data/life-tables.js';
import { HISTOLOGIES, type Histology, SITES, type Site } from '../domain/categories.js';
import { runSerial } from '../engine/blocks.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import { createRunner } from '../engine/simulator.js';
import { ParameterValues } from '../evidence/registry.js';
import { type SarcomaOptions, sarcomaSimulation } from './sarcoma-model.js';
import { NAMED_STRATEGIES, type SurveillanceStrategy } from './surveillance-strategy.js';

export const named = (id: string): SurveillanceStrategy => {
  const strategy = NAMED_STRATEGIES.find((s) => s.id === id);
  if (strategy === undefined) throw new Error(`no strategy ${id}`);
  return strategy;
};

export function simulate(
  strategies: readonly SurveillanceStrategy[],
  individuals: number,
  overrides: Readonly<Record<string, number>> = {},
  options: Partial<SarcomaOptions> = {},
  seed = 314,
): readonly StrategyResult[] {
  const simulation = sarcomaSimulation(new ParameterValues(COMMITTED_CALIBRATION, overrides), {
    strategies,
    lifeTable: US_2022,
    horizonYears: 40,
    discountRates: { costs: 0.03, effects: 0.03 },
    treatmentEffect: 'modelled',
    ...options,
  });
  return summarize(runSerial(createRunner(simulation), { seed, individuals })).strategies;
}

/** Cohort-mix overrides: only this site × histology cell. */
export function onlyCell(site: Site, histology: Histology): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const s of SITES) for (const h of HISTOLOGIES) mix[`cohort.mix.${s}.${h}`] = 0;
  mix[`cohort.mix.${site}.${histology}`] = 1;
  return mix;
}

/** A counter as a share of all individuals, with its binomial SE. */
export function share(result: StrategyResult | undefined, counter: string): { p: number; se: number } {
  if (result === undefined) throw new Error('missing strategy');
  const n = result.curves.survival?.individuals ?? 0;
  const p = (result.counters[counter]?.total ?? 0) / n;
  return { p, se: Math.sqrt((p * (1 - p)) / n) };
}

/** |a − b| measured in standard errors of the difference of two independent shares. */
export const zDifference = (a: { p: number; se: number }, b: { p: number; se: number }) =>
  (a.p - b.p) / Math.hypot(a.se, b.se);
