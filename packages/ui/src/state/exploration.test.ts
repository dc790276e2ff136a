// The Explore tab's state: the input checked by the model's schema with problems that name the
// field, the most work an exploration can be (never less than an exploration spends), and
// adding a candidate to the scenario draft once.
import { CANDIDATES_PER_RUN, DEFAULT_POLICY_SPACE, explore, historiesFor } from '@sarcsim/model/analyses';
import { MAX_STRATEGIES } from '@sarcsim/model/scenario';
import { describe, expect, it } from 'vitest';
import { standInEvaluator } from '../../../model/src/analyses/explore-stand-in.test-util.js';
import {
  addToDraft,
  BROWSER_SEARCH,
  checkExplore,
  defaultExploreInput,
  type ExploreInput,
  exploreChanges,
  exploreWorkload,
} from './exploration.js';
import { defaultDraft, strategyId, validateDraft } from './scenario-draft.js';

/** 2 modalities × 2 × 2 intervals × 2 durations × 2 groups × 2 others, less repeats. */
const SPACE = {
  modalities: ['contrastCt', 'liverMri'],
  periods: [
    { fromYear: 0, toYear: 2, intervalsMonths: [3, 6] },
    { fromYear: 2, toYear: 5, intervalsMonths: [6, 12] },
  ],
  durationsYears: [2, 5],
  riskGroups: ['all', 'retroperitonealOrLms'],
  othersGet: ['chestCt', 'nothing'],
};

const inputOf = (space: unknown, settings: Partial<ExploreInput['settings']> = {}): ExploreInput => {
  const base = defaultExploreInput();
  return { text: JSON.stringify(space), settings: { ...base.settings, ...settings } };
};

const checked = (input: ExploreInput) => {
  const check = checkExplore(input);
  if (!check.ok) throw new Error(check.problems.join('; '));
  return check;
};

describe('checkExplore', () => {
  it('prefills the default space with the browser-sized search settings', () => {
    const check = checked(defaultExploreInput());
    expect(check.set.candidates.length).toBe(896);
    expect(check.set.space.search).toMatchObject(BROWSER_SEARCH);
    expect(check.set.space.search.growth).toBe(4); // the rest of search from the schema's defaults
    expect(JSON.parse(defaultExploreInput().text)).toEqual(DEFAULT_POLICY_SPACE);
  });

  it('lets the fields override the space’s own search values and keeps the others', () => {
    const space = { ...SPACE, search: { screenPatients: 5_000, keepWithinMcse: 2 } };
    const check = checked(inputOf(space, { screenPatients: 300 }));
    expect(check.set.space.search.screenPatients).toBe(300);
    expect(check.set.space.search.keepWithinMcse).toBe(2);
  });

  it('names the field, the value and what is allowed', () => {
    const bad = checkExplore(inputOf({ ...SPACE, durationsYears: [2, 12] }, { finalPatients: 10, seed: -1 }));
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems).toContain('search.finalPatients: got 10, must be ≥ 1,000');
    expect(problems.some((p) => p.startsWith('seed: got -1'))).toBe(true);
    const json = checkExplore({ ...inputOf(SPACE), text: '{ "modalities": [' });
    expect(json.ok ? [] : json.problems[0]).toMatch(/^\(policy space JSON\): /);
    const array = checkExplore({ ...inputOf(SPACE), text: '[]' });
    expect(array.ok ? [] : array.problems).toEqual([
      '(policy space): must be a JSON object { modalities, periods, durationsYears, … }',
    ]);
    const range = checkExplore(inputOf({ ...SPACE, durationsYears: [12] }));
    expect(range.ok ? [] : range.problems).toEqual([
      'durationsYears[0]: got 12, must be ≤ 5, the end of the last period',
    ]);
  });
});

describe('exploreWorkload', () => {
  it('is the stages as if none dropped, within the budget, and never less than the exploration spends', async () => {
    const settings = { screenPatients: 200, finalPatients: 1_000, budgetPatients: 40_000 };
    // keepWithinMcse 10 keeps every candidate at stage 1; 0 drops all but the best at some threshold.
    for (const keepWithinMcse of [10, 0]) {
      const check = checked(inputOf({ ...SPACE, search: { keepWithinMcse, growth: 2 } }, settings));
      const n = check.set.candidates.length;
      const work = exploreWorkload(check.set);
      const result = await explore(check.set, check.seed, standInEvaluator());
      const runs = result.stages.reduce((sum, s) => sum + s.runs, 0) + result.fresh.runs;
      expect(work.histories).toBeGreaterThanOrEqual(result.historiesTotal);
      expect(work.tasks).toBeGreaterThanOrEqual(runs);
      // Nothing dropped before the last stage and more left than one run holds: the stages are exactly the bound's.
      const last = result.stages.at(-1);
      const undropped =
        result.stages.slice(0, -1).every((s) => s.kept === s.candidates) && (last?.kept ?? 0) > CANDIDATES_PER_RUN;
      expect(undropped).toBe(keepWithinMcse === 10);
      if (undropped) {
        const selection = result.stages.reduce((sum, s) => sum + s.histories, 0);
        const freshBound = historiesFor(Math.min(n, CANDIDATES_PER_RUN), settings.finalPatients);
        expect(work.histories - freshBound).toBe(selection);
        expect(result.fresh.histories).toBeLessThanOrEqual(freshBound);
      }
    }
  });

  it('is exact for a space that fits one run: the screen and the fresh re-evaluation', () => {
    const check = checked(inputOf({ ...SPACE, durationsYears: [5], othersGet: ['chestCt'], modalities: ['liverMri'] }));
    const n = check.set.candidates.length;
    expect(n).toBeLessThanOrEqual(CANDIDATES_PER_RUN);
    expect(exploreWorkload(check.set)).toEqual({
      tasks: 2,
      histories: (n + 1) * (BROWSER_SEARCH.screenPatients + BROWSER_SEARCH.finalPatients),
    });
  });
});

describe('addToDraft and exploreChanges', () => {
  it('adds a candidate’s strategy once, valid for the scenario, and refuses a full scenario', () => {
    const check = checked(inputOf(SPACE));
    const candidate = check.set.candidates[3]?.strategy;
    const id = candidate?.id ?? '';
    const first = addToDraft(defaultDraft(), check.set, id);
    expect(first.added).toBe(true);
    const draft = first.added ? first.draft : defaultDraft();
    expect(draft.strategies.filter((s) => strategyId(s) === id)).toHaveLength(1);
    expect(validateDraft(draft).ok).toBe(true);
    expect(draft.strategies.at(-1)).toEqual(candidate);
    const again = addToDraft(draft, check.set, id);
    expect(again).toEqual({
      added: false,
      reason: `“${candidate?.label}” is already one of the scenario's strategies.`,
    });
    // The comparator, a shipped strategy, is added by its id.
    const comparator = addToDraft({ ...draft, strategies: [] }, check.set, 'chest-only');
    expect(comparator.added && comparator.draft.strategies).toEqual(['chest-only']);
    let full = draft;
    for (const c of check.set.candidates) {
      const next = addToDraft(full, check.set, c.strategy.id);
      if (next.added) full = next.draft;
    }
    expect(full.strategies).toHaveLength(MAX_STRATEGIES);
    expect(validateDraft(full).ok).toBe(true);
  });

  it('names what changed since the exploration shown', async () => {
    const before = checked(inputOf(SPACE, { screenPatients: 200, finalPatients: 1_000, budgetPatients: 40_000 }));
    const result = await explore(before.set, before.seed, standInEvaluator());
    const record = { result, set: before.set, hash: before.hash, seconds: 1 };
    expect(exploreChanges(record, before)).toEqual([]);
    const after = checkExplore(
      inputOf({ ...SPACE, durationsYears: [5] }, { screenPatients: 200, finalPatients: 2_000, budgetPatients: 40_000 }),
    );
    expect(exploreChanges(record, after)).toEqual(['durationsYears', 'search.finalPatients']);
    expect(exploreChanges(record, checkExplore({ ...inputOf(SPACE), text: '{' }))).toEqual([
      '(the policy space has problems)',
    ]);
  });
});
