// The structural workload counts distinct runs as runStructuralScenarios runs them: the base case
// once, a level equal to the base case not again.
import { selectSwitches } from '@sarcsim/model/analyses';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import { describe, expect, it } from 'vitest';
import { structuralWorkload } from './run-controller.js';
import { defaultDraft, validateDraft } from './scenario-draft.js';

function scenarioOf(edit: (d: ReturnType<typeof defaultDraft>) => ReturnType<typeof defaultDraft>): SarcomaScenario {
  const check = validateDraft(edit(defaultDraft()));
  if (!check.ok) throw new Error(check.problems.join('; '));
  return check.scenario as SarcomaScenario;
}

describe('structuralWorkload', () => {
  it('runs the base case once and each non-base level once, of every patient and strategy', () => {
    const scenario = scenarioOf((d) => ({ ...d, patients: 300 }));
    const work = structuralWorkload(scenario, selectSwitches(['synchronous-rule', 'grade-effect']));
    expect(work.tasks).toBe(3); // base + window + averaged
    expect(work.histories).toBe(3 * 300 * scenario.strategies.length);
  });

  it('counts every level of a switch whose levels all differ from the base case', () => {
    const base = scenarioOf((d) => d);
    const off = scenarioOf((d) => ({ ...d, discountRates: { costs: 0.05, effects: 0.05 } }));
    const discount = selectSwitches(['discount-rates']);
    expect(structuralWorkload(base, discount).tasks).toBe(3); // base (3% / 3%) + two others
    expect(structuralWorkload(off, discount).tasks).toBe(4); // base (5% / 5%) + all three
  });
});
