// The simulated experiments whose outputs are compared with the documents' figures, each
// built like the population its figure describes: the registry replica (000); LMS under
// contrast-CT follow-up, as in resected series (002); LMS with liver metastasis but no local
// therapy (004's "without resection", systemic therapy still given); extremity and trunk LMS
// (004's timing of metastases, found ones); intra-abdominal primaries under CT of the abdomen
// (004's burden of liver metastases, "all of these patients had intra-abdominal soft-tissue
// sarcomas", from an older referral series whose use of contrast is not reported: non-contrast
// CT, between intensive contrast CT and no abdominal imaging).
// Every experiment runs on fixed seeds (common random numbers across parameter values), on
// the registry's values overridden by the parameters being evaluated: never on an earlier fit.
import { JAPAN_2020, US_2022 } from '../data/life-tables.js';
import { HISTOLOGIES, type Histology, LMS, SITES, type Site } from '../domain/categories.js';
import type { BlockAccumulator } from '../engine/accumulators.js';
import { runSerial } from '../engine/blocks.js';
import type { SimulationDefinition } from '../engine/model.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import { createRunner } from '../engine/simulator.js';
import { ParameterValues, PRIORS_ONLY } from '../evidence/registry.js';
import type { Patient } from '../sarcoma/patient.js';
import { registryObservation } from '../sarcoma/registry-replica.js';
import { type SarcomaOptions, sarcomaSimulation } from '../sarcoma/sarcoma-model.js';
import type { SarcomaState } from '../sarcoma/states.js';
import { NAMED_STRATEGIES, type SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';

export interface ExperimentResults {
  /** Okamoto's cohort, imaging and censored follow-up (000). */
  readonly registry: StrategyResult;
  /** LMS patients under contrast-CT follow-up, as in resected series (002). */
  readonly lmsFollowed: StrategyResult;
  /** LMS patients without liver imaging whose liver disease is never resected or ablated (004). */
  readonly lmsUnresected: StrategyResult;
  /** Extremity and trunk LMS, for the timing of first metastases (004). */
  readonly lmsExtremityTrunk: StrategyResult;
  /** Retroperitoneal and thoracic/peritoneal primaries of every histology under non-contrast CT (004). */
  readonly abdominalFollowed: StrategyResult;
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

/** Cohort-mix overrides keeping Table 2's shares at the given sites and histologies and nothing else. */
export function mixOf(sites: readonly Site[], histologies: readonly Histology[]): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const site of SITES) for (const h of HISTOLOGIES) mix[`cohort.mix.${site}.${h}`] = 0;
  const defaults = new ParameterValues(PRIORS_ONLY);
  for (const site of sites) {
    for (const h of histologies) mix[`cohort.mix.${site}.${h}`] = defaults.get(`cohort.mix.${site}.${h}`);
  }
  return mix;
}
const lmsOnly = (sites: readonly Site[]) => mixOf(sites, [LMS]);

export const EXPERIMENT_IDS = [
  'registry',
  'lmsFollowed',
  'lmsUnresected',
  'lmsExtremityTrunk',
  'abdominalFollowed',
] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

/** One experiment: its simulation (one strategy), patients and seed. */
export interface Experiment {
  readonly simulation: SimulationDefinition<SarcomaState, Patient>;
  readonly patients: number;
  readonly seed: number;
}

/** A sarcoma simulation for an experiment: 20-year horizon, undiscounted, treatment as modelled. */
export function sarcoma(
  overrides: Readonly<Record<string, number>>,
  options: Omit<SarcomaOptions, 'discountRates' | 'treatmentEffect' | 'horizonYears'> & Partial<SarcomaOptions>,
) {
  return sarcomaSimulation(new ParameterValues(PRIORS_ONLY, overrides), {
    treatmentEffect: 'modelled',
    horizonYears: 20,
    quantities: false, // targets read counters and curves, never priced quantities
    ...options,
    discountRates: { costs: 0, effects: 0 },
  });
}

export function experiment(
  id: ExperimentId,
  overrides: Readonly<Record<string, number>>,
  sizes: ExperimentSizes,
): Experiment {
  const cohort = { patients: sizes.cohortPatients };
  switch (id) {
    case 'registry':
      return {
        simulation: sarcoma(overrides, {
          strategies: [strategy('registry-practice')],
          lifeTable: JAPAN_2020,
          registry: registryObservation(new ParameterValues(PRIORS_ONLY, overrides)),
        }),
        patients: sizes.registryPatients,
        seed: sizes.seed,
      };
    case 'lmsFollowed':
      return {
        simulation: sarcoma(
          { ...overrides, ...lmsOnly(SITES) },
          { strategies: [strategy('contrast-ct-all')], lifeTable: US_2022 },
        ),
        ...cohort,
        seed: sizes.seed + 1,
      };
    case 'lmsUnresected':
      return {
        simulation: sarcoma(
          { ...overrides, ...lmsOnly(SITES) },
          { localTherapyAvailability: 0, strategies: [strategy('chest-only')], lifeTable: US_2022 },
        ),
        ...cohort,
        seed: sizes.seed + 2,
      };
    case 'lmsExtremityTrunk':
      return {
        simulation: sarcoma(
          { ...overrides, ...lmsOnly(['extremity', 'bodyWall']) },
          { strategies: [strategy('contrast-ct-all')], lifeTable: US_2022 },
        ),
        ...cohort,
        seed: sizes.seed + 3,
      };
    case 'abdominalFollowed':
      return {
        simulation: sarcoma(
          { ...overrides, ...mixOf(['retroperitoneal', 'thoracicPeritoneal'], HISTOLOGIES) },
          { strategies: [strategy('noncontrast-ct-all')], lifeTable: US_2022 },
        ),
        ...cohort,
        seed: sizes.seed + 4,
      };
  }
}

/** The experiment's single strategy from its merged accumulator. */
export function experimentResult(merged: BlockAccumulator): StrategyResult {
  const result = summarize(merged).strategies[0];
  if (result === undefined) throw new Error('calibration: experiment produced no strategy');
  return result;
}

/** Runs every experiment on this thread (the calibration script runs them in workers instead). */
export function runExperiments(overrides: Readonly<Record<string, number>>, sizes: ExperimentSizes): ExperimentResults {
  const run = (id: ExperimentId) => {
    const { simulation, patients, seed } = experiment(id, overrides, sizes);
    return experimentResult(runSerial(createRunner(simulation), { seed, individuals: patients }));
  };
  return {
    registry: run('registry'),
    lmsFollowed: run('lmsFollowed'),
    lmsUnresected: run('lmsUnresected'),
    lmsExtremityTrunk: run('lmsExtremityTrunk'),
    abdominalFollowed: run('abdominalFollowed'),
  };
}
