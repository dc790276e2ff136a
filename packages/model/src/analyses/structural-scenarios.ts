// Structural scenario analysis: does the decision survive another reasonable structure?
// Each switch names a structural choice the model makes (a rule, a modelling assumption, a
// discounting convention) and its levels; each level is an override of the scenario, checked by
// the scenario's own schema, so any level is an ordinary scenario that a run, a PSA or a DSA
// accepts. Every level runs on the base scenario's seed: the same simulated patients
// (common random numbers), so a level's differences from the base case come from the structure.

import type { IncrementalAnalysis } from '../economics/incremental-analysis.js';
import { netBenefit } from '../economics/net-benefit.js';
import { type PairedPrecision, RESOLVE_Z } from '../economics/paired-precision.js';
import type { StrategyEconomics } from '../economics/strategy-economics.js';
import { z } from '../engine/zod.js';
import type { Source } from '../evidence/evidence-record.js';
import { IMAGING_ACCURACY_ALTERNATIVES } from '../evidence/records/imaging-alternatives.js';
import { type CalibrationSet, EVIDENCE_BY_ID, ParameterValues } from '../evidence/registry.js';
import { calibrationSetHash } from '../scenario/calibration-hash.js';
import { hashOfScenario, type ReportOptions, type RunReport } from '../scenario/run-report.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { ScenarioError } from '../scenario/validation-error.js';
import { SARCSIM_VERSION } from '../version.js';
import { type ReferenceCase, referenceCase } from './reference-case.js';

/**
 * What a level changes: `parameters` are merged into the scenario's overrides, the other
 * fields replace the scenario's. Values are checked when the level is applied, by the scenario schema.
 */
export const structuralOverrideSchema = z.strictObject({
  parameters: z.record(z.string(), z.number()).optional(),
  lifeTable: z.string().optional(),
  discountRates: z.strictObject({ costs: z.number(), effects: z.number() }).optional(),
  synchronousRule: z.string().optional(),
  gradeEffect: z.string().optional(),
});
export type StructuralOverride = z.output<typeof structuralOverrideSchema>;

const sourceSchema = z.custom<Source>(
  (s) => typeof s === 'object' && s !== null && ['document', 'external', 'assumption'].includes((s as Source).kind),
);

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be lower-case letters, digits, dots and dashes' });

export const structuralSwitchSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  /** Why the choice is uncertain enough to vary. */
  reason: z.string().min(1),
  levels: z
    .array(
      z.strictObject({ id: slug, label: z.string().min(1), override: structuralOverrideSchema, source: sourceSchema }),
    )
    .min(2, { error: 'must list at least two levels (a switch with one level switches nothing)' }),
});
export type StructuralSwitch = z.output<typeof structuralSwitchSchema>;
export type StructuralLevel = StructuralSwitch['levels'][number];

const registryValue = (id: string) => EVIDENCE_BY_ID.get(id)?.value as number;

const discount = (costs: number, effects: number) => ({ discountRates: { costs, effects } });

/** The shipped switches. Each lists every level, the model's default among them. */
export const STRUCTURAL_SWITCHES: readonly StructuralSwitch[] = [
  {
    id: 'synchronous-rule',
    label: 'Which liver disease counts as synchronous (systemic therapy first)',
    reason:
      'The consensus defines synchronous by a 6-month window, which lets the scan schedule relabel the same disease; the model by default labels by the disease present at diagnosis.',
    levels: [
      {
        id: 'staging',
        label: 'present at diagnosis (staging)',
        override: { synchronousRule: 'staging' },
        source: {
          kind: 'assumption',
          reason:
            'The model’s reading of 001 rec. 2.1: disease present when the primary was diagnosed and visible to a staging contrast CT (src/sarcoma/synchronous-rule.ts).',
        },
      },
      {
        id: 'window',
        label: 'found within 6 months (window)',
        override: { synchronousRule: 'window' },
        source: { kind: 'document', document: '001', table: 'Recommendations', row: '2.1 (synchronous: ≤ 6 months)' },
      },
    ],
  },
  {
    id: 'resection-causal-share',
    label: "Share of the resected series' survival advantage caused by the resection",
    reason:
      'Resected series are selected; no randomised trial separates the surgical effect from selection (002 Discussion; Jaques 1995 found none).',
    levels: [1, 0.5, 0].map((share) => ({
      id: `share-${share}`,
      label: share === 1 ? '1 (series at face value)' : share === 0 ? '0 (all selection)' : `${share}`,
      override: { parameters: { 'tx.resection.causalShare': share } },
      source: {
        kind: 'document' as const,
        document: '002' as const,
        table: 'Discussion',
        row: 'selection and favourable biology rather than a surgical advantage cannot be excluded',
      },
    })),
  },
  {
    id: 'grade-effect',
    label: "Grade's effect on metastasis and local recurrence",
    reason:
      'The registry (000) did not adjust for grade; the model adds it from Biau 2012. Averaging keeps the mean hazard and removes only the heterogeneity by grade.',
    levels: [
      {
        id: 'modelled',
        label: 'by patient (high grade × HR)',
        override: { gradeEffect: 'modelled' },
        source: {
          kind: 'external',
          citation: 'Biau 2012, Cancer 118: hazard ratios by grade, metastasis 4.5, local recurrence 2.1',
          verified: true,
        },
      },
      {
        id: 'averaged',
        label: "off (histology's grade-mix mean)",
        override: { gradeEffect: 'averaged' },
        source: { kind: 'document', document: '000', table: 'Table 5', row: 'multivariate model without grade' },
      },
    ],
  },
  {
    id: 'imaging-accuracy',
    label: 'Source of the per-lesion imaging sensitivities',
    reason:
      'No sarcoma accuracy data exist; the registry combines colorectal studies, and other studies give other size-class figures.',
    levels: [
      {
        id: 'registry',
        label: 'registry (CT: Ko 2017; MRI ≤ 1 cm: JMRI 2011)',
        override: {
          parameters: Object.fromEntries(
            [...new Set(IMAGING_ACCURACY_ALTERNATIVES.flatMap((a) => Object.keys(a.values)))].map((id) => [
              id,
              registryValue(id),
            ]),
          ),
        },
        source: {
          kind: 'external',
          citation: 'Ko 2017, PLoS One, doi:10.1371/journal.pone.0189797; JMRI 2011;34:326',
          verified: true,
        },
      },
      ...IMAGING_ACCURACY_ALTERNATIVES.map((a) => ({
        id: a.id,
        label: a.label,
        override: { parameters: { ...a.values } },
        source: a.source,
      })),
    ],
  },
  {
    id: 'growth-heterogeneity',
    label: 'Between-patient spread of the liver-lesion doubling time',
    reason:
      'Growth is exponential in every patient; whether patients differ in speed (Casson 1992: some sarcoma metastases double in under 40 days, others far slower) decides how much a fixed schedule misses.',
    levels: [
      {
        id: 'on',
        label: `on (SD of log ${registryValue('nh.livermet.growthSdLog')})`,
        override: { parameters: { 'nh.livermet.growthSdLog': registryValue('nh.livermet.growthSdLog') } },
        source: { kind: 'external', citation: 'Casson 1992, Cancer 69:662 (sarcoma lung metastases)', verified: true },
      },
      {
        id: 'off',
        label: 'off (one doubling time for all)',
        override: { parameters: { 'nh.livermet.growthSdLog': 0 } },
        source: {
          kind: 'assumption',
          reason: 'Every patient grows at the (calibrated) mean doubling time, as a cohort model would assume.',
        },
      },
    ],
  },
  {
    id: 'discount-rates',
    label: 'Discount rates, costs / effects',
    reason: 'Reference cases differ between jurisdictions.',
    levels: [
      {
        id: '3-3',
        label: '3% / 3%',
        override: discount(0.03, 0.03),
        source: {
          kind: 'external',
          citation: 'Sanders 2016, JAMA 316:1093 (Second Panel on Cost-Effectiveness in Health and Medicine)',
          verified: false,
        },
      },
      {
        id: '3.5-3.5',
        label: '3.5% / 3.5%',
        override: discount(0.035, 0.035),
        source: {
          kind: 'external',
          citation: 'NICE health technology evaluations manual (2022), reference case',
          verified: false,
        },
      },
      {
        id: '3-1.5',
        label: '3% / 1.5%',
        override: discount(0.03, 0.015),
        source: {
          kind: 'external',
          citation: 'Belgian KCE guidelines for economic evaluations: costs 3%, health effects 1.5%',
          verified: false,
        },
      },
    ],
  },
  {
    id: 'life-table',
    label: 'Background mortality',
    reason:
      'Costs are US, the calibration cohort is Japanese (000, Hokkaido): the two life tables the project carries bracket the population.',
    levels: [
      {
        id: 'us-2022',
        label: 'United States 2022',
        override: { lifeTable: 'us-2022' },
        source: { kind: 'external', citation: 'SSA period life table 2022 (2025 Trustees Report)', verified: true },
      },
      {
        id: 'japan-2020',
        label: 'Japan 2020',
        override: { lifeTable: 'japan-2020' },
        source: {
          kind: 'external',
          citation: 'Human Mortality Database, Japan 2020 (release 09 Dec 2024)',
          verified: true,
        },
      },
    ],
  },
];

/**
 * The scenario with the level's override applied, validated like any scenario (errors name the
 * switch and level). A parameter the level sets to the value the scenario already uses, and a
 * grade effect of 'modelled' (the default), are left out, so a level that changes nothing is
 * the base scenario itself, hash and all.
 */
export function applyStructuralLevel(
  scenario: SarcomaScenario,
  switchId: string,
  level: StructuralLevel,
  calibration: CalibrationSet,
): SarcomaScenario {
  const { parameters = {}, gradeEffect, ...fields } = level.override;
  const current = new ParameterValues(calibration, scenario.parameters);
  const changed = Object.entries(parameters).filter(
    ([id, value]) => !(EVIDENCE_BY_ID.get(id)?.role === 'parameter' && current.get(id) === value),
  );
  const input: Record<string, unknown> = {
    ...scenario,
    ...fields,
    parameters: { ...scenario.parameters, ...Object.fromEntries(changed) },
  };
  if (gradeEffect !== undefined) {
    if (gradeEffect === 'modelled') delete input.gradeEffect;
    else input.gradeEffect = gradeEffect;
  }
  try {
    return parseScenario(input) as SarcomaScenario;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(error.problems.map((p) => `structural switch ${switchId}, level ${level.id}: ${p}`));
  }
}

/**
 * The scenario under chosen levels of shipped switches (`{ 'synchronous-rule': 'window' }`), for a
 * run, a PSA or a DSA under another structure; `field` names the input in errors.
 */
export function withStructuralLevels(
  scenario: SarcomaScenario,
  choices: Readonly<Record<string, string>>,
  calibration: CalibrationSet,
  field = 'structure',
): SarcomaScenario {
  const problems: string[] = [];
  const levels: { switchId: string; level: StructuralLevel }[] = [];
  for (const [switchId, levelId] of Object.entries(choices)) {
    const s = STRUCTURAL_SWITCHES.find((x) => x.id === switchId);
    const level = s?.levels.find((l) => l.id === levelId);
    if (s === undefined) {
      problems.push(
        `${field}: got switch '${switchId}', must be one of ${STRUCTURAL_SWITCHES.map((x) => x.id).join(', ')}`,
      );
    } else if (level === undefined) {
      problems.push(
        `${field}: got level '${levelId}' of ${switchId}, must be one of ${s.levels.map((l) => l.id).join(', ')}`,
      );
    } else levels.push({ switchId, level });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return levels.reduce(
    (current, { switchId, level }) => applyStructuralLevel(current, switchId, level, calibration),
    scenario,
  );
}

/**
 * Runs one scenario (on draw 0's individuals, the scenario's seed) and reports it, with paired
 * precision against `options.reference` when the run has paired moments.
 */
export type EvaluateRun = (scenario: SarcomaScenario, options: ReportOptions) => Promise<RunReport>;

export interface StructuralLevelResult {
  readonly id: string;
  readonly label: string;
  readonly source: Source;
  readonly scenarioHash: string;
  /** The level is the base scenario itself (its result is the base run's). */
  readonly isBase: boolean;
  readonly strategies: readonly StrategyEconomics[];
  readonly incremental: IncrementalAnalysis;
  readonly preferred: string;
  /** The preferred strategy differs from the base case's. */
  readonly decisionChanges: boolean;
  /**
   * Net monetary benefit of this level's preferred strategy minus that of the base case's
   * preferred strategy, both under this level's structure: what keeping the base-case
   * decision would forgo if this structure were true (0 when the decision stands).
   */
  readonly incrementalNetBenefitVsBasePreferred: number;
  /**
   * Its paired Monte Carlo standard error (the two strategies replay the same patients); 0 when
   * the decision stands (the difference is exactly 0), null when the run has no paired moments.
   */
  readonly incrementalNetBenefitMcse: number | null;
  /**
   * For a changed decision: whether the INMB is at least RESOLVE_Z paired standard errors above
   * 0 at this patient count (null when the decision stands or no paired moments exist).
   */
  readonly decisionChangeResolved: boolean | null;
  /** The level run's paired precision (reference: the base case's preferred strategy; Fieller ICER intervals; resolution). */
  readonly precision?: PairedPrecision;
}

export interface StructuralSwitchResult {
  readonly id: string;
  readonly label: string;
  readonly reason: string;
  readonly levels: readonly StructuralLevelResult[];
}

export interface StructuralResult {
  readonly kind: 'sarcsim-structural';
  readonly version: string;
  /** Every level is a deterministic run at the point estimates (the base case's reference case). */
  readonly referenceCase: ReferenceCase;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly patients: number;
  readonly currency: string;
  readonly willingnessToPay: number;
  readonly base: {
    readonly strategies: readonly StrategyEconomics[];
    readonly incremental: IncrementalAnalysis;
    readonly preferred: string;
    readonly precision?: PairedPrecision;
  };
  readonly switches: readonly StructuralSwitchResult[];
  /** Switch and level ids at which the preferred strategy changes. */
  readonly decisionChanges: readonly { readonly switch: string; readonly level: string; readonly preferred: string }[];
}

/** The switches to run: all shipped ones, or those named (each once, each known); `field` names the input in errors. */
export function selectSwitches(ids?: readonly string[], field = 'switches'): readonly StructuralSwitch[] {
  if (ids === undefined) return STRUCTURAL_SWITCHES;
  const known = STRUCTURAL_SWITCHES.map((s) => s.id);
  const problems: string[] = [];
  ids.forEach((id, i) => {
    if (!known.includes(id)) problems.push(`${field}: got '${id}', must be one of ${known.join(', ')}`);
    else if (ids.indexOf(id) !== i) problems.push(`${field}: got '${id}' more than once, must name each switch once`);
  });
  if (ids.length === 0) problems.push(`${field}: must name at least one of ${known.join(', ')}`);
  if (problems.length > 0) throw new ScenarioError(problems);
  return STRUCTURAL_SWITCHES.filter((s) => ids.includes(s.id));
}

/**
 * Runs the base scenario and every level of the switches. Levels whose scenario equals an
 * earlier one (the base value of a switch, as a rule) are run once. `onProgress(done, total)`
 * after each run.
 */
export async function runStructuralScenarios(
  scenario: SarcomaScenario,
  switches: readonly StructuralSwitch[],
  evaluate: EvaluateRun,
  calibration: CalibrationSet,
  onProgress?: (done: number, total: number) => void,
): Promise<StructuralResult> {
  for (const s of switches) structuralSwitchSchema.parse(s); // a programming error, not user input
  const calibrationHash = calibrationSetHash(calibration);
  const baseHash = hashOfScenario(scenario, calibrationHash);
  // Every level is validated before anything runs.
  const planned = switches.map((s) =>
    s.levels.map((level) => {
      const levelScenario = applyStructuralLevel(scenario, s.id, level, calibration);
      return { level, scenario: levelScenario, hash: hashOfScenario(levelScenario, calibrationHash) };
    }),
  );
  const distinct = new Map<string, SarcomaScenario>([[baseHash, scenario]]);
  for (const level of planned.flat()) if (!distinct.has(level.hash)) distinct.set(level.hash, level.scenario);
  onProgress?.(0, distinct.size);

  const reports = new Map<string, RunReport>();
  const economicsOf = (hash: string) => {
    const economics = reports.get(hash)?.economics;
    if (economics === undefined)
      throw new RangeError('structural scenarios: a run of the sarcoma model lacks economics');
    return economics;
  };
  // The base case first: its preferred strategy is every other level's reference.
  let done = 0;
  reports.set(baseHash, await evaluate(scenario, {}));
  onProgress?.(++done, distinct.size);
  const base = economicsOf(baseHash);
  const basePreferred = base.incremental.preferred;
  for (const [hash, s] of distinct) {
    if (hash === baseHash) continue;
    reports.set(hash, await evaluate(s, { reference: basePreferred }));
    onProgress?.(++done, distinct.size);
  }
  const wtp = scenario.economics.willingnessToPay;
  const nmbOf = (strategies: readonly StrategyEconomics[], id: string) => {
    const s = strategies.find((x) => x.id === id) as StrategyEconomics;
    return netBenefit(wtp, s.qalys, s.cost);
  };

  const decisionChanges: { switch: string; level: string; preferred: string }[] = [];
  const results = switches.map(
    (s, i): StructuralSwitchResult => ({
      id: s.id,
      label: s.label,
      reason: s.reason,
      levels: (planned[i] ?? []).map(({ level, hash }): StructuralLevelResult => {
        const economics = economicsOf(hash);
        const preferred = economics.incremental.preferred;
        const changes = preferred !== basePreferred;
        if (changes) decisionChanges.push({ switch: s.id, level: level.id, preferred });
        const inmb = nmbOf(economics.strategies, preferred) - nmbOf(economics.strategies, basePreferred);
        const { precision } = economics;
        // The level's preferred strategy against the reference, the base case's preferred one.
        const contrast = precision?.rows.find((r) => r.id === preferred)?.vsReference?.netBenefit;
        const mcse = changes ? (contrast?.mcse ?? null) : precision === undefined ? null : 0;
        return {
          id: level.id,
          label: level.label,
          source: level.source,
          scenarioHash: hash,
          isBase: hash === baseHash,
          strategies: economics.strategies,
          incremental: economics.incremental,
          preferred,
          decisionChanges: changes,
          incrementalNetBenefitVsBasePreferred: inmb,
          incrementalNetBenefitMcse: mcse,
          decisionChangeResolved: changes && mcse !== null ? inmb >= RESOLVE_Z * mcse : null,
          ...(precision === undefined ? {} : { precision }),
        };
      }),
    }),
  );
  return {
    kind: 'sarcsim-structural',
    version: SARCSIM_VERSION,
    referenceCase: referenceCase(scenario, 'deterministic-point-estimates', calibration),
    scenarioHash: baseHash,
    seed: scenario.seed,
    patients: scenario.patients,
    currency: base.currency,
    willingnessToPay: wtp,
    base: {
      strategies: base.strategies,
      incremental: base.incremental,
      preferred: basePreferred,
      ...(base.precision === undefined ? {} : { precision: base.precision }),
    },
    switches: results,
    decisionChanges,
  };
}
