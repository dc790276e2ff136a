// The CLI under hostile and mistaken input, in-process (main with a fake outside world, so
// 150 cases take seconds, not 150 node start-ups). Every case must be refused cleanly:
// the expected exit status (2: bad input), nothing on standard output, one short line per
// problem naming the field (or flag), the value received (a short prefix) and what is
// allowed, no stack trace, and no output file created. Nothing here depends on timing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVIDENCE } from '@sarcsim/model/sarcoma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../dist/cli/main.js';
import { fakeIo } from '../../dist/testing/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'sarcsim-bad-'));
let files = 0;
/** A file holding `content` (JSON-encoded unless a string). */
function file(content: unknown): string {
  files += 1;
  const path = join(dir, `input-${files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

export async function sarcsim(args: string[], env: NodeJS.ProcessEnv = {}) {
  const fake = fakeIo({ env });
  const status = await main(['node', 'sarcsim', ...args], fake.io);
  return { status, stdout: fake.stdout(), stderr: fake.stderr() };
}

const custom = (patch: Record<string, unknown> = {}, segment: Record<string, unknown> = {}) => ({
  id: 'c1',
  label: 'C',
  eligibility: 'all',
  schedule: [{ fromMonths: 0, toMonths: 24, intervalMonths: 3, modality: 'contrastCt', ...segment }],
  ...patch,
});
const withStrategy = (patch: Record<string, unknown> = {}, segment: Record<string, unknown> = {}) => ({
  patients: 20,
  strategies: ['chest-only', custom(patch, segment)],
});
const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

const space = (patch: Record<string, unknown> = {}) => ({
  modalities: ['contrastCt'],
  periods: [
    { fromYear: 0, toYear: 2, intervalsMonths: [3, 6] },
    { fromYear: 2, toYear: 5, intervalsMonths: [12] },
  ],
  durationsYears: [2, 5],
  riskGroups: ['all'],
  othersGet: ['chestCt'],
  ...patch,
});

type Case = [
  name: string,
  args: () => string[],
  line: RegExp,
  options?: { status?: number; env?: NodeJS.ProcessEnv; lines?: number },
];

const out = () => join(dir, `never-${files++}.json`);

/** Cases refused before any computation (the scenario is fine unless the case breaks it). */
const cases: Case[] = [
  // Counts on the command line: strict decimal integers.
  [
    '--patients 0',
    () => ['run', '--patients', '0'],
    /^--patients: got "0", must be a whole number ≥ 1 \(decimal digits\)$/,
  ],
  ['--patients -1', () => ['run', '--patients', '-1'], /^--patients: got "-1", must be a whole number ≥ 1/],
  ['--patients 1.5', () => ['run', '--patients', '1.5'], /^--patients: got "1\.5", must be a whole number/],
  [
    '--patients 0x10 (hex is not 16)',
    () => ['run', '--patients', '0x10'],
    /^--patients: got "0x10", must be a whole number ≥ 1 \(decimal digits\)$/,
  ],
  ['--patients 1e3', () => ['run', '--patients', '1e3'], /^--patients: got "1e3", must be a whole number/],
  ['--patients +5', () => ['run', '--patients', '+5'], /^--patients: got "\+5", must be a whole number/],
  ['--patients " 5"', () => ['run', '--patients', ' 5'], /^--patients: got " 5", must be a whole number/],
  ['--patients empty', () => ['run', '--patients', ''], /^--patients: got "", must be a whole number/],
  [
    '--patients Infinity',
    () => ['run', '--patients', 'Infinity'],
    /^--patients: got "Infinity", must be a whole number/,
  ],
  ['--patients NaN', () => ['run', '--patients', 'NaN'], /^--patients: got "NaN", must be a whole number/],
  ['--patients 0b11', () => ['run', '--patients', '0b11'], /^--patients: got "0b11", must be a whole number/],
  [
    '--patients above the schema maximum',
    () => ['run', '--patients', '100000001'],
    /^patients: got 100000001, must be ≤ 100000000$/,
  ],
  [
    '--patients with 400 digits',
    () => ['run', '--patients', '9'.repeat(400)],
    /^--patients: got "9{40}", must be a whole number ≥ 1 \(decimal digits\)$/,
  ],
  ['--patients missing its value', () => ['run', '--patients'], /^option '--patients <n>' argument missing$/],
  ['--seed -1', () => ['run', '--seed', '-1'], /^--seed: got "-1", must be a whole number ≥ 0/],
  ['--seed 2^32', () => ['run', '--seed', '4294967296'], /^seed: got 4294967296, must be < 2\^32$/],
  ['--seed 0x1f', () => ['run', '--seed', '0x1f'], /^--seed: got "0x1f", must be a whole number ≥ 0/],
  ['--workers 0', () => ['run', '--workers', '0'], /^--workers: got "0", must be a whole number from 1 to 256/],
  ['--workers two', () => ['run', '--workers', 'two'], /^--workers: got "two", must be a whole number from 1 to 256/],
  [
    '--workers 1000',
    () => ['run', '--workers', '1000'],
    /^--workers: got "1000", must be a whole number from 1 to 256/,
  ],
  ['--workers 1e2', () => ['run', '--workers', '1e2'], /^--workers: got "1e2", must be a whole number/],
  ['--block-size 0', () => ['run', '--block-size', '0'], /^--block-size: got "0", must be a whole number ≥ 1/],
  [
    '--block-size above the maximum',
    () => ['run', '--block-size', '1000001'],
    /^blockSize: got 1000001, must be ≤ 1000000$/,
  ],
  ['--wtp -1', () => ['run', '--wtp', '-1'], /^--wtp: got "-1", must be a number ≥ 0/],
  ['--wtp abc', () => ['run', '--wtp', 'abc'], /^--wtp: got "abc", must be a number ≥ 0/],
  ['--wtp Infinity', () => ['run', '--wtp', 'Infinity'], /^--wtp: got "Infinity", must be a number ≥ 0/],
  ['--wtp 1e999', () => ['run', '--wtp', '1e999'], /^--wtp: got "1e999", must be a number ≥ 0/],
  ['--wtp 0x10', () => ['run', '--wtp', '0x10'], /^--wtp: got "0x10", must be a number ≥ 0/],
  [
    '--wtp above the maximum',
    () => ['run', '--wtp', '2e7'],
    /^economics\.willingnessToPay: got 20000000, must be ≤ 10000000$/,
  ],
  [
    '--wtp with a long value is quoted short',
    () => ['run', '--wtp', 'x'.repeat(10_000)],
    /^--wtp: got "x{40}", must be a number ≥ 0/,
  ],
  ['an unknown option', () => ['run', '--horizon', '5'], /^unknown option '--horizon'$/],
  ['two scenario files', () => ['run', 'a.json', 'b.json'], /^too many arguments for 'run'/],
  ['an unknown command', () => ['simulate'], /^unknown command 'simulate'$/],
  [
    'calibrate without --report',
    () => ['calibrate'],
    /^calibrate: fitting runs from the repository with `pnpm calibrate`/,
  ],
  ['merge without parts', () => ['merge'], /^missing required argument 'parts'$/],
  // psa and dsa flags.
  ['psa --draws 0', () => ['psa', '--draws', '0'], /^--draws: got "0", must be a whole number ≥ 1/],
  [
    'psa --draws above the maximum',
    () => ['psa', '--draws', '100001'],
    /^economics\.psa\.draws: got 100001, must be ≤ 100000$/,
  ],
  ['psa --draws 5.5', () => ['psa', '--draws', '5.5'], /^--draws: got "5\.5", must be a whole number/],
  [
    'psa --shard a/b',
    () => ['psa', '--shard', 'a/b', '--out', out()],
    /^--shard: got "a\/b", must be I\/N \(0-based shard I of N\) or N/,
  ],
  ['psa --shard 1/2/3', () => ['psa', '--shard', '1/2/3', '--out', out()], /^--shard: got "1\/2\/3", must be I\/N/],
  ['psa --shard " 1/2"', () => ['psa', '--shard', ' 1/2', '--out', out()], /^--shard: got " 1\/2", must be I\/N/],
  [
    'psa --shard 3/3',
    () => ['psa', '--shard', '3/3', '--out', out()],
    /^--shard: shard index: got 3, must be a whole number from 0 to 2$/,
  ],
  [
    'psa --shard 0/0',
    () => ['psa', '--shard', '0/0', '--out', out()],
    /^--shard: shard count: got 0, must be a whole number from 1 to the number of draws \(500\)$/,
  ],
  [
    'psa --shard 0/501 (more shards than draws)',
    () => ['psa', '--shard', '0/501', '--out', out()],
    /^--shard: shard count: got 501/,
  ],
  ['psa --shard without --out', () => ['psa', '--shard', '0/2'], /^--shard: give --out FILE for the part/],
  [
    'psa --shard N without an index',
    () => ['psa', '--shard', '3', '--out', out()],
    /^--shard 3: no shard index given and none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set$/,
  ],
  [
    'psa --shard N with a non-numeric Slurm index',
    () => ['psa', '--shard', '3', '--out', out()],
    /^SLURM_ARRAY_TASK_ID: got "x1", must be a whole number \(decimal digits\)$/,
    { env: { SLURM_ARRAY_TASK_ID: 'x1' } },
  ],
  [
    'psa --shard N with an index out of range',
    () => ['psa', '--shard', '3', '--out', out()],
    /^--shard: shard index: got 7, must be a whole number from 0 to 2$/,
    { env: { JOB_COMPLETION_INDEX: '7' } },
  ],
  [
    'psa on the illness-death example',
    () => ['psa', file({ model: 'illness-death-example' })],
    /^psa: needs the sarcoma model/,
  ],
  ['dsa --grid 1', () => ['dsa', '--grid', '1'], /^--grid: got "1", must be a whole number ≥ 2/],
  ['dsa --grid 22', () => ['dsa', '--grid', '22'], /^gridPoints: got 22, must be ≤ 21$/],
  [
    'dsa --outcome qaly',
    () => ['dsa', '--outcome', 'qaly'],
    /^outcome: got "qaly", must be 'incremental-nmb' or 'icer'$/,
  ],
  [
    'dsa --strategy unknown',
    () => ['dsa', '--strategy', 'nope'],
    /^dsa\.strategy: got 'nope', must be one of the scenario's strategies: chest-only, /,
  ],
  [
    'dsa --comparator unknown',
    () => ['dsa', '--comparator', 'nope'],
    /^dsa\.comparator: got 'nope', must be one of the scenario's strategies/,
  ],
  [
    'dsa with the strategy as its own comparator',
    () => ['dsa', '--strategy', 'mri-rp-lms', '--comparator', 'mri-rp-lms'],
    /^dsa\.comparator: got 'mri-rp-lms', must differ from the strategy of interest \('mri-rp-lms'\)/,
  ],
  [
    'dsa --strategy equal to the default comparator',
    () => ['dsa', '--strategy', 'chest-only'],
    /^dsa\.comparator: got 'chest-only', must differ from the strategy of interest/,
  ],
  [
    'dsa --two-way a,a',
    () => ['dsa', '--two-way', 'cost.resection,cost.resection'],
    /^dsa\.twoWay: got 'cost\.resection' twice, must name two different parameters/,
  ],
  [
    'dsa --two-way with one id',
    () => ['dsa', '--two-way', 'cost.resection'],
    /^twoWay: got \["cost\.resection"\], must have at least 2 items|^twoWay: got \["cost\.resection"\], /,
  ],
  ['dsa --parameters unknown', () => ['dsa', '--parameters', 'nope'], /^dsa: 'nope' is not a parameter id/],
  [
    'dsa --parameters listing one id twice',
    () => ['dsa', '--parameters', 'cost.resection,cost.resection'],
    /^dsa\.parameters: got 'cost\.resection' more than once, must list each parameter once$/,
  ],
  [
    'psa --out a .csv inside the --csv folder',
    () => ['psa', '--draws', '4', '--csv', dir, '--out', join(dir, 'psa-draws.csv')],
    /^--out .*psa-draws\.csv: lies in the --csv folder and ends in \.csv, where the CSV files are written/,
  ],
  [
    'dsa --parameters an observation',
    () => ['dsa', '--parameters', 'okamoto.os.2y'],
    /^dsa: 'okamoto\.os\.2y' is not a parameter id/,
  ],
  [
    'dsa with one strategy',
    () => ['dsa', file({ strategies: ['chest-only'] })],
    /^dsa: needs a scenario with at least two strategies/,
  ],
  // Scenario files: reading.
  [
    'a missing file',
    () => ['run', join(dir, 'missing.json')],
    /^scenario file .*missing\.json: cannot be read: no such file or folder \(ENOENT\)$/,
  ],
  ['a folder as the scenario', () => ['run', dir], /^scenario file .*: is a folder, must be a JSON file$/],
  [
    '/dev/zero (endless input)',
    () => ['run', '/dev/zero'],
    /^scenario file \/dev\/zero: is larger than 1 MB, the most accepted/,
  ],
  [
    'a file over 1 MB',
    () => ['run', file(`{"label":"${'x'.repeat(1_100_000)}"}`)],
    /^scenario file .*: is larger than 1 MB/,
  ],
  ['not JSON', () => ['run', file('{patients: 5}')], /^scenario file .*: not valid JSON \(/],
  ['an empty file', () => ['run', file('')], /^scenario file .*: not valid JSON \(/],
  ['truncated JSON', () => ['run', file('{"patients": 5, "strategies": [')], /^scenario file .*: not valid JSON/],
  ['a JSON array', () => ['run', file([1, 2])], /^scenario file .*: must hold a JSON object$/],
  ['a JSON string', () => ['run', file('"run"')], /^scenario file .*: must hold a JSON object$/],
  ['JSON null', () => ['run', file('null')], /^scenario file .*: must hold a JSON object$/],
  [
    'nesting 5,000 levels deep (10 kB)',
    () => ['run', file(`{"lifeTable": ${nested(5_000)}}`)],
    /^scenario file .*: nested more than 64 levels deep \(at character \d+\)$/,
  ],
  [
    'nesting 65 levels deep',
    () => ['run', file(`{"parameters": ${nested(64)}}`)],
    /^scenario file .*: nested more than 64 levels deep/,
  ],
  ['deep nesting in a PSA part', () => ['merge', file(nested(5_000))], /^PSA part .*: nested more than 64 levels deep/],
  [
    'brackets inside strings do not count as nesting, and a BOM is allowed',
    () => ['run', file(`\ufeff{"strategies": ["${'['.repeat(100)}"]}`)],
    /^strategies\[0\]: got "\[{50,}\.\.\., must be a strategy object or one of 'chest-only'/,
  ],
  // Scenario fields.
  ['patients 0', () => ['run', file({ patients: 0 })], /^patients: got 0, must be ≥ 1$/],
  ['patients 1.5', () => ['run', file({ patients: 1.5 })], /^patients: got 1\.5, must be a whole number$/],
  ['patients "100"', () => ['run', file({ patients: '100' })], /^patients: got "100", must be a whole number$/],
  [
    'patients 1e999 (Infinity)',
    () => ['run', file('{"patients": 1e999}')],
    /^patients: got Infinity, must be a whole number$/,
  ],
  ['patients -1e999', () => ['run', file('{"patients": -1e999}')], /^patients: got -Infinity, must be a whole number$/],
  ['seed null', () => ['run', file({ seed: null })], /^seed: got null, must be a whole number$/],
  ['blockSize "big"', () => ['run', file({ blockSize: 'big' })], /^blockSize: got "big", must be a whole number$/],
  [
    'model unknown',
    () => ['run', file({ model: 'sarcomax' })],
    /^model: got "sarcomax", must be one of 'sarcoma', 'illness-death-example'$/,
  ],
  [
    'an unknown top-level field',
    () => ['run', file({ patient: 10 })],
    /^patient: got 10, is not a known field \(check the spelling\)$/,
  ],
  [
    'an unknown field holding a large object is quoted short',
    () => ['run', file({ extra: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) })],
    /^extra: got \{"k0":0,"k1":1,.{0,50}\.\.\., is not a known field/,
  ],
  [
    'an unknown field in a strategy',
    () => ['run', file(withStrategy({ colour: 'red' }))],
    /^strategies\[1\]\.colour: got "red", is not a known field/,
  ],
  [
    'horizonYears below a month',
    () => ['run', file({ horizonYears: 0.05 })],
    /^horizonYears: got 0\.05, must be ≥ 1\/12 \(one month, the step of the survival curves\)$/,
  ],
  ['horizonYears 0', () => ['run', file({ horizonYears: 0 })], /^horizonYears: got 0, must be ≥ 1\/12/],
  ['horizonYears 101', () => ['run', file({ horizonYears: 101 })], /^horizonYears: got 101, must be ≤ 100$/],
  [
    'horizonYears "forty"',
    () => ['run', file({ horizonYears: 'forty' })],
    /^horizonYears: got "forty", must be a number$/,
  ],
  [
    'lifeTable unknown',
    () => ['run', file({ lifeTable: 'mars' })],
    /^lifeTable: got "mars", must be one of 'us-2022', /,
  ],
  [
    'discountRates above 20%',
    () => ['run', file({ discountRates: { costs: 0.5, effects: 0.03 } })],
    /^discountRates\.costs: got 0\.5, must be ≤ 0\.2 \(20% per year\)$/,
  ],
  [
    'discountRates missing effects',
    () => ['run', file({ discountRates: { costs: 0.03 } })],
    /^discountRates\.effects: got nothing, must be a number$/,
  ],
  [
    'treatmentEffect unknown',
    () => ['run', file({ treatmentEffect: 'maybe' })],
    /^treatmentEffect: got "maybe", must be 'modelled' or 'none'$/,
  ],
  // Strategies and schedules: bounded work.
  [
    'intervalMonths 1e-9 (ran forever)',
    () => ['run', file(withStrategy({}, { toMonths: 1200, intervalMonths: 1e-9 }))],
    /^strategies\[1\]\.schedule\[0\]\.intervalMonths: got 1e-9, must be ≥ 0\.23 months \(one week\): shorter intervals add work, not information$/,
  ],
  [
    'intervalMonths 5e-324 (underflowed to 0)',
    () => ['run', file(withStrategy({}, { toMonths: 1200, intervalMonths: 5e-324 }))],
    /^strategies\[1\]\.schedule\[0\]\.intervalMonths: got 5e-324, must be ≥ 0\.23 months \(one week\)/,
  ],
  [
    'intervalMonths 0.1 (three days)',
    () => ['run', file(withStrategy({}, { intervalMonths: 0.1 }))],
    /^strategies\[1\]\.schedule\[0\]\.intervalMonths: got 0\.1, must be ≥ 0\.23 months/,
  ],
  [
    'intervalMonths 0',
    () => ['run', file(withStrategy({}, { intervalMonths: 0 }))],
    /^strategies\[1\]\.schedule\[0\]\.intervalMonths: got 0, must be > 0$/,
  ],
  [
    'intervalMonths -3',
    () => ['run', file(withStrategy({}, { intervalMonths: -3 }))],
    /^strategies\[1\]\.schedule\[0\]\.intervalMonths: got -3, must be > 0$/,
  ],
  [
    'intervalMonths in the otherwise schedule',
    () => [
      'run',
      file(
        withStrategy({
          eligibility: 'lms',
          otherwise: [{ fromMonths: 0, toMonths: 12, intervalMonths: 0.01, modality: 'chestCt' }],
        }),
      ),
    ],
    /^strategies\[1\]\.otherwise\[0\]\.intervalMonths: got 0\.01, must be ≥ 0\.23 months/,
  ],
  [
    '101 segments',
    () => [
      'run',
      file(
        withStrategy({
          schedule: Array.from({ length: 101 }, (_, i) => ({
            fromMonths: i,
            toMonths: i + 1,
            intervalMonths: 1,
            modality: 'chestCt',
          })),
        }),
      ),
    ],
    /^strategies\[1\]\.schedule: got 101 segments, must have at most 100 segments \(a schedule is a few phases of follow-up\)$/,
  ],
  [
    '200,000 segments (545 MB for 20 patients) exceed the file limit',
    () => [
      'run',
      file(
        withStrategy({
          schedule: Array.from({ length: 200_000 }, (_, i) => ({
            fromMonths: i,
            toMonths: i + 1,
            intervalMonths: 1,
            modality: 'chestCt',
          })),
        }),
      ),
    ],
    /^scenario file .*: is larger than 1 MB/,
  ],
  [
    'weekly scans for 100 years (5,218 per patient)',
    () => ['run', file({ ...withStrategy({}, { toMonths: 1200, intervalMonths: 0.23 }), horizonYears: 100 })],
    /^strategies\[1\]\.schedule: got 5,218 scans per patient within the 100-year horizon, must be at most 1,200 \(monthly for 100 years\)/,
  ],
  [
    'scans counted only within the horizon, across segments',
    () => [
      'run',
      file(
        withStrategy({
          schedule: [
            { fromMonths: 0, toMonths: 240, intervalMonths: 0.25, modality: 'chestCt' },
            { fromMonths: 240, toMonths: 1e308, intervalMonths: 0.5, modality: 'chestCt' },
          ],
        }),
      ),
    ],
    /^strategies\[1\]\.schedule: got 1,440 scans per patient within the 40-year horizon, must be at most 1,200/,
  ],
  [
    'segments out of order',
    () => [
      'run',
      file(
        withStrategy({
          schedule: [
            { fromMonths: 0, toMonths: 12, intervalMonths: 3, modality: 'chestCt' },
            { fromMonths: 6, toMonths: 24, intervalMonths: 3, modality: 'chestCt' },
          ],
        }),
      ),
    ],
    /^strategies\[1\]\.schedule\[1\]\.fromMonths: got 6, segments must be in order and not overlap/,
  ],
  [
    'toMonths before fromMonths',
    () => ['run', file(withStrategy({}, { fromMonths: 12, toMonths: 6 }))],
    /^strategies\[1\]\.schedule\[0\]\.toMonths: got .*, toMonths must be greater than fromMonths$/,
  ],
  [
    'fromMonths -1',
    () => ['run', file(withStrategy({}, { fromMonths: -1 }))],
    /^strategies\[1\]\.schedule\[0\]\.fromMonths: got -1, must be ≥ 0$/,
  ],
  [
    'an unknown modality',
    () => ['run', file(withStrategy({}, { modality: 'pet' }))],
    /^strategies\[1\]\.schedule\[0\]\.modality: got "pet", must be one of /,
  ],
  [
    'a missing modality',
    () => ['run', file(withStrategy({}, { modality: undefined }))],
    /^strategies\[1\]\.schedule\[0\]\.modality: got nothing, must be one of/,
  ],
  [
    'an unknown field in a segment',
    () => ['run', file(withStrategy({}, { extra: 1 }))],
    /^strategies\[1\]\.schedule\[0\]\.extra: got 1, is not a known field/,
  ],
  [
    'a schedule that is a string',
    () => ['run', file(withStrategy({ schedule: 'often' }))],
    /^strategies\[1\]\.schedule: got "often", must be an array$/,
  ],
  [
    'adherence 1.5 (no zod wording)',
    () => ['run', file(withStrategy({ adherence: 1.5 }))],
    /^strategies\[1\]\.adherence: got 1\.5, must be ≤ 1$/,
  ],
  [
    'adherence -0.1',
    () => ['run', file(withStrategy({ adherence: -0.1 }))],
    /^strategies\[1\]\.adherence: got -0\.1, must be ≥ 0$/,
  ],
  [
    'a label of 81 characters',
    () => ['run', file(withStrategy({ label: 'x'.repeat(81) }))],
    /^strategies\[1\]\.label: got "x{50,}\.\.\., must be at most 80 characters$/,
  ],
  [
    'an empty label',
    () => ['run', file(withStrategy({ label: '' }))],
    /^strategies\[1\]\.label: got "", must be at least 1 characters$/,
  ],
  [
    'a 900 kB label is quoted in 60 characters',
    () => ['run', file(withStrategy({ label: 'y'.repeat(900_000) }))],
    /^strategies\[1\]\.label: got "y{50,57}\.\.\., must be at most 80 characters$/,
  ],
  [
    'a bad strategy id',
    () => ['run', file(withStrategy({ id: 'Bad Id' }))],
    /^strategies\[1\]\.id: got "Bad Id", must be 1–41 lower-case letters, digits or dashes$/,
  ],
  [
    'an unknown eligibility',
    () => ['run', file(withStrategy({ eligibility: 'some' }))],
    /^strategies\[1\]\.eligibility: got "some", must be 'all', 'retroperitoneal', /,
  ],
  [
    'an unknown site in eligibility',
    () => ['run', file(withStrategy({ eligibility: { sites: ['moon'] } }))],
    /^strategies\[1\]\.eligibility\.sites\[0\]: got "moon", must be one of /,
  ],
  [
    'an unknown named strategy',
    () => ['run', file({ strategies: ['nope'] })],
    /^strategies\[0\]: got "nope", must be a strategy object or one of 'chest-only', /,
  ],
  ['a strategy that is a number', () => ['run', file({ strategies: [42] })], /^strategies\[0\]: got 42, /],
  ['no strategies', () => ['run', file({ strategies: [] })], /^strategies: got \[\], must list at least one strategy$/],
  [
    '13 strategies',
    () => ['run', file({ strategies: Array.from({ length: 13 }, (_, i) => custom({ id: `s${i}` })) })],
    /^strategies: got \[.*, must list at most 12 strategies$/,
  ],
  [
    'duplicate strategy ids',
    () => ['run', file({ strategies: ['chest-only', 'chest-only'] })],
    /^strategies\[1\]: got "chest-only", strategy ids must be unique$/,
  ],
  // Parameters.
  [
    'an unknown parameter id',
    () => ['run', file({ parameters: { nope: 1 } })],
    /^parameters\.nope: got 1, unknown parameter id \(`sarcsim params` lists them\)$/,
  ],
  [
    'an observation as a parameter',
    () => ['run', file({ parameters: { 'okamoto.os.2y': 0.5 } })],
    /^parameters\.okamoto\.os\.2y: got 0\.5, is an observation/,
  ],
  [
    'a parameter out of bounds',
    () => ['run', file({ parameters: { 'nh.livermet.hr.lms': -1 } })],
    /^parameters\.nh\.livermet\.hr\.lms: got -1, must be between /,
  ],
  [
    'a parameter as a string',
    () => ['run', file({ parameters: { 'imaging.contrastCt.cost': '300' } })],
    /^parameters\.imaging\.contrastCt\.cost: got "300", must be a finite number$/,
  ],
  [
    'a parameter of 1e999',
    () => ['run', file('{"parameters": {"imaging.contrastCt.cost": 1e999}}')],
    /^parameters\.imaging\.contrastCt\.cost: got Infinity, must be a finite number$/,
  ],
  [
    '__proto__ in parameters (was dropped silently)',
    () => ['run', file('{"parameters": {"__proto__": {"cost.resection": 1}}}')],
    /^parameters\.__proto__: got a key named "__proto__", must not be used \(JavaScript reserves it\)$/,
  ],
  [
    '__proto__ at the top level',
    () => ['run', file('{"__proto__": {"patients": 1}}')],
    /^__proto__: got a key named "__proto__", must not be used/,
  ],
  [
    '__proto__ in evppiGroups (was dropped silently)',
    () => ['psa', file('{"economics": {"psa": {"evppiGroups": {"__proto__": ["cost.resection"]}}}}')],
    /^economics\.psa\.evppiGroups\.__proto__: got a key named "__proto__", must not be used/,
  ],
  [
    '30,000 unknown ids print 21 lines, not 30,000',
    () => ['run', file({ parameters: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`p${i}`, 1])) })],
    /^parameters\.p0: got 1, unknown parameter id/,
    { lines: 21 },
  ],
  [
    'the cohort mix all zero',
    () => [
      'run',
      file({
        parameters: Object.fromEntries(EVIDENCE.filter((r) => r.id.startsWith('cohort.mix.')).map((r) => [r.id, 0])),
      }),
    ],
    /^parameters: got 0, the cohort mix \(cohort\.mix\.\*\) sums to 0; at least one share must be positive$/,
  ],
  // Economics.
  [
    'a negative threshold',
    () => ['run', file({ economics: { willingnessToPay: -1 } })],
    /^economics\.willingnessToPay: got -1, must be ≥ 0$/,
  ],
  [
    'psa draws 0 in the file',
    () => ['psa', file({ economics: { psa: { draws: 0 } } })],
    /^economics\.psa\.draws: got 0, must be ≥ 1$/,
  ],
  [
    'an unknown calibrated-parameter mode',
    () => ['psa', file({ economics: { psa: { calibratedParameters: 'recentred-prior' } } })],
    /^economics\.psa\.calibratedParameters: got "recentred-prior", must be 'posterior' \(joint draws of the calibration posterior\) or 'fixed' \(its mean\)$/,
  ],
  [
    'an EVPPI group with an unknown id',
    () => ['psa', file({ economics: { psa: { evppiGroups: { g: ['not.a.parameter'] } } } })],
    /^economics\.psa\.evppiGroups\.g\[0\]: got "not\.a\.parameter", unknown parameter id/,
  ],
  [
    'an empty EVPPI group',
    () => ['psa', file({ economics: { psa: { evppiGroups: { g: [] } } } })],
    /^economics\.psa\.evppiGroups\.g: got \[\], must name at least one parameter$/,
  ],
  [
    'a WTP grid of one point',
    () => ['psa', file({ economics: { wtpGrid: { points: 1 } } })],
    /^economics\.wtpGrid\.points: got 1, must be ≥ 2$/,
  ],
  [
    'a population of 0 years',
    () => ['psa', file({ economics: { population: { years: 0 } } })],
    /^economics\.population\.years: got 0, must be ≥ 1$/,
  ],
  [
    'an unknown economics field',
    () => ['psa', file({ economics: { currency: 'EUR' } })],
    /^economics\.currency: got "EUR", is not a known field/,
  ],
  [
    'the illness-death example with an unknown parameter',
    () => ['run', file({ model: 'illness-death-example', parameters: { nope: 1 } })],
    /^parameters\.nope: got 1, unknown parameter id for model 'illness-death-example'/,
  ],
  // Output paths, checked before any computation.
  [
    'psa --out in a missing folder',
    () => ['psa', '--out', '/nonexistent/x.json'],
    /^--out \/nonexistent\/x\.json: folder \/nonexistent does not exist$/,
  ],
  ['psa --out a folder', () => ['psa', '--out', dir], /^--out .*: is a folder, must be a file name$/],
  [
    'psa --out /dev/full',
    () => ['psa', '--out', '/dev/full'],
    /^--out \/dev\/full: is not a regular file \(a device or pipe\), must be a file name/,
  ],
  [
    'psa --out under a file',
    () => ['psa', '--out', join(file({}), 'x.json')],
    /^--out .*x\.json: folder .* does not exist$|^--out .*: .* is not a folder$/,
  ],
  [
    'psa --csv /dev/full',
    () => ['psa', '--csv', '/dev/full'],
    /^--csv \/dev\/full: is not a folder, must be a folder$/,
  ],
  [
    'psa --csv under a file',
    () => ['psa', '--csv', join(file({}), 'csv')],
    /^--csv .*csv: .*input-\d+\.json is not a folder, must be a folder$/,
  ],
  [
    'psa --shard --out a folder',
    () => ['psa', '--shard', '0/2', '--out', dir],
    /^--out .*: is a folder, must be a file name$/,
  ],
  ['run --csv a file', () => ['run', '--csv', file({})], /^--csv .*: is not a folder, must be a folder$/],
  ['run --csv /dev/null', () => ['run', '--csv', '/dev/null'], /^--csv \/dev\/null: is not a folder/],
  [
    'dsa --out in a missing folder',
    () => ['dsa', '--out', '/nonexistent/d.json'],
    /^--out \/nonexistent\/d\.json: folder \/nonexistent does not exist$/,
  ],
  ['dsa --csv /dev/full', () => ['dsa', '--csv', '/dev/full'], /^--csv \/dev\/full: is not a folder/],
  [
    'merge --out in a missing folder (before reading parts)',
    () => ['merge', 'x.json', '--out', '/nonexistent/m.json'],
    /^--out \/nonexistent\/m\.json: folder \/nonexistent does not exist$/,
  ],
  [
    'merge --out /dev/full',
    () => ['merge', 'x.json', '--out', '/dev/full'],
    /^--out \/dev\/full: is not a regular file/,
  ],
  ['merge --csv a file', () => ['merge', 'x.json', '--csv', file({})], /^--csv .*: is not a folder/],
  // Structural scenarios.
  [
    'scenarios --switches with an unknown id',
    () => ['scenarios', '--switches', 'life-tables'],
    /^--switches: got 'life-tables', must be one of synchronous-rule, resection-causal-share, .*life-table$/,
  ],
  [
    'scenarios --switches naming one twice',
    () => ['scenarios', '--switches', 'life-table,life-table'],
    /^--switches: got 'life-table' more than once, must name each switch once$/,
  ],
  [
    'scenarios --switches empty',
    () => ['scenarios', '--switches', ','],
    /^--switches: must name at least one of synchronous-rule/,
  ],
  ['scenarios --patients 0', () => ['scenarios', '--patients', '0'], /^--patients: got "0", must be a whole number/],
  ['scenarios --wtp -1', () => ['scenarios', '--wtp', '-1'], /^--wtp: got "-1", must be a number ≥ 0/],
  [
    'scenarios on the illness-death example',
    () => ['scenarios', file({ model: 'illness-death-example' })],
    /^scenarios: needs the sarcoma model/,
  ],
  [
    'scenarios on a scenario with an unknown grade effect',
    () => ['scenarios', file({ gradeEffect: 'none' })],
    /^gradeEffect: got "none", must be one of 'modelled', 'averaged'$/,
  ],
  [
    'scenarios --out in a missing folder',
    () => ['scenarios', '--out', '/nonexistent/s.json'],
    /^--out \/nonexistent\/s\.json: folder \/nonexistent does not exist$/,
  ],
  ['scenarios --csv /dev/full', () => ['scenarios', '--csv', '/dev/full'], /^--csv \/dev\/full: is not a folder/],
  [
    'run --structure without a level',
    () => ['run', '--structure', 'synchronous-rule'],
    /^--structure: got "synchronous-rule", must be switch=level pairs separated by commas \(e\.g\. synchronous-rule=window\)$/,
  ],
  [
    'psa --structure with an unknown switch',
    () => ['psa', '--structure', 'growth=off'],
    /^--structure: got switch 'growth', must be one of synchronous-rule, .*life-table$/,
  ],
  [
    'dsa --structure with an unknown level',
    () => ['dsa', '--structure', 'synchronous-rule=windows'],
    /^--structure: got level 'windows' of synchronous-rule, must be one of staging, window$/,
  ],
  [
    'scenarios --structure naming a switch twice',
    () => ['scenarios', '--structure', 'life-table=japan-2020,life-table=us-2022'],
    /^--structure: got switch 'life-table' twice, must name each switch once$/,
  ],
  [
    'run --structure on the illness-death example',
    () => ['run', file({ model: 'illness-death-example' }), '--structure', 'life-table=japan-2020'],
    /^run --structure: needs the sarcoma model/,
  ],
  // PSA parts that are not parts.
  [
    'a missing part',
    () => ['merge', join(dir, 'no-part.json')],
    /^PSA part .*no-part\.json: cannot be read: no such file or folder \(ENOENT\)$/,
  ],
  ['a part that is not JSON', () => ['merge', file('part?')], /^PSA part .*: not valid JSON/],
  [
    'a scenario given as a part',
    () => ['merge', file({ patients: 5 })],
    /^.*input-\d+\.json: kind: got nothing, must be 'sarcsim-psa-part' \(a file written by `sarcsim psa --shard`\)$/,
  ],
  [
    'a part that is an array',
    () => ['merge', file([])],
    /^.*input-\d+\.json: \(scenario\): got \[\], must be an object$/,
  ], // Policy spaces (sarcsim explore).
  [
    'explore --budget-patients 10',
    () => ['explore', '--budget-patients', '10'],
    /^--budget-patients: got "10", must be a whole number ≥ 1000 \(decimal digits\)$/,
  ],
  [
    'explore --seed 2^32',
    () => ['explore', '--seed', '4294967296'],
    /^--seed: got "4294967296", must be a whole number from 0 to 4294967295/,
  ],
  ['a space that is an array', () => ['explore', file([])], /^policy space file .*: must hold a JSON object$/],
  [
    'a space with an unknown modality',
    () => ['explore', file(space({ modalities: ['pet'] }))],
    /^modalities\[0\]: got "pet", must be one of contrastCt, nonContrastCt, liverMri, chestCt$/,
  ],
  [
    'a space with a gap between periods',
    () => [
      'explore',
      file(
        space({
          periods: [
            { fromYear: 0, toYear: 2, intervalsMonths: [3] },
            { fromYear: 3, toYear: 5, intervalsMonths: [6] },
          ],
        }),
      ),
    ],
    /^periods\[1\]\.fromYear: got 3, must be 2 \(periods start at year 0 and follow one another without gaps\)$/,
  ],
  [
    'a space with a duration past its last period',
    () => ['explore', file(space({ durationsYears: [20] }))],
    /^durationsYears\[0\]: got 20, must be ≤ 5, the end of the last period$/,
  ],
  [
    'a space with a grade risk group (not in the model)',
    () => ['explore', file(space({ riskGroups: ['highGrade'] }))],
    /^riskGroups\[0\]: got "highGrade", must be one of 'all', 'retroperitoneal', 'lms', 'retroperitonealOrLms' or \{ id, label, sites, histologies \}/,
  ],
  [
    'a space that sets the strategies of its scenario',
    () => ['explore', file(space({ scenario: { strategies: ['chest-only'] } }))],
    /^scenario\.strategies: must not be set/,
  ],
  [
    'a space whose scenario is refused',
    () => ['explore', file(space({ scenario: { horizonYears: 200 } }))],
    /^scenario: horizonYears: got 200, must be ≤ 100$/,
  ],
  [
    'a space whose candidates run past the horizon limits',
    () => [
      'explore',
      file(space({ periods: [{ fromYear: 0, toYear: 2, intervalsMonths: [0.01] }], durationsYears: [2] })),
    ],
    /^candidates .*: strategies\[1\]\.schedule\[0\]\.intervalMonths: got 0\.01, must be ≥ 0\.23 months/,
  ],
  [
    'a budget below the screening stage',
    () => ['explore', file(space({ search: { budgetPatients: 1_000 } }))],
    /^search\.budgetPatients: got 1,000, must be at least [\d,]+: screening 4 candidates/,
  ],
  [
    'explore --psa-draws 1',
    () => ['explore', '--psa-draws', '1'],
    /^--psa-draws: got "1", must be a whole number from 2 to 100000 \(decimal digits\)$/,
  ],
  [
    'explore --psa-patients without --psa-draws',
    () => ['explore', file(space()), '--psa-patients', '500'],
    /^--psa-patients: got 500, but it needs --psa-draws/,
  ],
  [
    'a space with too many leaders per run',
    () => ['explore', file(space({ search: { leadersPerRun: 6 } }))],
    /^search\.leadersPerRun: got 6, must be ≤ 5$/,
  ],
  [
    'explore --out in a missing folder',
    () => ['explore', file(space()), '--out', '/nonexistent/x.json'],
    /^--out \/nonexistent\/x\.json: folder \/nonexistent does not exist$/,
  ],
];

/** Every refusal: the status, nothing on stdout, short `sarcsim: ` lines, no stack trace. */
function expectCleanRefusal(
  result: { status: number; stdout: string; stderr: string },
  line: RegExp,
  status = 2,
  lines?: number,
) {
  expect(result.status, result.stderr).toBe(status);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  const shown = result.stderr.slice(0, -1).split('\n');
  expect(shown.length).toBeLessThanOrEqual(21);
  if (lines !== undefined) expect(shown).toHaveLength(lines);
  for (const l of shown) {
    expect(l).toMatch(/^sarcsim: \S/);
    expect(l.length).toBeLessThan(400);
  }
  expect(result.stderr).not.toMatch(/\n\s+at |Maximum call stack|Too big|Too small|Invalid input/);
  expect(shown[0]?.replace(/^sarcsim: /, '')).toMatch(line);
}

describe(`the CLI refuses bad input cleanly (${cases.length} cases)`, () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, args, line, options] of cases) {
    it(name, async () => {
      const result = await sarcsim(args(), options?.env);
      expectCleanRefusal(result, line, options?.status ?? 2, options?.lines);
    });
  }

  it('accepts what the refusals are next to: a BOM, 0.23-month intervals, 100 segments, 1,200 scans', async () => {
    // Each reaches the output-path check, which comes after the scenario is accepted.
    const accepted = [
      `\ufeff${JSON.stringify({ patients: 5 })}`,
      JSON.stringify(withStrategy({}, { toMonths: 12, intervalMonths: 0.23 })),
      JSON.stringify(
        withStrategy({
          schedule: Array.from({ length: 100 }, (_, i) => ({
            fromMonths: i,
            toMonths: i + 1,
            intervalMonths: 1,
            modality: 'chestCt',
          })),
        }),
      ),
      JSON.stringify({ ...withStrategy({}, { toMonths: 1200, intervalMonths: 1 }), horizonYears: 100 }),
      JSON.stringify({ horizonYears: 1 / 12 }),
    ];
    for (const text of accepted) {
      const result = await sarcsim(['psa', file(text), '--out', '/nonexistent/x.json']);
      expect(result.stderr).toBe('sarcsim: --out /nonexistent/x.json: folder /nonexistent does not exist\n');
    }
  });

  it('writes no output file for any refused case', () => {
    expect(existsSync('/nonexistent')).toBe(false);
    for (let i = 0; i < files; i++) expect(existsSync(join(dir, `never-${i}.json`))).toBe(false);
  });
});

export const CLI_TABLE_CASES = cases.length;
