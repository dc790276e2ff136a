// The simulated experiments whose outputs are compared with the documents' figures: the
// registry replica (000) and three leiomyosarcoma cohorts matching the literature (002, 004).
// Every experiment runs on fixed seeds (common random numbers across parameter values).
import { JAPAN_2020, US_2022 } from '../data/life-tables.js';
import { runSerial } from '../engine/blocks.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import { createRunner } from '../engine/simulator.js';
import { ParameterValues } from '../evidence/registry.js';
import { HISTOLOGIES, LMS, SITES, type Site } from '../sarcoma/categories.js';
import { registryObservation } from '../sarcoma/registry-replica.js';
import { type SarcomaOptions, sarcomaSimulation } from '../sarcoma/sarcoma-model.js';
import { NAMED_STRATEGIES, type SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';

export interface ExperimentResults {
  /** Okamoto's cohort, imaging and censored follow-up (000). */
  readonly registry: StrategyResult;
  /** LMS patients under contrast-CT follow-up, as in resected series (002). */
  readonly lmsFollowed: StrategyResult;
  /** LMS patients without liver imaging and with treatment that changes nothing (004, "untreated"). */
  readonly lmsUntreated: StrategyResult;
  /** Extremity and trunk LMS, for the timing of first metastases (004). */
  readonly lmsExtremityTrunk: StrategyResult;
}

export interface ExperimentSizes {
  readonly registryPatients: number;
  readonly cohortPatients: number;
  readonly seed: number;
}

function strategy(id: string): SurveillanceStrategy {
  const found = NAMED_STRATEGIES.find((s) => s.id === id);
  if (found === undefined) throw new Error(`calibration: no strategy '${id}'`);
  return found;
}

/** Cohort-mix overrides keeping Table 2's LMS shares at the given sites and nothing else. */
function lmsOnly(sites: readonly Site[]): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const site of SITES) for (const h of HISTOLOGIES) mix[`cohort.mix.${site}.${h}`] = 0;
  const defaults = new ParameterValues();
  for (const site of sites) mix[`cohort.mix.${site}.${LMS}`] = defaults.get(`cohort.mix.${site}.${LMS}`);
  return mix;
}

function runOne(
  overrides: Readonly<Record<string, number>>,
  options: Omit<SarcomaOptions, 'discountRates'>,
  patients: number,
  seed: number,
): StrategyResult {
  const simulation = sarcomaSimulation(new ParameterValues(overrides), {
    ...options,
    discountRates: { costs: 0, effects: 0 },
  });
  const result = summarize(runSerial(createRunner(simulation), { seed, individuals: patients })).strategies[0];
  if (result === undefined) throw new Error('calibration: experiment produced no strategy');
  return result;
}

export function runExperiments(overrides: Readonly<Record<string, number>>, sizes: ExperimentSizes): ExperimentResults {
  const parameters = new ParameterValues(overrides);
  const common = { treatmentEffect: 'modelled' as const, horizonYears: 20 };
  return {
    registry: runOne(
      overrides,
      {
        ...common,
        strategies: [strategy('registry-practice')],
        lifeTable: JAPAN_2020,
        registry: registryObservation(parameters),
      },
      sizes.registryPatients,
      sizes.seed,
    ),
    lmsFollowed: runOne(
      { ...overrides, ...lmsOnly(SITES) },
      { ...common, strategies: [strategy('contrast-ct-all')], lifeTable: US_2022 },
      sizes.cohortPatients,
      sizes.seed + 1,
    ),
    lmsUntreated: runOne(
      { ...overrides, ...lmsOnly(SITES) },
      { ...common, treatmentEffect: 'none', strategies: [strategy('chest-only')], lifeTable: US_2022 },
      sizes.cohortPatients,
      sizes.seed + 2,
    ),
    lmsExtremityTrunk: runOne(
      { ...overrides, ...lmsOnly(['extremity', 'bodyWall']) },
      { ...common, strategies: [strategy('contrast-ct-all')], lifeTable: US_2022 },
      sizes.cohortPatients,
      sizes.seed + 3,
    ),
  };
}
