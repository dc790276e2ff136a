// The evidence registry: every record, looked up by id, and the validated parameter values
// a run uses (defaults from the registry, overridden by a scenario).
import type { EvidenceRecord } from './evidence-record.js';
import { COHORT_RECORDS } from './records/cohort.js';
import { COST_RECORDS } from './records/costs.js';
import { IMAGING_RECORDS } from './records/imaging.js';
import { LITERATURE_OBSERVATIONS } from './records/literature-observations.js';
import { METASTATIC_SPREAD_RECORDS } from './records/metastatic-spread.js';
import { NATURAL_HISTORY_RECORDS } from './records/natural-history.js';
import { OKAMOTO_OBSERVATIONS } from './records/okamoto-observations.js';
import { REGISTRY_REPLICA_RECORDS } from './records/registry-replica.js';
import { TREATMENT_RECORDS } from './records/treatment.js';

/**
 * A calibration: fitted values for some of the registry's parameters. The evidence layer
 * never imports one; whoever builds a run passes it down (the committed one lives in
 * calibration/, and the scenario runner, the analyses and the web app pass it).
 */
export interface CalibrationSet {
  /** Names the set in reports and PSA manifests (its hash, `calibrationSetHash`, binds the content). */
  readonly name: string;
  /** The values deterministic runs use for the parameters the set fits (a posterior's: its mean). */
  readonly values: Readonly<Record<string, number>>;
  /** Joint, equally weighted draws of those parameters; PSA takes one row per draw. */
  readonly draws?: CalibrationDraws;
}

export interface CalibrationDraws {
  readonly parameterIds: readonly string[];
  /** Each row holds a value for every id, in `parameterIds` order. */
  readonly rows: readonly (readonly number[])[];
}

/** No calibration: every parameter at its registry (prior) value; PSA samples calibrated ones from their priors. */
export const PRIORS_ONLY: CalibrationSet = { name: 'priors-only', values: {} };

export const EVIDENCE: readonly EvidenceRecord[] = [
  ...COHORT_RECORDS,
  ...NATURAL_HISTORY_RECORDS,
  ...METASTATIC_SPREAD_RECORDS,
  ...IMAGING_RECORDS,
  ...TREATMENT_RECORDS,
  ...COST_RECORDS,
  ...REGISTRY_REPLICA_RECORDS,
  ...OKAMOTO_OBSERVATIONS,
  ...LITERATURE_OBSERVATIONS,
];

export const EVIDENCE_BY_ID: ReadonlyMap<string, EvidenceRecord> = (() => {
  const byId = new Map<string, EvidenceRecord>();
  for (const record of EVIDENCE) {
    if (byId.has(record.id)) throw new Error(`evidence registry: duplicate id '${record.id}'`);
    if (!(record.value >= record.bounds.min && record.value <= record.bounds.max)) {
      throw new Error(`evidence registry: '${record.id}' value ${record.value} is outside its bounds`);
    }
    byId.set(record.id, record);
  }
  return byId;
})();

export const PARAMETER_IDS: readonly string[] = EVIDENCE.filter((r) => r.role === 'parameter').map((r) => r.id);

/** One problem with a parameter override, as `parameters.<id>: got …, …`. */
export interface OverrideProblem {
  readonly id: string;
  readonly value: unknown;
  readonly message: string;
}

/** Checks overrides against the registry: known parameter ids, finite values inside the bounds. */
export function overrideProblems(overrides: Readonly<Record<string, number>>): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  for (const [id, value] of Object.entries(overrides)) {
    const record = EVIDENCE_BY_ID.get(id);
    if (record === undefined) {
      problems.push({ id, value, message: 'unknown parameter id (`sarcsim params` lists them)' });
    } else if (record.role !== 'parameter') {
      problems.push({ id, value, message: 'is an observation (a published figure), not a parameter the model uses' });
    } else if (!Number.isFinite(value) || value < record.bounds.min || value > record.bounds.max) {
      problems.push({
        id,
        value,
        message: `must be between ${record.bounds.min} and ${record.bounds.max} (${record.unit})`,
      });
    }
  }
  return problems;
}

/**
 * Parameter values for a run: the registry's values, then the given calibration's values
 * for the parameters it fits, then validated overrides.
 */
export class ParameterValues {
  private readonly values: ReadonlyMap<string, number>;

  constructor(calibration: CalibrationSet, overrides: Readonly<Record<string, number>> = {}) {
    const problems = overrideProblems(overrides);
    if (problems.length > 0) {
      throw new RangeError(problems.map((p) => `parameters.${p.id}: got ${String(p.value)}, ${p.message}`).join('\n'));
    }
    const values = new Map<string, number>();
    for (const record of EVIDENCE) if (record.role === 'parameter') values.set(record.id, record.value);
    for (const [id, value] of Object.entries(calibration.values)) if (values.has(id)) values.set(id, value);
    for (const [id, value] of Object.entries(overrides)) values.set(id, value);
    this.values = values;
  }

  /** The value of a parameter; an id the registry lacks is a programming error. */
  get(id: string): number {
    const value = this.values.get(id);
    if (value === undefined) throw new RangeError(`parameter '${id}' is not in the evidence registry`);
    return value;
  }
}
