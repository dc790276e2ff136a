// The sarcsim command line as a function of its arguments and its outside world (CliIo):
// the bin passes the process's, tests their own. Exit status: 0 done, 1 a failure (a write,
// a worker), 2 bad input (one line per problem), 128 + signal number when cancelled.
import { join } from 'node:path';
import {
  DEFAULT_FRONTIER_PSA_PATIENTS,
  parametersAtMeans,
  referenceCase,
  STRUCTURAL_SWITCHES,
} from '@sarcsim/model/analyses';
import { validationReport } from '@sarcsim/model/calibration';
import { MAX_PSA_DRAWS } from '@sarcsim/model/economics';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import { EVIDENCE, sourceText } from '@sarcsim/model/sarcoma';
import {
  calibrationStamp,
  parseScenario,
  type RunReport,
  reportFor,
  runnerFor,
  type Scenario,
  ScenarioError,
} from '@sarcsim/model/scenario';
import { Command, CommanderError } from 'commander';
import { incrementalCsv, resolutionCsv } from '../csv/csv.js';
import { defaultWorkerCount } from '../pool/node-workers.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';
import { dsaCommand, mergeCommand, onPool, psaCommand, sarcomaScenario, scenariosCommand } from './economics.js';
import { exploreCommand } from './explore.js';
import { formatReferenceCase } from './format-economics.js';
import { formatReport } from './format-table.js';
import { MAX_WORKERS, nonNegativeNumber, scenarioInput, UsageError, wholeNumber } from './input.js';
import type { CliContext, CliIo } from './io.js';
import { modelRunCommand } from './model-run.js';
import { checkOutputDir, writeOutputs } from './output-files.js';
import { Progress } from './progress.js';

interface RunFlags {
  model?: string;
  export?: string;
  patients?: number;
  seed?: number;
  workers?: number;
  force?: boolean;
  blockSize?: number;
  json?: boolean;
  csv?: string;
  wtp?: number;
  reference?: string;
  atMeans?: boolean;
  structure?: string;
}

/** The --reference strategy must be one of the scenario's; checked before anything runs. */
function checkReference(reference: string | undefined, strategyIds: readonly string[]): void {
  if (reference !== undefined && !strategyIds.includes(reference)) {
    throw new UsageError([
      `--reference: got '${reference}', must be one of the scenario's strategies: ${strategyIds.join(', ')}`,
    ]);
  }
}

/**
 * The scenario as given (under the --structure levels, if any), or (--at-means) with every
 * sampled parameter it does not fix at its PSA mean.
 */
function runScenario(file: string | undefined, flags: RunFlags): { given: Scenario; scenario: Scenario } {
  const input = scenarioInput(file, flags);
  const given =
    flags.structure === undefined ? parseScenario(input) : sarcomaScenario(input, 'run --structure', flags.structure);
  if (flags.atMeans !== true) return { given, scenario: given };
  if (given.model !== 'sarcoma') throw new UsageError(['--at-means: applies to the sarcoma model only']);
  const means = parametersAtMeans(
    given.economics.psa.calibratedParameters,
    new Set(Object.keys(given.parameters)),
    RUNTIME_CALIBRATION,
  );
  return { given, scenario: parseScenario({ ...given, parameters: { ...means, ...given.parameters } }) };
}

async function runCommand(file: string | undefined, flags: RunFlags, ctx: CliContext): Promise<void> {
  if (flags.model !== undefined) {
    const clash = [
      file === undefined ? undefined : `a scenario file (${file})`,
      flags.wtp === undefined ? undefined : '--wtp',
      flags.csv === undefined ? undefined : '--csv',
      flags.reference === undefined ? undefined : '--reference',
      flags.atMeans === undefined ? undefined : '--at-means',
    ].filter((x) => x !== undefined);
    if (clash.length > 0)
      throw new UsageError([`--model: cannot be combined with ${clash.join(', ')} (they are for scenarios)`]);
    return modelRunCommand({ ...flags, model: flags.model }, ctx);
  }
  if (flags.export !== undefined) throw new UsageError(['--export: needs --model']);
  const { given, scenario } = runScenario(file, flags);
  const reference =
    given.model === 'sarcoma'
      ? referenceCase(
          given,
          flags.atMeans === true ? 'deterministic-means' : 'deterministic-point-estimates',
          RUNTIME_CALIBRATION,
        )
      : undefined;
  checkReference(flags.reference, runnerFor(scenario, RUNTIME_CALIBRATION).layout.strategyIds);
  if (flags.csv !== undefined) checkOutputDir(flags.csv, '--csv');
  let started = 0;
  const { report, workers } = await onPool(
    ctx,
    flags,
    {
      total: scenario.patients,
      unit: 'patients',
      format: 'simulating [{bar}] {percentage}% · {value}/{total} patients · {rate}/s · ETA {eta_formatted}',
      payload: { rate: '0' },
    },
    async (pool): Promise<{ report: RunReport; workers: number }> => {
      started = performance.now();
      const merged = await pool.run(scenario, {
        signal: ctx.signal,
        onProgress: (p) =>
          ctx.progress.update(p.individualsDone, {
            rate: Math.round(p.individualsPerSecond).toLocaleString('en-US'),
          }),
      });
      const options = flags.reference === undefined ? {} : { reference: flags.reference };
      return { report: reportFor(scenario, merged, RUNTIME_CALIBRATION, options), workers: pool.size };
    },
  );
  ctx.signal.throwIfAborted();
  const seconds = (performance.now() - started) / 1000;
  if (flags.csv !== undefined && report.economics !== undefined) {
    const files = [{ path: join(flags.csv, 'incremental.csv'), text: incrementalCsv(report.economics) }];
    const { precision } = report.economics;
    if (precision !== undefined)
      files.push({ path: join(flags.csv, 'resolution.csv'), text: resolutionCsv(precision) });
    writeOutputs(files, ctx.io.fs);
  }
  const out = ctx.io.stdout;
  if (flags.json) {
    out.write(
      `${JSON.stringify(reference === undefined ? report : { ...report, referenceCase: reference }, null, 2)}\n`,
    );
    return;
  }
  out.write(`${formatReport(report)}\n`);
  if (reference !== undefined) out.write(`${formatReferenceCase(reference)}\n`);
  const histories = scenario.patients * report.strategies.length;
  out.write(
    `${histories.toLocaleString('en-US')} patient-strategy histories in ${seconds.toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'}\n`,
  );
}

function paramsCommand(flags: { json?: boolean; all?: boolean }, io: CliIo): void {
  const records = EVIDENCE.filter((r) => flags.all === true || r.role === 'parameter');
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  for (const r of records) {
    io.stdout.write(
      `${r.id} = ${r.value} ${r.unit}${r.calibrated ? ' [calibrated]' : ''}\n    ${r.label}\n    ${sourceText(r.source, 'plain')}\n`,
    );
  }
}

function calibrateCommand(flags: { report?: boolean; json?: boolean }, io: CliIo): void {
  if (flags.report !== true) {
    throw new UsageError([
      'calibrate: fitting runs from the repository with `pnpm calibrate`; use --report to check the committed calibration',
    ]);
  }
  const calibration = RUNTIME_CALIBRATION;
  const provenance = calibration.posterior.provenance;
  const report = validationReport(calibration.values, provenance);
  if (flags.json) {
    const stamp = calibrationStamp(calibration);
    io.stdout.write(`${JSON.stringify({ calibration: { ...stamp, provenance }, ...report }, null, 2)}\n`);
    return;
  }
  const pct = (v: number, unit: string) => (unit === 'months' ? v.toFixed(1) : `${(100 * v).toFixed(1)}%`);
  for (const t of report.targets) {
    io.stdout.write(
      `${t.inside ? 'inside ' : 'OUTSIDE'}  ${t.label}: observed ${pct(t.observed, t.unit)} (${pct(t.low, t.unit)}–${pct(t.high, t.unit)}), simulated ${pct(t.simulated, t.unit)}\n`,
    );
  }
  io.stdout.write(
    `${report.targetsInside}/${report.targets.length} targets inside their 95% intervals at the posterior mean (calibration set ${calibration.name})\n`,
  );
}

function buildProgram(ctx: CliContext): Command {
  const { io } = ctx;
  const program = new Command()
    .name('sarcsim')
    .description('Monte Carlo microsimulation of liver metastases of soft-tissue sarcoma')
    .version(SARCSIM_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Our parsers' messages name the flag, the value and what is allowed; commander's preamble repeats them.
      outputError: (text, write) =>
        write(`sarcsim: ${text.replace(/^error: /, '').replace(/^option .*? argument .*? is invalid\. /s, '')}`),
    });

  const workers = [
    '--workers <w>',
    `worker threads, at most this machine's cores without --force (default: cores − 1 = ${defaultWorkerCount()})`,
    wholeNumber('--workers', 1, MAX_WORKERS),
  ] as const;
  const force = ['--force', "start more workers than this machine's cores"] as const;
  const structure = [
    '--structure <switch=level,…>',
    'run under other structural levels (`sarcsim scenarios` lists them; e.g. synchronous-rule=window)',
  ] as const;

  program
    .command('run')
    .description(
      'run a scenario (the default scenario when no file is given), or your own model module (--model), and compare its strategies',
    )
    .argument('[scenario]', 'scenario JSON file')
    .option('--model <file>', 'run the model exported by this ES module instead of a scenario (docs/engine.md)')
    .option('--export <name>', "the module's export holding the model (default: its default export)")
    .option('--patients <n>', 'patients to simulate', wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option(...workers)
    .option(...force)
    .option('--block-size <b>', 'patients per block (does not change results)', wholeNumber('--block-size', 1))
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option('--at-means', 'run with every sampled parameter at its PSA mean instead of its point estimate')
    .option(
      '--reference <strategy>',
      'strategy every other is also compared with, with paired MCSEs (default: the cheapest on the frontier)',
    )
    .option('--json', 'print only the results, as JSON')
    .option(
      '--csv <dir>',
      'also write the incremental analysis (with paired MCSEs) and the resolution checks as tidy CSVs into this directory',
    )
    .option(...structure)
    .action((file: string | undefined, flags: RunFlags) => runCommand(file, flags, ctx));

  program
    .command('psa')
    .description('probabilistic sensitivity analysis: CE plane, CEAC/CEAF, EVPI, EVPPI (all draws, or one shard)')
    .argument('[scenario]', 'scenario JSON file (its economics.psa settings apply)')
    .option('--draws <d>', "PSA draws (default: the scenario's, 500)", wholeNumber('--draws', 1))
    .option('--patients <n>', 'patients per draw (default 5,000)', wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option(
      '--annual-patients <n>',
      'EVPI population: patients facing the decision each year (default 13,500, US soft-tissue sarcoma cases)',
      wholeNumber('--annual-patients', 0, 100_000_000),
    )
    .option(
      '--decision-years <y>',
      'EVPI population: years the decision applies, discounted at the cost rate (default 10)',
      wholeNumber('--decision-years', 1, 100),
    )
    .option(
      '--shard <I/N>',
      'run only shard I (0-based) of N; with just N the index comes from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX',
    )
    .option(...workers)
    .option(...force)
    .option('--out <file>', "write the result (or the shard's part) as JSON")
    .option('--csv <dir>', 'write tidy CSVs (draws, parameters, acceptability, EVPI, EVPPI, incremental)')
    .option(...structure)
    .option('--json', 'print only the result, as JSON')
    .action((file, flags) => psaCommand(file, flags, ctx));

  program
    .command('merge')
    .description('merge PSA parts from `sarcsim psa --shard` into the result one machine would give')
    .argument('<parts...>', 'part files (any order)')
    .option('--out <file>', 'write the merged result as JSON')
    .option('--csv <dir>', 'write tidy CSVs')
    .option('--json', 'print only the result, as JSON')
    .action((files, flags) => mergeCommand(files, flags, ctx));

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
    .option(...force)
    .option('--out <file>', 'write the result as JSON')
    .option('--csv <dir>', 'write tidy CSVs (tornado, two-way grid)')
    .option(...structure)
    .option('--json', 'print only the result, as JSON')
    .action((file, flags) => dsaCommand(file, flags, ctx));

  program
    .command('explore')
    .description(
      'explore a policy space (the default space when no file is given): every schedule on common random numbers, the efficient frontier re-evaluated on fresh streams',
    )
    .argument('[space]', 'policy space JSON file (docs/explore.md)')
    .option(
      '--budget-patients <n>',
      'patient histories (patients × strategies) the selection stages may spend (default 20,000,000)',
      wholeNumber('--budget-patients', 1_000),
    )
    .option(
      '--screen-patients <n>',
      'patients per candidate in the first stage (default 1,000)',
      wholeNumber('--screen-patients', 100),
    )
    .option(
      '--final-patients <n>',
      'patients of the fresh re-evaluation of the frontier (default 200,000)',
      wholeNumber('--final-patients', 1_000),
    )
    .option(
      '--psa-draws <n>',
      'after the fresh re-evaluation, a PSA of this many draws on the frontier and the comparator: the probability each is optimal (CEAF); default: none',
      wholeNumber('--psa-draws', 2, MAX_PSA_DRAWS),
    )
    .option(
      '--psa-patients <n>',
      `patients per draw of that PSA (default ${DEFAULT_FRONTIER_PSA_PATIENTS.toLocaleString('en-US')})`,
      wholeNumber('--psa-patients', 100, 10_000_000),
    )
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0, 2 ** 32 - 1))
    .option(...workers)
    .option(...force)
    .option('--out <file>', 'write the result as JSON')
    .option(
      '--csv <dir>',
      'write tidy CSVs (every candidate, frontier, thresholds, factor levels, selection correction, CEAF)',
    )
    .option('--json', 'print only the result, as JSON')
    .action((file, flags) => exploreCommand(file, flags, ctx));

  program
    .command('scenarios')
    .description(
      'structural scenarios: the base case and each level of each structural switch on the same patients; flags where the preferred strategy changes',
    )
    .argument('[scenario]', 'scenario JSON file (the base case)')
    .option('--patients <n>', "patients per run (default: the scenario's, 100,000)", wholeNumber('--patients', 1))
    .option('--seed <s>', 'random seed (whole number below 2^32)', wholeNumber('--seed', 0))
    .option('--wtp <amount>', 'willingness to pay per QALY (default 100,000 USD)', nonNegativeNumber('--wtp'))
    .option(
      '--switches <ids>',
      `comma-separated switch ids (default: all: ${STRUCTURAL_SWITCHES.map((s) => s.id).join(', ')})`,
    )
    .option(...workers)
    .option(...force)
    .option('--out <file>', 'write the result as JSON')
    .option('--csv <dir>', 'write a tidy CSV (one row per switch level and strategy)')
    .option('--structure <switch=level,…>', 'the base case under these structural levels')
    .option('--json', 'print only the result, as JSON')
    .action((file, flags) => scenariosCommand(file, flags, ctx));

  program
    .command('params')
    .description('list every model parameter with its value and source (docs/parameters.md has the full table)')
    .option('--all', 'include the observations (published figures used for calibration and validation)')
    .option('--json', 'print the records as JSON')
    .action((flags) => paramsCommand(flags, io));

  program
    .command('calibrate')
    .description('check the committed calibration against its targets (fit with `pnpm calibrate`)')
    .option('--report', 'simulate the targets with the committed calibration and report the fit')
    .option('--json', 'print the report as JSON')
    .action((flags) => calibrateCommand(flags, io));
  return program;
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Runs the CLI on `argv` (as process.argv: node, script, arguments…); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  let caught: keyof typeof SIGNAL_NUMBERS | undefined;
  const listeners = (Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]).map((name) => {
    const listener = () => {
      caught ??= name;
      controller.abort(new Error(`cancelled by ${name}`));
    };
    io.signals.on(name, listener);
    return { name, listener };
  });
  const ctx: CliContext = { io, signal: controller.signal, progress: new Progress(io.stderr) };
  const say = (line: string) => io.stderr.write(`sarcsim: ${line}\n`);
  try {
    await buildProgram(ctx).parseAsync(argv as string[]);
    return 0;
  } catch (error) {
    ctx.progress.stop();
    if (caught !== undefined) {
      // Outputs are written only after a computation completes, so nothing was.
      say(
        `cancelled ${ctx.progress.total === 0 ? 'before the computation started' : `after ${ctx.progress}`}; nothing written`,
      );
      return 128 + SIGNAL_NUMBERS[caught];
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const problems = error instanceof ScenarioError || error instanceof UsageError ? error.problems : undefined;
    if (problems !== undefined) {
      for (const problem of problems) say(problem);
      return 2;
    }
    say(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    for (const { name, listener } of listeners) io.signals.off(name, listener);
  }
}
