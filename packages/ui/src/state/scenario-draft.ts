// The scenario as the user edits it. Its type is the schema's own input type (what a scenario
// file, a link or the CLI accepts), with the fields the views read made present, so an edit is
// always a scenario the schema can judge. Everything from outside (links, files) enters through
// `draftFrom`, which runs the schema: the app only ever holds a draft the views can render.
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { EVIDENCE_BY_ID } from '@sarcsim/model/sarcoma';
import {
  parseScenario,
  type SarcomaScenario,
  type SarcomaScenarioInput,
  type Scenario,
  ScenarioError,
} from '@sarcsim/model/scenario';

type StrategyChoiceInput = NonNullable<SarcomaScenarioInput['strategies']>[number];
/** A user-defined strategy, as the schema accepts it, with both schedules present. */
export type StrategyDraft = Exclude<StrategyChoiceInput, string> & { otherwise: SegmentDraft[] };
export type SegmentDraft = Exclude<StrategyChoiceInput, string>['schedule'][number];

/** The fields every view reads; the schema fills them when they are left out of a file or link. */
type Present = 'patients' | 'seed' | 'parameters' | 'lifeTable' | 'horizonYears' | 'discountRates';
type Settled = 'treatmentEffect' | 'synchronousRule' | 'economics';

export type ScenarioDraft = Omit<SarcomaScenarioInput, Present | Settled | 'strategies'> &
  Required<Pick<SarcomaScenarioInput, Present>> &
  Pick<SarcomaScenario, Settled> & { model: 'sarcoma'; strategies: (string | StrategyDraft)[] };

/** Top-level fields of a sarcoma scenario, in the schema's order (used to salvage a damaged link). */
const FIELDS = [
  'patients',
  'seed',
  'blockSize',
  'parameters',
  'strategies',
  'lifeTable',
  'horizonYears',
  'discountRates',
  'treatmentEffect',
  'synchronousRule',
  'economics',
] as const;

/** The draft form of a validated scenario: plain, mutable JSON with every default applied. */
export function toDraft(scenario: SarcomaScenario): ScenarioDraft {
  return structuredClone({ ...scenario }) as ScenarioDraft;
}

/** The app opens on this: the CLI's default scenario, with a smaller PSA. */
export function defaultDraft(): ScenarioDraft {
  const draft = toDraft(parseScenario({ model: 'sarcoma' }) as SarcomaScenario);
  return { ...draft, economics: { ...draft.economics, psa: { ...draft.economics.psa, draws: 100 } } };
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

export interface Opened {
  /** Always a valid scenario: the input's valid fields, defaults for the rest. */
  readonly draft: ScenarioDraft;
  /** What was wrong with the input (empty when it was valid as a whole). */
  readonly problems: readonly string[];
  /** Top-level fields that were replaced by their defaults because they were invalid. */
  readonly replaced: readonly string[];
}

/**
 * A scenario from outside (a link, a file): validated by the schema. An invalid one keeps each
 * top-level field that is valid on its own and takes the default for the others, and says so:
 * whatever arrives, the app holds a valid draft.
 */
export function draftFrom(input: unknown): Opened {
  const whole = validateDraft(input);
  if (whole.ok) {
    if (whole.scenario.model !== 'sarcoma') {
      return {
        draft: defaultDraft(),
        problems: [`model: '${whole.scenario.model}' runs in the CLI only; the web app shows the sarcoma model`],
        replaced: ['model'],
      };
    }
    return { draft: toDraft(whole.scenario), problems: [], replaced: [] };
  }
  const record =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = { model: 'sarcoma', economics: defaultDraft().economics };
  const replaced: string[] = [];
  if (!(input !== null && typeof input === 'object' && !Array.isArray(input))) replaced.push('(the whole scenario)');
  if ('model' in record && record.model !== 'sarcoma') replaced.push('model');
  // Fields the schema checks together (the cohort mix, schedules within the horizon) are tried in order.
  for (const field of FIELDS) {
    if (!Object.hasOwn(record, field)) continue;
    if (validateDraft({ ...kept, [field]: record[field] }).ok) kept[field] = record[field];
    else replaced.push(field);
  }
  const unknown = Object.keys(record).filter((k) => k !== 'model' && !(FIELDS as readonly string[]).includes(k));
  replaced.push(...unknown);
  const salvaged = validateDraft(kept);
  const draft =
    salvaged.ok && salvaged.scenario.model === 'sarcoma'
      ? toDraft(salvaged.scenario as SarcomaScenario)
      : defaultDraft();
  return { draft, problems: whole.problems, replaced };
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

export const strategyId = (s: string | StrategyDraft): string => (typeof s === 'string' ? s : s.id);
