// `sarcsim explore`: a policy space's candidates on the worker pool, successive stages
// near the frontier, the frontier re-evaluated on fresh streams (docs/explore.md).
import {
  candidateSet,
  DEFAULT_FRONTIER_PSA_PATIENTS,
  DEFAULT_POLICY_SPACE,
  type ExploreResult,
} from '@sarcsim/model/analyses';
import { DEFAULT_SEED } from '@sarcsim/model/scenario';
import { exploreOnPool } from '../analyses/analyses-on-pool.js';
import { exploreCsvFiles } from '../csv/csv.js';
import { checkOutputs, emit, onPool } from './economics.js';
import { formatExplore } from './format-explore.js';
import { readJsonFile, UsageError } from './input.js';
import type { CliContext } from './io.js';

export interface ExploreFlags {
  seed?: number;
  budgetPatients?: number;
  screenPatients?: number;
  finalPatients?: number;
  psaDraws?: number;
  psaPatients?: number;
  workers?: number;
  force?: boolean;
  out?: string;
  csv?: string;
  json?: boolean;
}

/** The space from the file (or the default), with the search settings the flags give. */
function spaceInput(file: string | undefined, flags: ExploreFlags): unknown {
  const input = file === undefined ? DEFAULT_POLICY_SPACE : readJsonFile(file, 'policy space file');
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new UsageError([`policy space file ${file}: must hold a JSON object`]);
  }
  const search = 'search' in input ? input.search : undefined;
  const overrides = {
    ...(flags.budgetPatients === undefined ? {} : { budgetPatients: flags.budgetPatients }),
    ...(flags.screenPatients === undefined ? {} : { screenPatients: flags.screenPatients }),
    ...(flags.finalPatients === undefined ? {} : { finalPatients: flags.finalPatients }),
  };
  if (Object.keys(overrides).length === 0) return input;
  const base = search !== null && typeof search === 'object' && !Array.isArray(search) ? search : {};
  return { ...input, search: { ...base, ...overrides } };
}

export async function exploreCommand(file: string | undefined, flags: ExploreFlags, ctx: CliContext): Promise<void> {
  const set = candidateSet(spaceInput(file, flags));
  if (flags.psaPatients !== undefined && flags.psaDraws === undefined) {
    throw new UsageError([
      `--psa-patients: got ${flags.psaPatients}, but it needs --psa-draws (the frontier PSA is off without it)`,
    ]);
  }
  const frontierPsa =
    flags.psaDraws === undefined
      ? undefined
      : { draws: flags.psaDraws, patients: flags.psaPatients ?? DEFAULT_FRONTIER_PSA_PATIENTS };
  checkOutputs(flags);
  const result: ExploreResult = await onPool(
    ctx,
    flags,
    {
      total: 1,
      unit: 'patient histories',
      format: '{phase} [{bar}] {percentage}% · {value}/{total} patient histories · ETA {eta_formatted}',
      payload: { phase: 'stage 1' },
    },
    (pool) =>
      exploreOnPool(
        pool,
        set,
        flags.seed ?? DEFAULT_SEED,
        (p) => {
          ctx.progress.setTotal(p.historiesPlanned);
          ctx.progress.update(p.historiesDone, { phase: p.phase });
        },
        ctx.signal,
        frontierPsa,
      ),
  );
  emit(result, flags, ctx, formatExplore, exploreCsvFiles);
}
