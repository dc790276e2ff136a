#!/usr/bin/env node
// The sarcsim command line: runs scenarios through the same block workers the web app uses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CALIBRATED_VALUES,
  CALIBRATION_META,
  DOCUMENTS,
  EVIDENCE,
  type EvidenceRecord,
  parseScenario,
  type RunReport,
  reportFor,
  SARCSIM_VERSION,
  ScenarioError,
  validationReport,
} from '@sarcsim/model';
import cliProgress from 'cli-progress';
import { Command, CommanderError } from 'commander';
import { dsaCommand, mergeCommand, psaCommand } from './cli-economics.js';
import { nonNegativeNumber, scenarioInput, UsageError, wholeNumber } from './cli-input.js';
import { incrementalCsv } from './csv.js';
import { formatReport } from './format-table.js';
import { defaultWorkerCount, nodeWorkerFactory } from './node-workers.js';
import { WorkerPool } from './pool.js';

interface RunFlags {
  patients?: number;
  seed?: number;
  workers?: number;
  blockSize?: number;
  json?: boolean;
  csv?: string;
  wtp?: number;
}

async function runCommand(file: string | undefined, flags: RunFlags): Promise<void> {
  const scenario = parseScenario(scenarioInput(file, flags));
  const pool = new WorkerPool(nodeWorkerFactory(), flags.workers ?? defaultWorkerCount());
  const showProgress = !flags.json && process.stderr.isTTY === true;
  const bar = showProgress
    ? new cliProgress.SingleBar(
        {
          format: 'simulating [{bar}] {percentage}% · {value}/{total} patients · {rate}/s · ETA {eta_formatted}',
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(scenario.patients, 0, { rate: '0' });
  const started = performance.now();
  let report: RunReport;
  try {
    const merged = await pool.run(scenario, {
      onProgress: (p) =>
        bar?.update(p.individualsDone, { rate: Math.round(p.individualsPerSecond).toLocaleString('en-US') }),
    });
    report = reportFor(scenario, merged);
  } finally {
    bar?.stop();
    pool.terminate();
  }
  const seconds = (performance.now() - started) / 1000;
  if (flags.csv !== undefined && report.economics !== undefined) {
    mkdirSync(flags.csv, { recursive: true });
    writeFileSync(join(flags.csv, 'incremental.csv'), incrementalCsv(report.economics));
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatReport(report)}\n`);
  const histories = scenario.patients * report.strategies.length;
  process.stdout.write(
    `${histories.toLocaleString('en-US')} patient-strategy histories in ${seconds.toFixed(1)} s on ${pool.size} worker${pool.size === 1 ? '' : 's'}\n`,
  );
}

function sourceText(record: EvidenceRecord): string {
  const source = record.source;
  switch (source.kind) {
    case 'document':
      return `${source.document} ${DOCUMENTS[source.document].file} ${[source.table, source.row].filter(Boolean).join(', ')}`;
    case 'external':
      return `external${source.verified ? '' : ' (unverified)'}: ${source.citation}`;
    case 'assumption':
      return `assumption: ${source.reason}`;
  }
}

function paramsCommand(flags: { json?: boolean; all?: boolean }): void {
  const records = EVIDENCE.filter((r) => flags.all === true || r.role === 'parameter');
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  for (const r of records) {
    process.stdout.write(
      `${r.id} = ${r.value} ${r.unit}${r.calibrated ? ' [calibrated]' : ''}\n    ${r.label}\n    ${sourceText(r)}\n`,
    );
  }
}

function calibrateCommand(flags: { report?: boolean; json?: boolean }): void {
  if (flags.report !== true) {
    throw new UsageError([
      'calibrate: fitting runs from the repository with `pnpm calibrate`; use --report to check the committed calibration',
    ]);
  }
  const report = validationReport(CALIBRATED_VALUES, CALIBRATION_META);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ calibration: CALIBRATION_META, ...report }, null, 2)}\n`);
    return;
  }
  const pct = (v: number, unit: string) => (unit === 'months' ? v.toFixed(1) : `${(100 * v).toFixed(1)}%`);
  for (const t of report.targets) {
    process.stdout.write(
      `${t.inside ? 'inside ' : 'OUTSIDE'}  ${t.label}: observed ${pct(t.observed, t.unit)} (${pct(t.low, t.unit)}–${pct(t.high, t.unit)}), simulated ${pct(t.simulated, t.unit)}\n`,
    );
  }
  process.stdout.write(
    `${report.targetsInside}/${report.targets.length} targets inside their 95% intervals (calibration of ${CALIBRATION_META.date})\n`,
  );
}

function buildProgram(): Command {
  const program = new Command()
    .name('sarcsim')
    .description('Monte Carlo microsimulation of liver metastases of soft-tissue sarcoma')
    .version(SARCSIM_VERSION)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`sarcsim: ${text.replace(/^error: /, '')}`),
    });

  program
    .command('run')
    .description('run a scenario (the default scenario when no file is given) and compare its strategies')
    .argument('[scenario]', 'scenario JSON file')
    .option('--patients <n>', 'patients to simulate', wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option(
      '--workers <w>',
      `worker threads (default: cores − 1 = ${defaultWorkerCount()})`,
      wholeNumber('--workers', 1),
    )
    .option('--block-size <b>', 'patients per block (does not change results)', wholeNumber('--block-size', 1))
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option('--json', 'print only the results, as JSON')
    .option('--csv <dir>', 'also write the incremental analysis as a tidy CSV into this directory')
    .action(runCommand);

  const workers = [
    '--workers <w>',
    `worker threads (default: cores − 1 = ${defaultWorkerCount()})`,
    wholeNumber('--workers', 1),
  ] as const;

  program
    .command('psa')
    .description('probabilistic sensitivity analysis: CE plane, CEAC/CEAF, EVPI, EVPPI (all draws, or one shard)')
    .argument('[scenario]', 'scenario JSON file (its economics.psa settings apply)')
    .option('--draws <d>', "PSA draws (default: the scenario's, 500)", wholeNumber('--draws', 1))
    .option('--patients <n>', 'patients per draw (default 5,000)', wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option(
      '--shard <I/N>',
      'run only shard I (0-based) of N; with just N the index comes from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX',
    )
    .option(...workers)
    .option('--out <file>', "write the result (or the shard's part) as JSON")
    .option('--csv <dir>', 'write tidy CSVs (draws, parameters, acceptability, EVPI, EVPPI, incremental)')
    .option('--json', 'print only the result, as JSON')
    .action(psaCommand);

  program
    .command('merge')
    .description('merge PSA parts from `sarcsim psa --shard` into the result one machine would give')
    .argument('<parts...>', 'part files (any order)')
    .option('--out <file>', 'write the merged result as JSON')
    .option('--csv <dir>', 'write tidy CSVs')
    .option('--json', 'print only the result, as JSON')
    .action(mergeCommand);

  program
    .command('dsa')
    .description('deterministic sensitivity analysis: tornado over 95% ranges, thresholds, optional two-way grid')
    .argument('[scenario]', 'scenario JSON file')
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option('--outcome <kind>', "'incremental-nmb' (at the scenario's threshold) or 'icer'")
    .option('--strategy <id>', 'strategy of interest (default: the second listed)')
    .option('--comparator <id>', 'comparator (default: the first listed)')
    .option('--parameters <ids>', 'comma-separated parameter ids (default: all with a range)')
    .option('--two-way <a,b>', 'two parameter ids for a two-way grid')
    .option('--grid <n>', 'points per axis of the two-way grid (2–21, default 5)', wholeNumber('--grid', 2))
    .option('--patients <n>', 'patients per run (default 20,000)', wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option(...workers)
    .option('--out <file>', 'write the result as JSON')
    .option('--csv <dir>', 'write tidy CSVs (tornado, two-way grid)')
    .option('--json', 'print only the result, as JSON')
    .action(dsaCommand);

  program
    .command('params')
    .description('list every model parameter with its value and source (docs/parameters.md has the full table)')
    .option('--all', 'include the observations (published figures used for calibration and validation)')
    .option('--json', 'print the records as JSON')
    .action(paramsCommand);

  program
    .command('calibrate')
    .description('check the committed calibration against its targets (fit with `pnpm calibrate`)')
    .option('--report', 'simulate the targets with the committed calibration and report the fit')
    .option('--json', 'print the report as JSON')
    .action(calibrateCommand);
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const problems = error instanceof ScenarioError || error instanceof UsageError ? error.problems : undefined;
    if (problems !== undefined) {
      for (const problem of problems) process.stderr.write(`sarcsim: ${problem}\n`);
      return 2;
    }
    process.stderr.write(`sarcsim: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// A closed pipe (e.g. `sarcsim run --json | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
