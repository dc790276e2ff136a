#!/usr/bin/env node
// The sarcsim command line: runs scenarios through the same block workers the web app uses.
import { readFileSync } from 'node:fs';
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
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { formatReport } from './format-table.js';
import { defaultWorkerCount, nodeWorkerFactory } from './node-workers.js';
import { WorkerPool } from './pool.js';

/** A problem with what the user gave us: exit status 2, one line each, no stack trace. */
class UsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

function wholeNumber(flag: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${flag}: got "${value}", must be a whole number ≥ ${min}`);
    }
    return n;
  };
}

function readScenarioFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError([
      `scenario file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError([`scenario file ${path}: not valid JSON (${(error as Error).message})`]);
  }
}

interface RunFlags {
  patients?: number;
  seed?: number;
  workers?: number;
  blockSize?: number;
  json?: boolean;
}

async function runCommand(file: string | undefined, flags: RunFlags): Promise<void> {
  const fromFile = file === undefined ? {} : readScenarioFile(file);
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new UsageError([`scenario file ${file}: must hold a JSON object`]);
  }
  const scenarioInput = {
    ...fromFile,
    ...(flags.patients === undefined ? {} : { patients: flags.patients }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.blockSize === undefined ? {} : { blockSize: flags.blockSize }),
  };
  const scenario = parseScenario(scenarioInput);
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
    .option('--json', 'print only the results, as JSON')
    .action(runCommand);

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
