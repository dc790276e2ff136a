// The scenario as the user edits it: plain JSON (what the URL and downloads carry), checked
// by the model's schema on every change. Only a draft that passes is ever run.
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { EVIDENCE_BY_ID, type SynchronousRule } from '@sarcsim/model/sarcoma';
import { parseScenario, type Scenario, ScenarioError } from '@sarcsim/model/scenario';

export interface StrategyDraft {
  id: string;
  label: string;
  description?: string;
  eligibility: string | { sites?: string[]; histologies?: string[] };
  schedule: SegmentDraft[];
  otherwise: SegmentDraft[];
  adherence?: number;
}

export interface SegmentDraft {
  fromMonths: number;
  toMonths: number;
  intervalMonths: number;
  modality: string;
}

export interface ScenarioDraft {
  model: 'sarcoma';
  patients: number;
  seed: number;
  strategies: (string | StrategyDraft)[];
  parameters: Record<string, number>;
  lifeTable: string;
  horizonYears: number;
  discountRates: { costs: number; effects: number };
  treatmentEffect: 'modelled' | 'none';
  synchronousRule: SynchronousRule;
  economics: { willingnessToPay: number; psa: { draws: number } };
}

/** The app opens on this: the CLI's default scenario, smaller PSA. */
export function defaultDraft(): ScenarioDraft {
  const s = parseScenario({});
  if (s.model !== 'sarcoma') throw new Error('default scenario is not the sarcoma model');
  return {
    model: 'sarcoma',
    patients: s.patients,
    seed: s.seed,
    strategies: s.strategies.map((x) => (typeof x === 'string' ? x : (structuredClone(x) as StrategyDraft))),
    parameters: {},
    lifeTable: s.lifeTable,
    horizonYears: s.horizonYears,
    discountRates: { ...s.discountRates },
    treatmentEffect: s.treatmentEffect,
    synchronousRule: s.synchronousRule,
    economics: { willingnessToPay: s.economics.willingnessToPay, psa: { draws: 100 } },
  };
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

export function validateDraft(draft: unknown): Validation {
  try {
    return { ok: true, scenario: parseScenario(draft) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, problems: [...error.problems] };
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Problems whose path starts with `prefix` (e.g. `patients`, `strategies[2]`, `parameters.cost.resection`). */
export function problemsAt(problems: readonly string[], prefix: string): string[] {
  return problems.filter((p) => p.startsWith(`${prefix}:`) || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));
}

/** A parameter's value when the scenario does not set it: the committed calibration, else the registry's. */
export function defaultValue(id: string): number {
  const value = COMMITTED_CALIBRATION.values[id] ?? EVIDENCE_BY_ID.get(id)?.value;
  if (value === undefined) throw new RangeError(`parameter '${id}' is not in the evidence registry`);
  return value;
}

/** The value a run of this draft uses for a parameter. */
export const currentValue = (draft: ScenarioDraft, id: string): number => draft.parameters[id] ?? defaultValue(id);
