// Probabilistic sensitivity analysis: sample the parameters per draw, run every strategy on
// the draw's individuals (common random numbers across strategies), keep per-draw means,
// and summarise. A run may cover only a range of draws (a shard); parts merge into exactly
// the result one machine would have produced, because each draw depends only on
// (seed, draw) and the summary is computed from the draws in order.

import { CURRENCY, MAX_WILLINGNESS_TO_PAY } from '../economics/economic-settings.js';
import { type EvpiNoisePoint, evpiWithInnerNoise } from '../economics/evpi-noise.js';
import { evppi } from '../economics/evppi.js';
import { type IncrementalAnalysis, incrementalAnalysis } from '../economics/incremental-analysis.js';
import { acceptability, effectivePopulation, type WtpPoint, wtpGrid, wtpGridBeyond } from '../economics/psa-summary.js';
import { nearestRankQuantile } from '../evidence/calibration-draws.js';
import { type CalibrationSet, EVIDENCE_BY_ID } from '../evidence/registry.js';
import { calibrationSetHash, calibrationStamp } from '../scenario/calibration-hash.js';
import { hashOfScenario } from '../scenario/run-report.js';
import type { SarcomaScenario, Scenario } from '../scenario/scenario.js';
import { SARCSIM_VERSION } from '../version.js';
import type { DrawOutcome } from './draw-outcome.js';
import { sampledParameters, sampleParameters } from './parameter-sampling.js';
import { drawsHash } from './psa-integrity.js';
import type { PsaDraw, PsaPart } from './psa-part.js';
import { type ReferenceCase, referenceCase } from './reference-case.js';

/** Runs one scenario (all strategies) on the individuals of PSA draw `draw`. */
export type EvaluateScenario = (scenario: Scenario, draw: number) => Promise<DrawOutcome>;

export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly low: number;
  readonly high: number;
}

export interface EvppiGroupResult {
  readonly group: string;
  readonly parameterIds: readonly string[];
  /** Per patient at each threshold of the grid (null when it could not be estimated). */
  readonly perPatient: readonly number[] | null;
  /** Bootstrap standard error per threshold of the grid. */
  readonly se: readonly number[] | null;
  /** Noise floor per threshold of the grid: 95th percentile of EVPPI with the group permuted across draws. */
  readonly noiseFloor: readonly number[] | null;
  readonly atThresholdPerPatient: number | null;
  readonly atThresholdSe: number | null;
  readonly atThresholdNoiseFloor: number | null;
  readonly atThresholdPopulation: number | null;
  /** True when the value at the threshold is not above its noise floor (cannot be told from zero). */
  readonly belowNoiseFloor: boolean | null;
  readonly note: string;
}

/** Bootstrap resamples (SE) and permutations (noise floor) for each EVPPI group. */
export const EVPPI_BOOTSTRAP = 50;
export const EVPPI_PERMUTATIONS = 50;

export interface PsaSummary {
  readonly currency: string;
  readonly patientsPerDraw: number;
  readonly draws: number;
  readonly willingnessToPay: number;
  readonly strategies: readonly {
    readonly id: string;
    readonly label: string;
    readonly cost: Spread;
    readonly qalys: Spread;
    readonly lifeYears: Spread;
  }[];
  /** Incremental analysis of the mean costs and QALYs over draws, at the threshold. */
  readonly incremental: IncrementalAnalysis;
  /** This summary is the probabilistic mean; the parameters whose point estimate and mean differ. */
  readonly referenceCase: ReferenceCase;
  /** The largest frontier ICER of the mean costs and QALYs; the threshold grid extends past it (×1.25 steps). */
  readonly largestFrontierIcer: number | null;
  readonly acceptability: readonly WtpPoint[];
  readonly atThreshold: WtpPoint;
  /** Discounted patients affected by the decision (for population EVPI and EVPPI). */
  readonly effectivePopulation: number;
  /** Raw EVPI (inner noise included) for the population, at the threshold. */
  readonly evpiPopulation: number;
  /** EVPI per patient with inner-loop noise estimated and bounded, at each threshold of the grid. */
  readonly evpiNoise: readonly EvpiNoisePoint[];
  /** The same at the threshold. */
  readonly evpiAtThreshold: EvpiNoisePoint;
  /** Noise-corrected EVPI for the population, at the threshold. */
  readonly evpiCorrectedPopulation: number;
  readonly evppi: readonly EvppiGroupResult[];
  /** Values that cannot be told from Monte Carlo noise, one sentence each. */
  readonly warnings: readonly string[];
}

export interface PsaResult extends Omit<PsaPart, 'kind'> {
  readonly kind: 'sarcsim-psa';
  readonly summary: PsaSummary;
}

/** Draws [first, first + count) of shard `index` of `shards` (0-based): an even split. */
export function shardRange(draws: number, index: number, shards: number): { first: number; count: number } {
  if (!(Number.isInteger(shards) && shards >= 1 && shards <= draws)) {
    throw new RangeError(`shard count: got ${shards}, must be a whole number from 1 to the number of draws (${draws})`);
  }
  if (!(Number.isInteger(index) && index >= 0 && index < shards)) {
    throw new RangeError(`shard index: got ${index}, must be a whole number from 0 to ${shards - 1}`);
  }
  const first = Math.floor((index * draws) / shards);
  return { first, count: Math.floor(((index + 1) * draws) / shards) - first };
}

export interface PsaProgress {
  readonly drawsDone: number;
  readonly drawsTotal: number;
}

/**
 * Runs draws `range` of the scenario's PSA with a calibration set; `evaluate` runs one
 * scenario (in workers or serially). Each evaluated scenario carries every calibrated value
 * (a posterior draw's, or the set's point values when fixed) as a parameter, so the results
 * follow `calibration`, not whatever set the evaluator's runtime holds.
 */
export async function runPsaPart(
  scenario: SarcomaScenario,
  range: { readonly first: number; readonly count: number },
  evaluate: EvaluateScenario,
  calibration: CalibrationSet,
  onProgress?: (progress: PsaProgress) => void,
): Promise<PsaPart> {
  const drawsTotal = scenario.economics.psa.draws;
  if (!(range.first >= 0 && range.count >= 1 && range.first + range.count <= drawsTotal)) {
    throw new RangeError(
      `PSA range: draws ${range.first}–${range.first + range.count - 1} are not within 0–${drawsTotal - 1}`,
    );
  }
  const parameters = sampledParameters(
    scenario.economics.psa.calibratedParameters,
    new Set(Object.keys(scenario.parameters)),
    calibration,
  );
  const draws: PsaDraw[] = [];
  let strategies: { id: string; label: string }[] = [];
  for (let draw = range.first; draw < range.first + range.count; draw++) {
    const sampled = sampleParameters(scenario.seed, draw, parameters, calibration);
    // The scenario's own overrides are the analyst's fixed choices and are not sampled.
    const drawScenario = { ...scenario, parameters: { ...calibration.values, ...sampled, ...scenario.parameters } };
    const { strategies: outcomes, innerCovariance } = await evaluate(drawScenario, draw);
    strategies = outcomes.map(({ id, label }) => ({ id, label }));
    draws.push({
      draw,
      costs: outcomes.map((o) => o.cost),
      qalys: outcomes.map((o) => o.qalys),
      lifeYears: outcomes.map((o) => o.lifeYears),
      parameters: parameters.map((p) => sampled[p.record.id] as number),
      innerCovariance: [...innerCovariance],
    });
    onProgress?.({ drawsDone: draws.length, drawsTotal: range.count });
  }
  return {
    kind: 'sarcsim-psa-part',
    version: SARCSIM_VERSION,
    scenarioHash: hashOfScenario(scenario, calibrationSetHash(calibration)),
    scenario,
    calibration: calibrationStamp(calibration),
    strategies,
    parameterIds: parameters.map((p) => p.record.id),
    drawsTotal,
    range,
    drawsHash: drawsHash(draws),
    draws,
  };
}

function spread(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const sorted = [...values].sort((a, b) => a - b);
  return { mean, sd, low: nearestRankQuantile(sorted, 0.025), high: nearestRankQuantile(sorted, 0.975) };
}

/** Default EVPPI groups: one per registry topic, over the parameters the PSA sampled. */
function evppiGroups(part: PsaPart): [string, string[]][] {
  const custom = part.scenario.economics.psa.evppiGroups;
  if (custom !== undefined) return Object.entries(custom);
  const groups = new Map<string, string[]>();
  for (const id of part.parameterIds) {
    const topic = EVIDENCE_BY_ID.get(id)?.topic ?? 'other';
    groups.set(topic, [...(groups.get(topic) ?? []), id]);
  }
  return [...groups.entries()];
}

/**
 * Completes a PSA whose part covers every draw: adds the summary. `calibration` must be the set
 * the part was made with (its reference case compares point estimates with means).
 */
export function summarisePsa(part: PsaPart, calibration: CalibrationSet): PsaResult {
  if (part.calibration.hash !== calibrationSetHash(calibration)) {
    throw new RangeError(
      `PSA: the part was made with calibration set '${part.calibration.name}', not '${calibration.name}'; summarise it with the set it was made with`,
    );
  }
  if (part.range.first !== 0 || part.range.count !== part.drawsTotal || part.draws.length !== part.drawsTotal) {
    throw new RangeError(
      `PSA: the part covers ${part.draws.length} of ${part.drawsTotal} draws; merge all parts first`,
    );
  }
  const settings = part.scenario.economics;
  const costs = part.draws.map((d) => d.costs);
  const qalys = part.draws.map((d) => d.qalys);
  const strategies = part.strategies.map((s, i) => ({
    ...s,
    cost: spread(costs.map((c) => c[i] as number)),
    qalys: spread(qalys.map((q) => q[i] as number)),
    lifeYears: spread(part.draws.map((d) => d.lifeYears[i] as number)),
  }));
  const wtp = settings.willingnessToPay;
  const incremental = incrementalAnalysis(
    strategies.map((s) => ({ id: s.id, cost: s.cost.mean, effect: s.qalys.mean })),
    wtp,
  );
  const icers = incremental.rows.flatMap((r) => (r.icer !== null && r.icer > 0 ? [r.icer] : []));
  const largestIcer = icers.length === 0 ? null : Math.max(...icers);
  const grid = wtpGridBeyond(
    wtpGrid(settings.wtpGrid.max, settings.wtpGrid.points),
    largestIcer,
    MAX_WILLINGNESS_TO_PAY,
  );
  // One pass over the grid and the threshold (each point is computed on its own).
  const points = acceptability(costs, qalys, [...grid, wtp]);
  const atThreshold = points[grid.length] as WtpPoint;
  const population = effectivePopulation(
    settings.population.annualPatients,
    settings.population.years,
    part.scenario.discountRates.costs,
  );
  const evppiResults = evppiGroups(part).map(([group, ids], groupIndex): EvppiGroupResult => {
    const columns = ids.map((id) => part.parameterIds.indexOf(id)).filter((j) => j >= 0);
    const input = {
      parameters: part.draws.map((d) => columns.map((j) => d.parameters[j] as number)),
      costs,
      effects: qalys,
    };
    // One fit serves the grid and the threshold (the threshold is appended last).
    const fit = evppi(
      { ...input, willingnessToPay: [...grid, wtp] },
      { bootstrap: EVPPI_BOOTSTRAP, permutations: EVPPI_PERMUTATIONS, seed: part.scenario.seed, stream: groupIndex },
    );
    if (!fit.ok) {
      return {
        group,
        parameterIds: ids,
        perPatient: null,
        se: null,
        noiseFloor: null,
        atThresholdPerPatient: null,
        atThresholdSe: null,
        atThresholdNoiseFloor: null,
        atThresholdPopulation: null,
        belowNoiseFloor: null,
        note: `not estimated: ${columns.length === 0 ? 'none of its parameters was sampled' : fit.reason}`,
      };
    }
    const perPatient = fit.perPatient[grid.length] as number;
    const floor = fit.noiseFloor?.[grid.length] ?? null;
    const dropped = fit.droppedTerms > 0 ? ` (${fit.droppedTerms} linearly dependent terms dropped)` : '';
    return {
      group,
      parameterIds: ids,
      perPatient: fit.perPatient.slice(0, grid.length),
      se: fit.se?.slice(0, grid.length) ?? null,
      noiseFloor: fit.noiseFloor?.slice(0, grid.length) ?? null,
      atThresholdPerPatient: perPatient,
      atThresholdSe: fit.se?.[grid.length] ?? null,
      atThresholdNoiseFloor: floor,
      atThresholdPopulation: perPatient * population,
      belowNoiseFloor: floor === null ? null : perPatient <= floor,
      note: `regression metamodel, ${fit.basisTerms} basis terms${dropped}; SE from ${EVPPI_BOOTSTRAP} bootstrap resamples, noise floor from ${EVPPI_PERMUTATIONS} permutations`,
    };
  });
  const evpiNoise = evpiWithInnerNoise(
    costs,
    qalys,
    part.draws.map((d) => d.innerCovariance),
    [...grid, wtp],
    part.scenario.seed,
  );
  const evpiAtThreshold = evpiNoise[grid.length] as EvpiNoisePoint;
  const warnings = [
    ...(evpiAtThreshold.belowNoiseFloor
      ? [
          `raw EVPI at ${wtp} per QALY (${evpiAtThreshold.raw.toFixed(0)} per patient) does not exceed its inner-noise floor (${evpiAtThreshold.noiseFloor.toFixed(0)}, what noise alone gives at a tie), so its lower bound is 0; the noise-corrected estimate is ${evpiAtThreshold.corrected.toFixed(0)}; more patients per draw would bound it away from 0`,
        ]
      : []),
    ...evppiResults
      .filter((g) => g.belowNoiseFloor === true)
      .map(
        (g) =>
          `EVPPI of ${g.group} at ${wtp} per QALY (${(g.atThresholdPerPatient as number).toFixed(0)} per patient) is below its noise floor (${(g.atThresholdNoiseFloor as number).toFixed(0)}): it cannot be told from zero`,
      ),
  ];
  const { kind: _kind, ...rest } = part;
  return {
    ...rest,
    kind: 'sarcsim-psa',
    summary: {
      currency: CURRENCY,
      patientsPerDraw: part.scenario.patients,
      draws: part.drawsTotal,
      willingnessToPay: wtp,
      strategies,
      incremental,
      referenceCase: referenceCase(part.scenario, 'probabilistic-mean', calibration),
      largestFrontierIcer: largestIcer,
      acceptability: points.slice(0, grid.length),
      atThreshold,
      effectivePopulation: population,
      evpiPopulation: atThreshold.evpiPerPatient * population,
      evpiNoise: evpiNoise.slice(0, grid.length),
      evpiAtThreshold,
      evpiCorrectedPopulation: evpiAtThreshold.corrected * population,
      evppi: evppiResults,
      warnings,
    },
  };
}

/** Why a set of parts cannot be merged, or undefined when they can; `names` (file names) label the parts. */
function mergeProblem(parts: readonly PsaPart[], names: readonly string[]): string | undefined {
  const [first] = parts;
  if (first === undefined) return 'no parts given';
  for (const [index, part] of parts.entries()) {
    const label = names[index] === undefined ? `${index + 1}` : `${index + 1} (${names[index]})`;
    if (part.kind !== 'sarcsim-psa-part') return `part ${label} is not a PSA part (kind '${String(part.kind)}')`;
    if (part.version !== SARCSIM_VERSION) {
      return `part ${label} was made by sarcsim ${part.version}, but this is sarcsim ${SARCSIM_VERSION}; rerun it with this version`;
    }
    if (part.version !== first.version) {
      return `part ${label} was made by sarcsim ${part.version}, part 1 by ${first.version}; rerun them with one version`;
    }
    if (part.calibration.hash !== first.calibration.hash) {
      return `part ${label} was made with calibration set '${part.calibration.name}' (${part.calibration.hash.slice(0, 12)}…), part 1 with '${first.calibration.name}' (${first.calibration.hash.slice(0, 12)}…); parts from different calibration sets cannot be merged: rerun them with one`;
    }
    if (part.scenarioHash !== first.scenarioHash) {
      return `part ${label} is for scenario ${part.scenarioHash.slice(0, 12)}…, part 1 for ${first.scenarioHash.slice(0, 12)}…; parts of different scenarios (or seeds, patients or settings) cannot be merged`;
    }
    if (hashOfScenario(part.scenario, part.calibration.hash) !== part.scenarioHash) {
      return `part ${label}: its scenario does not match its recorded hash (edited or damaged file)`;
    }
    if (part.drawsTotal !== first.drawsTotal) {
      return `part ${label} has drawsTotal ${part.drawsTotal}, part 1 ${first.drawsTotal}; parts of one PSA agree on its draws`;
    }
    if (part.draws.length !== part.range.count) {
      return `part ${label} claims draws ${part.range.first}–${part.range.first + part.range.count - 1} but holds ${part.draws.length}`;
    }
  }
  const sorted = [...parts].sort((a, b) => a.range.first - b.range.first);
  let next = 0;
  const gaps: string[] = [];
  for (const part of sorted) {
    if (part.range.first < next) return `parts overlap at draw ${part.range.first}`;
    if (part.range.first > next) gaps.push(`${next}–${part.range.first - 1}`);
    next = part.range.first + part.range.count;
  }
  if (next < first.drawsTotal) gaps.push(`${next}–${first.drawsTotal - 1}`);
  if (gaps.length > 0) return `draws ${gaps.join(', ')} are missing (the PSA has ${first.drawsTotal} draws)`;
  return undefined;
}

/**
 * Joins parts covering every draw exactly once into one part, in draw order. Each part is
 * assumed checked on its own (`parsePsaPart`); this checks that they belong together.
 */
export function mergePsaParts(parts: readonly PsaPart[], names: readonly string[] = []): PsaPart {
  const problem = mergeProblem(parts, names);
  if (problem !== undefined) throw new RangeError(`merge: ${problem}`);
  const sorted = [...parts].sort((a, b) => a.range.first - b.range.first);
  const first = sorted[0] as PsaPart;
  const draws = sorted.flatMap((p) => p.draws);
  return { ...first, range: { first: 0, count: first.drawsTotal }, drawsHash: drawsHash(draws), draws };
}
