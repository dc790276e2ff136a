// Fuzzing the scenario parser with invalid input: a valid scenario with one to three
// mutations known to be invalid, and arbitrary JSON-like garbage. Every case must end in a
// ScenarioError whose every line names a path, the value and what is allowed — never another
// exception. 12,000 cases per run (fixed seeds, so a failure reproduces; SARCSIM_FUZZ_SEED=random
// explores others), plus 1,000 JSON texts through the untrusted-text reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTOLOGIES, SITES } from '../domain/categories.js';
import { NAMED_STRATEGIES } from '../sarcoma/surveillance-strategy.js';
import { fuzzSettings } from './fuzz-seed.test-util.js';
import { parseScenario } from './scenario.js';
import { MAX_JSON_DEPTH, parseJsonText } from './untrusted-json.js';
import { preview, ScenarioError } from './validation-error.js';

const PROBLEM_LINE = /^[^\s:][^:]*: got .+, .+$/s;

/** The outcome of parsing: the problems, or 'valid'. Anything else thrown fails the test. */
function parseOutcome(input: unknown): readonly string[] | 'valid' {
  try {
    parseScenario(input);
    return 'valid';
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw new Error(`parser threw ${String(error)} for ${preview(input, 300)}`);
  }
}

const segment = { fromMonths: 0, toMonths: 24, intervalMonths: 6, modality: 'contrastCt' };
const customStrategy = { id: 'mine', label: 'Mine', eligibility: 'lms', schedule: [segment], otherwise: [] };

type Mutation = (scenario: Record<string, unknown>) => void;

const setField =
  (key: string) =>
  (value: unknown): Mutation =>
  (scenario) => {
    scenario[key] = value;
  };

/** Mutations each of which makes any scenario invalid. */
const invalidMutations: fc.Arbitrary<Mutation>[] = [
  fc.constantFrom(0, -1, 1.5, 1e9, '100', null, true, [], {}).map(setField('patients')),
  fc.constantFrom(-1, 2 ** 32, 0.5, 'seed', null, [1]).map(setField('seed')),
  fc.constantFrom(0, -5, 2_000_000, 'big').map(setField('blockSize')),
  fc.constantFrom('sarcomax', 1, null, 'SARCOMA').map(setField('model')),
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter(
      (k) =>
        ![
          'model',
          'patients',
          'seed',
          'blockSize',
          'parameters',
          'strategies',
          'lifeTable',
          'horizonYears',
          'discountRates',
          'treatmentEffect',
          'economics',
        ].includes(k),
    )
    .map((key) => setField(key)(1)),
  fc
    .constantFrom(
      [],
      'chest-only',
      [42],
      ['nope'],
      [{}],
      ['chest-only', 'chest-only'],
      new Array(13).fill('chest-only'),
      [null],
    )
    .map(setField('strategies')),
  fc
    .constantFrom(
      { fromMonths: 12, toMonths: 6, intervalMonths: 3, modality: 'contrastCt' },
      { fromMonths: 0, toMonths: 12, intervalMonths: 0, modality: 'contrastCt' },
      { fromMonths: -1, toMonths: 12, intervalMonths: 3, modality: 'contrastCt' },
      { fromMonths: 0, toMonths: 12, intervalMonths: 3, modality: 'pet' },
      { fromMonths: 0, toMonths: 12, intervalMonths: 3 },
      { fromMonths: 0, toMonths: 12, intervalMonths: 3, modality: 'chestCt', extra: 1 },
      // Unbounded work: intervals below a week, including one that underflows to 0 in months × MONTH.
      { fromMonths: 0, toMonths: 1200, intervalMonths: 1e-9, modality: 'contrastCt' },
      { fromMonths: 0, toMonths: 1200, intervalMonths: 5e-324, modality: 'contrastCt' },
      { fromMonths: 24, toMonths: 1e308, intervalMonths: 0.25, modality: 'chestCt' },
    )
    .map((bad) => setField('strategies')([{ ...customStrategy, schedule: [segment, bad] }])),
  fc
    .constantFrom(
      { id: 'Bad Id' },
      { label: '' },
      { eligibility: 'some' },
      { eligibility: { sites: ['moon'] } },
      { adherence: 1.5 },
      { schedule: 'often' },
      { label: 'x'.repeat(81) },
      { schedule: Array.from({ length: 101 }, (_, i) => ({ ...segment, fromMonths: i, toMonths: i + 1 })) },
    )
    .map((patch) => setField('strategies')([{ ...customStrategy, ...patch }])),
  fc
    .constantFrom<[string, unknown]>(
      ['nonsense.parameter', 1],
      ['nh.livermet.hr.lms', -1],
      ['nh.livermet.hr.lms', 1e6],
      ['imaging.contrastCt.cost', '300'],
      ['imaging.contrastCt.cost', null],
      ['okamoto.os.2y', 0.5],
      ['__proto__', { 'cost.resection': 1 }],
      ['imaging.contrastCt.cost', Number.POSITIVE_INFINITY],
    )
    .map(([id, v]) => setField('parameters')({ [id]: v })),
  fc.constant((s: Record<string, unknown>) => {
    // Every cohort share 0: nobody to simulate.
    const zeros = Object.fromEntries(SITES.flatMap((site) => HISTOLOGIES.map((h) => [`cohort.mix.${site}.${h}`, 0])));
    s.parameters = zeros;
  }),
  fc.constantFrom('mars', 2022, null).map(setField('lifeTable')),
  fc.constantFrom(0, -1, 101, 'forty', 0.05).map(setField('horizonYears')),
  fc.integer({ min: MAX_JSON_DEPTH, max: 6_000 }).map((depth) => (s: Record<string, unknown>) => {
    let deep: unknown = 1;
    for (let i = 0; i < depth; i++) deep = [deep];
    s.lifeTable = deep;
  }),
  fc
    .constantFrom({ costs: -0.01, effects: 0.03 }, { costs: 0.03, effects: 0.5 }, { costs: 0.03 }, 0.03, {
      costs: 0.03,
      effects: 0.03,
      other: 0,
    })
    .map(setField('discountRates')),
  fc.constantFrom('maybe', true, 0).map(setField('treatmentEffect')),
  fc
    .constantFrom(
      { willingnessToPay: -1 },
      { willingnessToPay: 1e12 },
      { psa: { draws: 0 } },
      { psa: { draws: 1.5 } },
      { psa: { calibratedParameters: 'recentred-prior' } },
      { psa: { evppiGroups: { g: ['not.a.parameter'] } } },
      { psa: { evppiGroups: { g: [] } } },
      { wtpGrid: { points: 1 } },
      { wtpGrid: { max: 0 } },
      { population: { annualPatients: -5 } },
      { population: { years: 0 } },
      { currency: 'EUR' },
    )
    .map(setField('economics')),
];

const validBase = fc.record({
  patients: fc.integer({ min: 1, max: 1_000_000 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  strategies: fc.subarray(
    NAMED_STRATEGIES.map((s) => s.id),
    { minLength: 1 },
  ),
});

describe('scenario parser under invalid input', () => {
  it('mutated scenarios: 10,000 cases, each a ScenarioError with well-formed lines', () => {
    const mutated = fc
      .tuple(validBase, fc.array(fc.oneof(...invalidMutations), { minLength: 1, maxLength: 3 }))
      .map(([base, mutations]) => {
        const scenario: Record<string, unknown> = structuredClone(base);
        for (const mutate of mutations) mutate(scenario);
        return scenario;
      });
    fc.assert(
      fc.property(mutated, (input) => {
        const outcome = parseOutcome(input);
        expect(outcome, preview(input, 300)).not.toBe('valid');
        for (const line of outcome) expect(line).toMatch(PROBLEM_LINE);
      }),
      fuzzSettings(20_261_122, 10_000),
    );
  });

  it('arbitrary JSON-like values: 2,000 cases, valid by chance or a ScenarioError, never a crash', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3 })), (input) => {
        const outcome = parseOutcome(input);
        if (outcome === 'valid') return;
        rejected += 1;
        for (const line of outcome) expect(line).toMatch(PROBLEM_LINE);
      }),
      fuzzSettings(7, 2_000),
    );
    expect(rejected).toBeGreaterThan(1_500); // almost all garbage is rejected, not silently accepted
  });

  it('a huge input is rejected without trouble', () => {
    const outcome = parseOutcome({ strategies: new Array(100_000).fill('chest-only'), parameters: { x: 1 } });
    expect(outcome).not.toBe('valid');
    expect(outcome.length).toBeLessThan(10);
  });

  it('JSON text from outside: 1,000 texts, deep, truncated or random, each parsed or refused with a reason', () => {
    const text = fc.oneof(
      fc.json({ maxDepth: 5 }),
      fc.json().map((t) => t.slice(0, Math.floor(t.length / 2))),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.integer({ min: 1, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      fc.json().map((t) => `\ufeff${t}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        let value: unknown;
        try {
          value = parseJsonText(t);
        } catch (error) {
          expect((error as Error).name).toBe('JsonTextError');
          expect((error as Error).message.length).toBeLessThan(200);
          return;
        }
        const outcome = parseOutcome(value);
        if (outcome !== 'valid') for (const line of outcome) expect(line).toMatch(PROBLEM_LINE);
      }),
      fuzzSettings(13, 1_000),
    );
  });
});
