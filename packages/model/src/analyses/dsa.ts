// Deterministic sensitivity analysis: one-way sweeps (tornado), a two-way grid, and the
// parameter values at which the preferred strategy changes. Every run uses the same
// individuals (draw 0), so differences come from the parameter, not from sampling noise.
// A parameter that only prices (sarcoma/valuation.ts: costs, utilities, QALY losses) is not
// simulated again: the base run's quantities are priced at its new value (economics/
// valuation.ts), which is exact, instant, and lets its threshold be found to full precision.
import { netBenefit } from '../economics/net-benefit.js';
import type { StrategyEconomics } from '../economics/strategy-economics.js';
import { reprice, type StrategyQuantities } from '../economics/valuation.js';
import { z } from '../engine/zod.js';
import { type CalibrationSet, EVIDENCE_BY_ID, PARAMETER_IDS, ParameterValues } from '../evidence/registry.js';
import { sarcomaPriceTerms, VALUATION_PARAMETER_IDS } from '../sarcoma/valuation.js';
import { type CalibrationStamp, calibrationSetHash, calibrationStamp } from '../scenario/calibration-hash.js';
import { hashOfScenario } from '../scenario/run-report.js';
import type { SarcomaScenario } from '../scenario/scenario.js';
import { formatIssues, ScenarioError } from '../scenario/validation-error.js';
import { SARCSIM_VERSION } from '../version.js';
import { parameterInterval95 } from './parameter-sampling.js';

const range = z
  .strictObject({ low: z.number(), high: z.number() })
  .refine((r) => r.low < r.high, { error: 'low must be below high' });

export const dsaSettingsSchema = z.strictObject({
  /** 'incremental-nmb': NMB of `strategy` minus `comparator`'s at the threshold; 'icer': their ICER. */
  outcome: z
    .enum(['incremental-nmb', 'icer'], { error: "must be 'incremental-nmb' or 'icer'" })
    .default('incremental-nmb'),
  strategy: z.string().optional(),
  comparator: z.string().optional(),
  /** Parameters to sweep (default: every parameter with a continuous distribution the scenario does not override). */
  parameters: z.array(z.string()).optional(),
  /** Ranges replacing the 95% interval of a parameter's distribution. */
  ranges: z.record(z.string(), range).default({}),
  twoWay: z.tuple([z.string(), z.string()]).optional(),
  gridPoints: z.int().min(2, { error: 'must be ≥ 2' }).max(21, { error: 'must be ≤ 21' }).default(5),
  /** Bisection steps when locating a threshold (each halves the bracket). */
  thresholdSteps: z.int().min(0, { error: 'must be ≥ 0' }).max(30, { error: 'must be ≤ 30' }).default(8),
});

export type DsaSettingsInput = z.input<typeof dsaSettingsSchema>;
type DsaSettings = z.output<typeof dsaSettingsSchema>;

/** One run's economics and, if the evaluator gives them, its quantities (every reward channel's discounted mean). */
export interface DsaEvaluation {
  readonly strategies: readonly StrategyEconomics[];
  /** With these, parameters that only price are valued on the base run instead of simulated again. */
  readonly quantities?: readonly StrategyQuantities[];
}

/**
 * Runs the scenario's strategies with these parameter overrides (on draw 0's individuals);
 * `quantities` is true for the base run only, the one whose quantities are re-priced (an
 * evaluator may leave them out of the other runs, which are then faster).
 */
export type EvaluateOverrides = (overrides: Record<string, number>, quantities: boolean) => Promise<DsaEvaluation>;

/** Bisection steps of a threshold found on re-priced runs: enough to reach adjacent doubles. */
const REPRICED_THRESHOLD_STEPS = 200;

export interface Threshold {
  readonly value: number;
  readonly below: string;
  readonly above: string;
}

export interface TornadoRow {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly outcomeLow: number;
  readonly outcomeHigh: number;
  readonly swing: number;
  readonly preferredLow: string;
  readonly preferredHigh: string;
  /** Where the preferred strategy (highest NMB) changes inside the range, to the bisection's precision. */
  readonly threshold: Threshold | null;
  /**
   * True when the parameter only prices and was valued on the base run's quantities (no new
   * simulation; its threshold is then bisected to adjacent doubles, not `thresholdSteps`).
   */
  readonly repriced: boolean;
}

export interface DsaResult {
  readonly kind: 'sarcsim-dsa';
  readonly version: string;
  readonly scenarioHash: string;
  readonly calibration: CalibrationStamp;
  readonly outcome: { readonly kind: DsaSettings['outcome']; readonly strategy: string; readonly comparator: string };
  readonly willingnessToPay: number;
  readonly base: { readonly outcome: number; readonly preferred: string };
  /** Simulations run (the base run included); re-priced evaluations are not simulations. */
  readonly simulations: number;
  /** Sorted by swing, largest first. */
  readonly tornado: readonly TornadoRow[];
  readonly twoWay: {
    readonly x: { readonly id: string; readonly values: readonly number[] };
    readonly y: { readonly id: string; readonly values: readonly number[] };
    /** outcome[i][j] at x.values[i], y.values[j]. */
    readonly outcome: readonly (readonly number[])[];
    readonly preferred: readonly (readonly string[])[];
  } | null;
}

function preferredOf(economics: readonly StrategyEconomics[], wtp: number): string {
  let best = economics[0] as StrategyEconomics;
  for (const s of economics) if (netBenefit(wtp, s.qalys, s.cost) > netBenefit(wtp, best.qalys, best.cost)) best = s;
  return best.id;
}

function outcomeOf(economics: readonly StrategyEconomics[], outcome: DsaResult['outcome'], wtp: number): number {
  const s = economics.find((e) => e.id === outcome.strategy) as StrategyEconomics;
  const c = economics.find((e) => e.id === outcome.comparator) as StrategyEconomics;
  return outcome.kind === 'icer'
    ? (s.cost - c.cost) / (s.qalys - c.qalys)
    : netBenefit(wtp, s.qalys, s.cost) - netBenefit(wtp, c.qalys, c.cost);
}

function validated(
  scenario: SarcomaScenario,
  input: DsaSettingsInput,
  calibration: CalibrationSet,
): DsaSettings & { outcome: DsaSettings['outcome'] } {
  const parsed = dsaSettingsSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues));
  const settings = parsed.data;
  const problems: string[] = [];
  const strategyIds = scenario.strategies.map((s) => (typeof s === 'string' ? s : s.id));
  for (const key of ['strategy', 'comparator'] as const) {
    const id = settings[key];
    if (id !== undefined && !strategyIds.includes(id)) {
      problems.push(`dsa.${key}: got '${id}', must be one of the scenario's strategies: ${strategyIds.join(', ')}`);
    }
  }
  for (const id of [...(settings.parameters ?? []), ...Object.keys(settings.ranges), ...(settings.twoWay ?? [])]) {
    if (EVIDENCE_BY_ID.get(id)?.role !== 'parameter')
      problems.push(`dsa: '${id}' is not a parameter id (\`sarcsim params\` lists them)`);
  }
  const listed = settings.parameters ?? [];
  for (const id of new Set(listed.filter((id, k) => listed.indexOf(id) !== k))) {
    problems.push(`dsa.parameters: got '${id}' more than once, must list each parameter once`);
  }
  for (const id of settings.parameters ?? []) {
    if (EVIDENCE_BY_ID.get(id)?.role === 'parameter' && rangeOf(id, settings, calibration) === undefined) {
      problems.push(`dsa.parameters: '${id}' has no range (a fixed value or a mix component); give one in ranges`);
    }
  }
  const [x, y] = settings.twoWay ?? [];
  if (x !== undefined && x === y) {
    problems.push(
      `dsa.twoWay: got '${x}' twice, must name two different parameters (one parameter is a one-way sweep)`,
    );
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return settings;
}

/**
 * The parameter's sweep range: an explicit one, else its 95% interval (the calibration
 * posterior's for a calibrated parameter, the distribution's otherwise).
 */
function rangeOf(
  id: string,
  settings: DsaSettings,
  calibration: CalibrationSet,
): { low: number; high: number } | undefined {
  const explicit = settings.ranges[id];
  if (explicit !== undefined) return explicit;
  const record = EVIDENCE_BY_ID.get(id);
  if (record === undefined) return undefined;
  const interval = parameterInterval95(record, calibration);
  return interval !== undefined && interval.low < interval.high ? interval : undefined;
}

interface Bracket {
  readonly a: number;
  readonly b: number;
  readonly preferredA: string;
  readonly preferredB: string;
}

/** The part of the range over which the preferred strategy changes (nearest the base value first). */
function bracketOf(
  r: { low: number; high: number },
  base: number,
  preferred: { low: string; base: string; high: string },
): Bracket | undefined {
  if (preferred.low !== preferred.base && base > r.low) {
    return { a: r.low, b: base, preferredA: preferred.low, preferredB: preferred.base };
  }
  if (preferred.high !== preferred.base && base < r.high) {
    return { a: base, b: r.high, preferredA: preferred.base, preferredB: preferred.high };
  }
  if (preferred.low !== preferred.high) {
    return { a: r.low, b: r.high, preferredA: preferred.low, preferredB: preferred.high };
  }
  return undefined;
}

/**
 * Bisects the bracket: each step evaluates the midpoint; it stops after `steps` or once the
 * midpoint is no longer strictly inside the bracket (adjacent doubles).
 */
async function locateThreshold(
  bracket: Bracket | undefined,
  steps: number,
  preferredAt: (value: number) => Promise<string>,
  onStart: () => void,
): Promise<Threshold | null> {
  if (bracket === undefined) return null;
  onStart();
  let { a, b, preferredA, preferredB } = bracket;
  for (let step = 0; step < steps; step++) {
    const mid = (a + b) / 2;
    if (!(mid > a && mid < b)) break;
    const preferredMid = await preferredAt(mid);
    if (preferredMid === preferredA) a = mid;
    else {
      b = mid;
      preferredB = preferredMid;
    }
  }
  return { value: (a + b) / 2, below: preferredA, above: preferredB };
}

export async function runDsa(
  scenario: SarcomaScenario,
  input: DsaSettingsInput,
  evaluate: EvaluateOverrides,
  calibration: CalibrationSet,
  onProgress?: (done: number, total: number) => void,
): Promise<DsaResult> {
  const settings = validated(scenario, input, calibration);
  const strategyIds = scenario.strategies.map((s) => (typeof s === 'string' ? s : s.id));
  if (strategyIds.length < 2 && (settings.strategy === undefined || settings.comparator === undefined)) {
    throw new ScenarioError(['dsa: needs a scenario with at least two strategies to compare']);
  }
  const outcome = {
    kind: settings.outcome,
    strategy: settings.strategy ?? (strategyIds[1] as string),
    comparator: settings.comparator ?? (strategyIds[0] as string),
  };
  if (outcome.strategy === outcome.comparator) {
    throw new ScenarioError([
      `dsa.comparator: got '${outcome.comparator}', must differ from the strategy of interest ('${outcome.strategy}'): a strategy compared with itself gives only zeros`,
    ]);
  }
  const wtp = scenario.economics.willingnessToPay;
  // Base values: the calibration set's point values (a posterior's mean) under the scenario's overrides.
  const values = new ParameterValues(calibration, scenario.parameters);
  const swept = (settings.parameters ?? PARAMETER_IDS.filter((id) => !(id in scenario.parameters)))
    .map((id) => ({ id, range: rangeOf(id, settings, calibration) }))
    .filter((p): p is { id: string; range: { low: number; high: number } } => p.range !== undefined);
  const twoWayRuns = settings.twoWay === undefined ? 0 : settings.gridPoints ** 2;
  let total = 1 + 2 * swept.length + twoWayRuns; // grows by the bisection steps each threshold needs
  let done = 0;
  const run = async (overrides: Record<string, number>, quantities = false) => {
    // Every calibrated value travels with the run, so the results follow `calibration`.
    const evaluation = await evaluate({ ...calibration.values, ...scenario.parameters, ...overrides }, quantities);
    done++;
    onProgress?.(done, total);
    return evaluation;
  };

  const baseRun = await run({}, true);
  const base = baseRun.strategies;
  const basePreferred = preferredOf(base, wtp);
  // Overrides that only price are valued on the base run's quantities, when the evaluator gives them.
  const quantities = baseRun.quantities;
  const baseTerms = sarcomaPriceTerms(values);
  const repricable = (ids: readonly string[]) =>
    quantities !== undefined && ids.every((id) => VALUATION_PARAMETER_IDS.has(id));
  const economicsAt = async (overrides: Record<string, number>): Promise<readonly StrategyEconomics[]> => {
    if (!repricable(Object.keys(overrides))) return (await run(overrides)).strategies;
    const priced = new ParameterValues(calibration, { ...scenario.parameters, ...overrides });
    return reprice(base, quantities as readonly StrategyQuantities[], baseTerms, sarcomaPriceTerms(priced));
  };
  const repricedIds = swept.filter((p) => repricable([p.id]));
  total -= 2 * repricedIds.length;
  const [x2, y2] = settings.twoWay ?? [];
  if (x2 !== undefined && y2 !== undefined && repricable([x2, y2])) total -= twoWayRuns;

  const tornado: TornadoRow[] = [];
  for (const { id, range: r } of swept) {
    const record = EVIDENCE_BY_ID.get(id);
    if (record === undefined) continue;
    const repriced = repricable([id]);
    const atLow = await economicsAt({ [id]: r.low });
    const atHigh = await economicsAt({ [id]: r.high });
    const preferredLow = preferredOf(atLow, wtp);
    const preferredHigh = preferredOf(atHigh, wtp);
    const outcomeLow = outcomeOf(atLow, outcome, wtp);
    const outcomeHigh = outcomeOf(atHigh, outcome, wtp);
    const baseValue = values.get(id);
    const threshold = await locateThreshold(
      bracketOf(r, baseValue, { low: preferredLow, base: basePreferred, high: preferredHigh }),
      repriced ? REPRICED_THRESHOLD_STEPS : settings.thresholdSteps,
      async (value) => preferredOf(await economicsAt({ [id]: value }), wtp),
      () => {
        if (!repriced) total += settings.thresholdSteps;
      },
    );
    tornado.push({
      id,
      label: record.label,
      unit: record.unit,
      base: baseValue,
      low: r.low,
      high: r.high,
      outcomeLow,
      outcomeHigh,
      swing: Math.abs(outcomeHigh - outcomeLow),
      preferredLow,
      preferredHigh,
      threshold,
      repriced,
    });
  }
  // Largest swing first; NaN swings (an undefined ICER) last; ties keep registry order.
  tornado.sort((a, b) => (Number.isNaN(a.swing) ? 1 : 0) - (Number.isNaN(b.swing) ? 1 : 0) || b.swing - a.swing);

  let twoWay: DsaResult['twoWay'] = null;
  if (settings.twoWay !== undefined) {
    const axes = settings.twoWay.map((id) => {
      const r = rangeOf(id, settings, calibration);
      if (r === undefined)
        throw new ScenarioError([
          `dsa.twoWay: '${id}' has no range (fixed value or mix component); give one in ranges`,
        ]);
      return {
        id,
        values: Array.from(
          { length: settings.gridPoints },
          (_, i) => r.low + ((r.high - r.low) * i) / (settings.gridPoints - 1),
        ),
      };
    }) as [{ id: string; values: number[] }, { id: string; values: number[] }];
    const [x, y] = axes;
    const grid: number[][] = [];
    const preferred: string[][] = [];
    for (const xv of x.values) {
      const row: number[] = [];
      const prefRow: string[] = [];
      for (const yv of y.values) {
        const economics = await economicsAt({ [x.id]: xv, [y.id]: yv });
        row.push(outcomeOf(economics, outcome, wtp));
        prefRow.push(preferredOf(economics, wtp));
      }
      grid.push(row);
      preferred.push(prefRow);
    }
    twoWay = { x, y, outcome: grid, preferred };
  }

  return {
    kind: 'sarcsim-dsa',
    version: SARCSIM_VERSION,
    scenarioHash: hashOfScenario(scenario, calibrationSetHash(calibration)),
    calibration: calibrationStamp(calibration),
    outcome,
    willingnessToPay: wtp,
    base: { outcome: outcomeOf(base, outcome, wtp), preferred: basePreferred },
    simulations: done,
    tornado,
    twoWay,
  };
}
