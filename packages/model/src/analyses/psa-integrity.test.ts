// Tampered and forged PSA parts: each is refused by parsePsaPart (per file) or mergePsaParts
// (across files) with a line naming the part and the field, never merged into a result.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSerial } from '../engine/blocks.js';
import { fuzzSettings } from '../scenario/fuzz-seed.test-util.js';
import { hashOfScenario } from '../scenario/run-report.js';
import { parseScenario, type SarcomaScenario, type Scenario } from '../scenario/scenario.js';
import { runnerFor } from '../scenario/scenario-runner.js';
import { ScenarioError } from '../scenario/validation-error.js';
import { drawOutcome } from './draw-outcome.js';
import { mergePsaParts, runPsaPart, shardRange, summarisePsa } from './psa.js';
import { parsePsaPart } from './psa-file.js';
import { calibrationHash, drawsHash } from './psa-integrity.js';

const evaluate = async (scenario: Scenario, draw: number) => {
  const acc = runSerial(runnerFor(scenario), { seed: scenario.seed, draw, individuals: scenario.patients });
  return drawOutcome(scenario, acc);
};

const scenario = parseScenario({
  patients: 60,
  seed: 31,
  strategies: ['chest-only', 'contrast-ct-rp-lms', 'mri-rp-lms'],
  economics: { psa: { draws: 6 }, wtpGrid: { points: 3 } },
}) as SarcomaScenario;

// biome-ignore lint/suspicious/noExplicitAny: a part file as a hand edits it: any field, any type
type Json = Record<string, any>;
let parts: Json[] = [];

beforeAll(async () => {
  const made = await Promise.all([0, 1].map((i) => runPsaPart(scenario, shardRange(6, i, 2), evaluate)));
  parts = made.map((p) => JSON.parse(JSON.stringify(p)) as Json);
});

const names = ['part-0.json', 'part-1.json'];

/** Reads the (edited) files as `sarcsim merge` does; the problems, or 'merged'. */
function mergeFiles(files: readonly Json[]): string[] | 'merged' {
  try {
    const parsed = files.map((f, i) => parsePsaPart(f, names[i] ?? `part-${i}.json`));
    summarisePsa(mergePsaParts(parsed, names));
    return 'merged';
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    if (error instanceof RangeError) return [error.message];
    throw error;
  }
}

function edited(index: number, edit: (part: Json) => void): Json[] {
  return parts.map((p, i) => {
    const copy = structuredClone(p);
    if (i === index) edit(copy);
    return copy;
  });
}

describe('merge refuses tampered parts, naming the part and the field', () => {
  it('merges the untouched parts into the single-machine result', async () => {
    expect(mergeFiles(parts)).toBe('merged');
    const whole = await runPsaPart(scenario, { first: 0, count: 6 }, evaluate);
    const merged = mergePsaParts(parts.map((p, i) => parsePsaPart(p, names[i] as string)));
    expect(JSON.stringify(summarisePsa(merged))).toBe(JSON.stringify(summarisePsa(whole)));
    expect(merged.drawsHash).toBe(drawsHash(whole.draws));
  });

  const cases: [string, number, (part: Json) => void, RegExp][] = [
    [
      "a reversed strategy list (one strategy's results credited to another)",
      1,
      (p) => p.strategies.reverse(),
      /^part-1\.json: strategies: got \["mri-rp-lms",.*must be the scenario's strategies in its order \(chest-only, contrast-ct-rp-lms, mri-rp-lms\)/,
    ],
    [
      'strategies and every column reversed together',
      1,
      (p) => {
        p.strategies.reverse();
        for (const d of p.draws) for (const k of ['costs', 'qalys', 'lifeYears']) d[k].reverse();
      },
      /^part-1\.json: strategies: got/,
    ],
    ['a relabelled strategy', 0, (p) => (p.strategies[0].label = 'Best'), /^part-0\.json: strategies: /],
    [
      'drawsTotal lowered to skip a shard',
      0,
      (p) => (p.drawsTotal = 3),
      /^part-0\.json: drawsTotal: got 3, must equal the scenario's PSA draws \(6\)$/,
    ],
    [
      'a forged part claiming 100,000 draws',
      1,
      (p) => (p.drawsTotal = 100_000),
      /^part-1\.json: drawsTotal: got 100000, must equal the scenario's PSA draws \(6\)$/,
    ],
    [
      'costs multiplied by 10',
      0,
      (p) => {
        for (const d of p.draws) d.costs = d.costs.map((c: number) => c * 10);
      },
      /^part-0\.json: drawsHash: got [0-9a-f]{12}…, the draws hash to [0-9a-f]{12}… \(edited or damaged file; rerun the shard\)$/,
    ],
    [
      'an inner covariance of the wrong size (a part from before inner noise was kept)',
      0,
      (p) => (p.draws[1].innerCovariance = []),
      /^part-0\.json: draws\[1\]\.innerCovariance: has 0 values, must be 21 \(the upper triangle of the 6×6 covariance of costs and QALYs\)$/,
    ],
    [
      'a negative inner variance',
      1,
      (p) => (p.draws[0].innerCovariance[0] = -1),
      /^part-1\.json: draws\[0\]\.innerCovariance\[0\]: got -1, must be a finite number ≥ 0 \(a variance\)$/,
    ],
    [
      'a cost of −1e308',
      1,
      (p) => (p.draws[0].costs[2] = -1e308),
      /^part-1\.json: draws\[0\]\.costs\[2\]: got -1e\+308, must be a finite number ≥ 0$/,
    ],
    [
      'QALYs beyond the horizon',
      1,
      (p) => (p.draws[1].qalys[0] = 1e6),
      /^part-1\.json: draws\[1\]\.qalys\[0\]: got 1000000, must be a finite number ≥ 0 and ≤ the horizon \(40 years\)$/,
    ],
    [
      'a sampled parameter outside its bounds',
      0,
      (p) => (p.draws[0].parameters[0] = 5),
      /^part-0\.json: draws\[0\]\.parameters\[0\] \(.+\): got 5, must be between/,
    ],
    [
      'an unknown parameter id',
      0,
      (p) => (p.parameterIds[0] = 'made.up'),
      /^part-0\.json: parameterIds: got \["made\.up"\] \(not sampled for this scenario\), must be the \d+ parameters this scenario samples/,
    ],
    [
      'parameter ids reordered',
      0,
      (p) => p.parameterIds.reverse(),
      /^part-0\.json: parameterIds: got another list or order/,
    ],
    [
      'another calibration',
      1,
      (p) => (p.calibrationHash = 'a'.repeat(64)),
      /^part-1\.json: calibrationHash: got aaaaaaaaaaaa…, must be this sarcsim's calibration [0-9a-f]{12}…/,
    ],
    ['a draws hash removed', 0, (p) => delete p.drawsHash, /^part-0\.json: drawsHash: got nothing, is required/],
    ['a draw renumbered', 1, (p) => (p.draws[0].draw = 0), /^part-1\.json: draws\[0\]\.draw: got 0, expected 3$/],
    [
      'the scenario edited (more patients)',
      0,
      (p) => (p.scenario.patients = 6_000),
      /^merge: part 1 \(part-0\.json\): its scenario does not match its recorded hash/,
    ],
    ['a draw dropped', 1, (p) => p.draws.pop(), /^part-1\.json: draws: got 2 draws, must be 3 \(the range 3–5\)$/],
    [
      'Infinity (1e999 in the file)',
      0,
      (p) => (p.draws[0].lifeYears[0] = Number.POSITIVE_INFINITY), // what JSON.parse makes of 1e999
      /^part-0\.json: draws\[0\]\.lifeYears\[0\]: got Infinity, must be a number$/,
    ],
    [
      'a value nested 5,000 levels deep',
      0,
      (p) => (p.version = deep(5_000)),
      /^part-0\.json: version\[0\]\[0\]\[0\]: got a value nested more than 64 levels deep, must be flatter$/,
    ],
  ];

  function deep(n: number): unknown {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  }

  for (const [name, index, edit, expected] of cases) {
    it(name, () => {
      const outcome = mergeFiles(edited(index, edit));
      expect(outcome).not.toBe('merged');
      expect((outcome as string[])[0]).toMatch(expected);
    });
  }

  it('two parts that both lower drawsTotal to 4 (so that 4 of 6 draws look complete) are refused', () => {
    const files = parts.map((p, i) => ({
      ...structuredClone(p),
      drawsTotal: 4,
      range: { first: i * 2, count: 2 },
      draws: p.draws.slice(0, 2).map((d: Json, j: number) => ({ ...d, draw: i * 2 + j })),
    }));
    const outcome = mergeFiles(files);
    expect(outcome).not.toBe('merged');
    expect((outcome as string[])[0]).toMatch(
      /^part-0\.json: drawsTotal: got 4, must equal the scenario's PSA draws \(6\)$/,
    );
  });

  it('a forged scenario with a matching hash still cannot pose as the other parts', () => {
    const forged = edited(1, (p) => {
      p.scenario.economics.psa.draws = 3;
      p.scenarioHash = hashOfScenario(parseScenario(p.scenario));
    });
    const outcome = mergeFiles(forged);
    expect(outcome).not.toBe('merged');
  });

  it('every edit of one number in a part is refused (fuzz)', () => {
    const field = fc.constantFrom('costs', 'qalys', 'lifeYears', 'parameters');
    fc.assert(
      fc.property(fc.nat(1), fc.nat(2), field, fc.nat(200), fc.double({ noNaN: false }), (p, d, key, j, value) => {
        const files = edited(p, (part) => {
          const column = part.draws[d][key] as number[];
          column[j % column.length] = value;
        });
        const before = parts[p]?.draws[d][key][j % parts[p]?.draws[d][key].length];
        if (Object.is(before, value)) return;
        const outcome = mergeFiles(files);
        expect(outcome).not.toBe('merged');
        expect((outcome as string[])[0]).toMatch(/^part-[01]\.json: (draws\[\d\]\.\w+\[\d+\]|drawsHash)/);
      }),
      fuzzSettings(17, 300),
    );
  });

  it('the calibration hash is computed from the calibrated values, not written down', () => {
    expect(calibrationHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(parts[0]?.calibrationHash).toBe(calibrationHash());
  });
});
