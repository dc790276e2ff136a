// An exploration of a policy space as the user sets it up in the browser: the space as JSON
// text, the search settings a user changes (screen, final and budget patients) and the seed;
// its check through the model's schema (problems name the field, the value and what is
// allowed); how much work it is at most; and adding a candidate to the scenario draft.
// Method: docs/explore.md.
import {
  CANDIDATES_PER_RUN,
  type CandidateEstimate,
  type CandidateSet,
  candidateSet,
  DEFAULT_POLICY_SPACE,
  type ExploreResult,
  historiesFor,
  runsFor,
} from '@sarcsim/model/analyses';
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import {
  canonicalJson,
  DEFAULT_SEED,
  MAX_STRATEGIES,
  parseJsonText,
  ScenarioError,
  scenarioHash,
} from '@sarcsim/model/scenario';
import type { Workload } from './run-controller.js';
import { type ScenarioDraft, type StrategyDraft, strategyId } from './scenario-draft.js';

/** The search settings the page sets; they override the space's own `search` values, as the CLI's flags do. */
export interface ExploreSettings {
  readonly screenPatients: number;
  readonly finalPatients: number;
  readonly budgetPatients: number;
  readonly seed: number;
}

export interface ExploreInput {
  /** The policy space as JSON text. */
  readonly text: string;
  readonly settings: ExploreSettings;
}

/**
 * Browser-sized search settings (the CLI's are 1,000 / 200,000 / 20,000,000). The default space
 * (896 candidates) then simulates at most about 6 million patient histories (exploreWorkload):
 * the screen (978,000), one stage at 4,000 patients (3.9 million) and the fresh frontier at
 * 100,000. `pnpm bench:app` measured about 100,000 histories a second on one Chromium worker on
 * this shared 2-core machine (docs/explore.md), so about a minute; a few minutes at a quarter
 * of that speed. The price against the CLI is a noisier selection: see docs/explore.md.
 */
export const BROWSER_SEARCH = { screenPatients: 1_000, finalPatients: 100_000, budgetPatients: 8_000_000 } as const;

export function defaultExploreInput(): ExploreInput {
  return {
    text: `${JSON.stringify(DEFAULT_POLICY_SPACE, null, 2)}\n`,
    settings: { ...BROWSER_SEARCH, seed: DEFAULT_SEED },
  };
}

export type ExploreCheck =
  | { readonly ok: true; readonly set: CandidateSet; readonly seed: number; readonly hash: string }
  | { readonly ok: false; readonly problems: readonly string[] };

const SEED_MAX = 2 ** 32 - 1;

/** The space the text and settings describe: the text's object with the settings in its `search`. */
function spaceOf(input: ExploreInput): unknown {
  const value = parseJsonText(input.text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(['(policy space): must be a JSON object { modalities, periods, durationsYears, … }']);
  }
  const search = (value as Record<string, unknown>).search;
  const base = search !== null && typeof search === 'object' && !Array.isArray(search) ? search : {};
  const { seed: _seed, ...overrides } = input.settings;
  return { ...value, search: { ...base, ...overrides } };
}

function check(input: ExploreInput): ExploreCheck {
  const seed = input.settings.seed;
  const seedProblems =
    Number.isInteger(seed) && seed >= 0 && seed <= SEED_MAX
      ? []
      : [`seed: got ${String(seed)}, must be a whole number from 0 to ${SEED_MAX.toLocaleString('en-US')}`];
  try {
    const set = candidateSet(spaceOf(input));
    if (seedProblems.length > 0) return { ok: false, problems: seedProblems };
    return { ok: true, set, seed, hash: scenarioHash({ space: set.space, seed }) };
  } catch (error) {
    const problems =
      error instanceof ScenarioError
        ? [...error.problems]
        : [`(policy space JSON): ${error instanceof Error ? error.message : String(error)}`];
    return { ok: false, problems: [...problems, ...seedProblems] };
  }
}

let cache: { key: string; check: ExploreCheck } | undefined;

/** The input checked by the model's schema (enumerating a space of hundreds checks each candidate: cached). */
export function checkExplore(input: ExploreInput): ExploreCheck {
  const key = canonicalJson(input);
  if (cache?.key !== key) cache = { key, check: check(input) };
  return cache.check;
}

/**
 * The most work an exploration of `set` can be: every stage run as if nothing were dropped (the
 * loop of `explore`, keeping every candidate), within the budget, then a fresh final set of at
 * most one run. Dropping candidates only makes it less, so estimates from it err long.
 */
export function exploreWorkload(set: CandidateSet): Workload {
  const n = set.candidates.length;
  const search = set.space.search;
  let patients = search.screenPatients;
  let leaders = 0; // stage 1 has none; later stages at most leadersPerRun
  let histories = 0;
  let tasks = 0;
  for (;;) {
    histories += historiesFor(n, patients, leaders);
    tasks += runsFor(n, leaders);
    if (n <= CANDIDATES_PER_RUN || patients >= search.finalPatients) break;
    leaders = Math.min(search.leadersPerRun, n);
    let next = Math.min(Math.round(patients * search.growth), search.finalPatients);
    if (histories + historiesFor(n, next, leaders) > search.budgetPatients) {
      next = Math.floor((search.budgetPatients - histories) / historiesFor(n, 1, leaders));
      if (next < 2 * patients) break;
    }
    patients = next;
  }
  const finalSet = Math.min(n, CANDIDATES_PER_RUN);
  return {
    tasks: tasks + runsFor(finalSet),
    histories: histories + historiesFor(finalSet, search.finalPatients),
  };
}

/** A finished exploration with what it ran. */
export interface ExploreRecord {
  readonly result: ExploreResult;
  readonly set: CandidateSet;
  /** Hash of the validated space and the seed: with the version, what reproduces it. */
  readonly hash: string;
  readonly seconds: number;
}

/** What differs between the exploration shown and the one the page now describes (empty: it is current). */
export function exploreChanges(record: ExploreRecord, now: ExploreCheck): string[] {
  if (!now.ok) return ['(the policy space has problems)'];
  const changed: string[] = [];
  if (now.seed !== record.result.seed) changed.push('seed');
  const ran = record.set.space as unknown as Record<string, unknown>;
  const current = now.set.space as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ran), ...Object.keys(current)])) {
    if (key === 'search') {
      const a = ran.search as Record<string, unknown>;
      const b = current.search as Record<string, unknown>;
      for (const k of Object.keys(b)) if (canonicalJson(a[k]) !== canonicalJson(b[k])) changed.push(`search.${k}`);
    } else if (canonicalJson(ran[key]) !== canonicalJson(current[key])) changed.push(key);
  }
  return changed;
}

/** A candidate's last estimate: the fresh re-evaluation when it had one, else the last selection stage. */
export const lastEstimate = (row: ExploreResult['rows'][number]): CandidateEstimate => row.fresh ?? row.selection;

/** The strategy of a candidate (or of the comparator) as the scenario draft holds it: a shipped id, or the strategy itself. */
export function strategyOf(set: CandidateSet, id: string): string | StrategyDraft | undefined {
  if (id === set.comparator.id) {
    return NAMED_STRATEGIES.some((n) => n.id === id) ? id : (structuredClone(set.comparator) as StrategyDraft);
  }
  const candidate = set.candidates.find((c) => c.strategy.id === id);
  return candidate === undefined ? undefined : (structuredClone(candidate.strategy) as StrategyDraft);
}

export type AddOutcome =
  | { readonly added: true; readonly draft: ScenarioDraft; readonly label: string }
  | { readonly added: false; readonly reason: string };

/** The draft with the candidate's strategy added, or why it is not (already there, or the scenario is full). */
export function addToDraft(draft: ScenarioDraft, set: CandidateSet, id: string): AddOutcome {
  const strategy = strategyOf(set, id);
  if (strategy === undefined) return { added: false, reason: `No candidate '${id}' in the exploration shown.` };
  const label =
    typeof strategy === 'string'
      ? (NAMED_STRATEGIES.find((n) => n.id === strategy)?.label ?? strategy)
      : strategy.label;
  if (draft.strategies.some((s) => strategyId(s) === id))
    return { added: false, reason: `“${label}” is already one of the scenario's strategies.` };
  if (draft.strategies.length >= MAX_STRATEGIES)
    return {
      added: false,
      reason: `The scenario already compares ${MAX_STRATEGIES} strategies, the most it can: untick one on the Scenario tab first.`,
    };
  return { added: true, draft: { ...draft, strategies: [...draft.strategies, strategy] }, label };
}
