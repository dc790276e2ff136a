// Properties every valid scenario's results must have, over random valid scenarios
// (fast-check, fixed seed): no NaN or Infinity, survival curves non-increasing in [0, 1],
// non-negative costs and QALYs, life-years within the horizon, a duplicated strategy giving
// identical results, and more sensitive imaging never detecting fewer patients' liver
// metastases on the same individuals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { runSerial } from '../engine/blocks.js';
import { EVIDENCE } from '../evidence/registry.js';
import { NAMED_STRATEGIES } from '../sarcoma/surveillance-strategy.js';
import { type RunReport, reportFor } from './run-report.js';
import { parseScenario, type Scenario } from './scenario.js';
import { runnerFor } from './scenario-runner.js';

function run(input: unknown): RunReport {
  const scenario: Scenario = parseScenario(input);
  return reportFor(
    scenario,
    runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), { seed: scenario.seed, individuals: scenario.patients }),
    COMMITTED_CALIBRATION,
  );
}

/** Every number in the value, with its path. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

const MODALITIES = ['contrastCt', 'nonContrastCt', 'liverMri', 'chestCt'] as const;

/** Ordered, non-overlapping segments from sorted boundaries. */
const schedule = fc.uniqueArray(fc.integer({ min: 0, max: 180 }), { minLength: 2, maxLength: 6 }).chain((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  return fc.tuple(
    ...sorted.slice(1).map((to, i) =>
      fc.record({
        fromMonths: fc.constant(sorted[i] as number),
        toMonths: fc.constant(to),
        intervalMonths: fc.integer({ min: 1, max: 24 }),
        modality: fc.constantFrom(...MODALITIES),
      }),
    ),
  );
});

const customStrategy = fc.record({
  id: fc.constant('custom'),
  label: fc.constant('Custom'),
  eligibility: fc.constantFrom('all', 'retroperitoneal', 'lms', 'retroperitonealOrLms'),
  schedule,
  otherwise: fc.oneof(fc.constant([]), schedule),
  adherence: fc.double({ min: 0, max: 1, noNaN: true }),
});

const tunable = EVIDENCE.filter((r) => r.role === 'parameter' && !r.id.startsWith('cohort.mix.'));
const overrides = fc
  .uniqueArray(fc.constantFrom(...tunable), { maxLength: 6, selector: (r) => r.id })
  .chain((records) =>
    fc
      .tuple(...records.map((r) => fc.double({ min: r.bounds.min, max: r.bounds.max, noNaN: true })))
      .map((values) => Object.fromEntries(records.map((r, i) => [r.id, values[i] as number]))),
  );

const validScenario = fc.record({
  patients: fc.integer({ min: 30, max: 250 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  strategies: fc
    .tuple(
      fc.subarray(
        NAMED_STRATEGIES.map((s) => s.id),
        { minLength: 1, maxLength: 3 },
      ),
      fc.option(customStrategy, { nil: undefined }),
    )
    .map(([named, custom]) => (custom === undefined ? named : [...named, custom])),
  parameters: overrides,
  horizonYears: fc.integer({ min: 1, max: 60 }),
  discountRates: fc.record({
    costs: fc.double({ min: 0, max: 0.2, noNaN: true }),
    effects: fc.double({ min: 0, max: 0.2, noNaN: true }),
  }),
  lifeTable: fc.constantFrom('us-2022', 'japan-2020'),
  treatmentEffect: fc.constantFrom('modelled', 'none'),
});

describe('results of random valid scenarios', () => {
  it('are finite, with proper survival curves, non-negative costs and QALYs, and life-years within the horizon', () => {
    fc.assert(
      fc.property(validScenario, (input) => {
        const report = run(input);
        for (const [path, value] of numbers(report)) expect(Number.isFinite(value), path).toBe(true);
        for (const s of report.strategies) {
          for (const curve of Object.values(s.curves)) {
            let previous = 1;
            for (const v of curve.eventFree) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(previous + 1e-12);
              previous = v;
            }
          }
          for (const reward of ['costs', 'qalys', 'lifeYears']) {
            expect(s.rewards[reward]?.discounted.mean).toBeGreaterThanOrEqual(0);
            expect(s.rewards[reward]?.undiscounted.mean).toBeGreaterThanOrEqual(0);
          }
          expect(s.rewards.lifeYears?.undiscounted.mean).toBeLessThanOrEqual(report.horizonYears + 1e-9);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('a strategy listed twice under another id gives identical results', () => {
    fc.assert(
      fc.property(validScenario, (input) => {
        const first = input.strategies[0] as string | { id: string };
        const named = NAMED_STRATEGIES.find((s) => s.id === first);
        const twin = { ...(typeof first === 'string' ? named : first), id: 'twin', label: 'Twin' };
        const report = run({ ...input, strategies: [...input.strategies, twin] });
        const [a, b] = [report.strategies[0], report.strategies[report.strategies.length - 1]];
        expect(b?.rewards).toEqual(a?.rewards);
        expect(b?.counters).toEqual(a?.counters);
        expect(b?.curves).toEqual(a?.curves);
      }),
      { numRuns: 15, seed: 12 },
    );
  });

  it('more sensitive imaging never detects fewer liver metastases on the same individuals', () => {
    const sensitivityIds = EVIDENCE.filter((r) => r.role === 'parameter' && /^imaging\.\w+\.sensitivity\./.test(r.id));
    fc.assert(
      fc.property(validScenario, fc.double({ min: 1, max: 3, noNaN: true }), (input, factor) => {
        const base = run(input);
        const baseSensitivity = new Map(sensitivityIds.map((r) => [r.id, input.parameters[r.id] ?? r.value]));
        const sharper = Object.fromEntries([...baseSensitivity].map(([id, v]) => [id, Math.min(1, v * factor)]));
        const better = run({ ...input, parameters: { ...input.parameters, ...sharper } });
        base.strategies.forEach((s, i) => {
          const detectedBefore = s.counters.firstDetections?.total ?? 0;
          expect(better.strategies[i]?.counters.firstDetections?.total ?? 0).toBeGreaterThanOrEqual(detectedBefore);
        });
      }),
      { numRuns: 20, seed: 13 },
    );
  });
});
