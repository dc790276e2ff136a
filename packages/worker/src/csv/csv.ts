// Tidy CSV tables (one observation per row) for R and Python users: the one CSV writer of
// the CLI and the web app (a run's outcomes, its incremental analysis, PSA, DSA, structural scenarios, exploration).
import type {
  CandidateEstimate,
  DsaResult,
  ExploreResult,
  FrontierPsa,
  PsaResult,
  StructuralResult,
} from '@sarcsim/model/analyses';
import type { ContrastEstimate, PairedContrast, PairedPrecision, RunEconomics } from '@sarcsim/model/economics';
import type { RunReport } from '@sarcsim/model/scenario';

function cell(value: string | number | boolean | null): string {
  if (value === null) return 'NA';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NA';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

const PRECISION_HEADER = [
  'precision_comparator',
  'vs_comparator_cost',
  'vs_comparator_cost_mcse',
  'vs_comparator_qalys',
  'vs_comparator_qalys_mcse',
  'vs_comparator_life_years',
  'vs_comparator_life_years_mcse',
  'vs_comparator_inmb',
  'vs_comparator_inmb_mcse',
  'icer_interval',
  'icer_low',
  'icer_high',
  'reference',
  'vs_reference_cost',
  'vs_reference_cost_mcse',
  'vs_reference_qalys',
  'vs_reference_qalys_mcse',
  'vs_reference_life_years',
  'vs_reference_life_years_mcse',
  'vs_reference_inmb',
  'vs_reference_inmb_mcse',
];

function contrastCells(c: PairedContrast | null | undefined): (number | null)[] {
  const pair = (e: ContrastEstimate | undefined) => [e?.mean ?? null, e?.mcse ?? null];
  return [...pair(c?.cost), ...pair(c?.qalys), ...pair(c?.lifeYears), ...pair(c?.netBenefit)];
}

function precisionCells(precision: PairedPrecision | undefined, id: string): (string | number | null)[] {
  if (precision === undefined) return PRECISION_HEADER.map(() => null);
  const row = precision.rows.find((r) => r.id === id);
  return [
    row?.vsComparator?.against ?? null,
    ...contrastCells(row?.vsComparator),
    row?.icerInterval?.kind ?? null,
    row?.icerInterval?.low ?? null,
    row?.icerInterval?.high ?? null,
    precision.reference,
    ...contrastCells(row?.vsReference),
  ];
}

/** The run's resolution checks: one row per inequality the frontier or the preferred strategy rests on. */
export function resolutionCsv(precision: PairedPrecision): string {
  const rows = (['frontier', 'preferred'] as const).flatMap((scope) => {
    const summary = precision[scope];
    return [
      [scope, 'all', null, null, summary.resolved, summary.patientsToResolve, precision.patients],
      ...summary.checks.map((ch) => [
        scope,
        ch.description,
        ch.margin,
        ch.se,
        ch.resolved,
        ch.patientsToResolve,
        precision.patients,
      ]),
    ];
  });
  return toCsv(['scope', 'check', 'margin', 'se', 'resolved', 'patients_to_resolve', 'patients'], rows);
}

/** The incremental analysis; when the economics carry paired precision, its columns are filled. */
export function incrementalCsv(economics: RunEconomics): string {
  return toCsv(
    [
      'strategy',
      'cost',
      'qalys',
      'life_years',
      'status',
      'comparator',
      'incremental_cost',
      'incremental_qalys',
      'icer',
      'nmb',
      'nhb',
      'wtp',
      'currency',
      ...PRECISION_HEADER,
    ],
    economics.incremental.rows.map((r, i) => [
      r.id,
      r.cost,
      r.effect,
      economics.strategies[i]?.lifeYears ?? null,
      r.status,
      r.comparator,
      r.incrementalCost,
      r.incrementalEffect,
      r.icer,
      r.netMonetaryBenefit,
      r.netHealthBenefit,
      economics.willingnessToPay,
      economics.currency,
      ...precisionCells(economics.precision, r.id),
    ]),
  );
}

/** File name → contents for a finished PSA. */
export function psaCsvFiles(result: PsaResult): Record<string, string> {
  const s = result.summary;
  const ids = result.strategies.map((st) => st.id);
  return {
    'psa-draws.csv': toCsv(
      ['draw', 'strategy', 'cost', 'qalys', 'life_years'],
      result.draws.flatMap((d) =>
        ids.map((id, i) => [d.draw, id, d.costs[i] ?? null, d.qalys[i] ?? null, d.lifeYears[i] ?? null]),
      ),
    ),
    'psa-parameters.csv': toCsv(
      ['draw', 'parameter', 'value'],
      result.draws.flatMap((d) => result.parameterIds.map((id, j) => [d.draw, id, d.parameters[j] ?? null])),
    ),
    'psa-acceptability.csv': toCsv(
      ['wtp', 'strategy', 'probability_cost_effective', 'expected_nmb', 'expected_loss', 'on_ceaf'],
      s.acceptability.flatMap((p) =>
        ids.map((id, i) => [
          p.willingnessToPay,
          id,
          p.probabilityCostEffective[i] ?? null,
          p.expectedNetBenefit[i] ?? null,
          p.expectedLoss[i] ?? null,
          p.optimal === i,
        ]),
      ),
    ),
    'psa-evpi.csv': toCsv(
      [
        'wtp',
        'evpi_per_patient',
        'evpi_population',
        'evpi_se',
        'inner_bias',
        'evpi_corrected',
        'evpi_corrected_population',
        'evpi_noise_floor',
        'evpi_lower_bound',
        'below_noise_floor',
        'warning',
      ],
      s.acceptability.map((p, k) => {
        const e = s.evpiNoise[k];
        return [
          p.willingnessToPay,
          p.evpiPerPatient,
          p.evpiPerPatient * s.effectivePopulation,
          e?.se ?? null,
          e?.innerBias ?? null,
          e?.corrected ?? null,
          e === undefined ? null : e.corrected * s.effectivePopulation,
          e?.noiseFloor ?? null,
          e?.lowerBound ?? null,
          e?.belowNoiseFloor ?? null,
          e?.belowNoiseFloor === true ? 'raw EVPI within its inner-noise floor (lower bound 0)' : '',
        ];
      }),
    ),
    'psa-evppi.csv': toCsv(
      [
        'group',
        'wtp',
        'evppi_per_patient',
        'evppi_population',
        'evppi_se',
        'noise_floor',
        'below_noise_floor',
        'warning',
        'note',
      ],
      s.evppi.flatMap((g) =>
        s.acceptability.map((p, k) => {
          const v = g.perPatient?.[k] ?? null;
          const floor = g.noiseFloor?.[k] ?? null;
          const below = v === null || floor === null ? null : v <= floor;
          return [
            g.group,
            p.willingnessToPay,
            v,
            v === null ? null : v * s.effectivePopulation,
            g.se?.[k] ?? null,
            floor,
            below,
            below === true ? 'below noise floor: cannot be told from zero' : '',
            g.note,
          ];
        }),
      ),
    ),
    'psa-incremental.csv': incrementalCsv({
      currency: s.currency,
      willingnessToPay: s.willingnessToPay,
      strategies: s.strategies.map((st) => ({
        id: st.id,
        label: st.label,
        cost: st.cost.mean,
        qalys: st.qalys.mean,
        lifeYears: st.lifeYears.mean,
      })),
      incremental: s.incremental,
    }),
  };
}

export function dsaCsvFiles(result: DsaResult): Record<string, string> {
  const files: Record<string, string> = {
    'dsa-tornado.csv': toCsv(
      [
        'parameter',
        'base',
        'low',
        'high',
        'outcome_low',
        'outcome_high',
        'swing',
        'preferred_low',
        'preferred_high',
        'threshold',
        'preferred_below',
        'preferred_above',
        'outcome',
        'repriced',
      ],
      result.tornado.map((r) => [
        r.id,
        r.base,
        r.low,
        r.high,
        r.outcomeLow,
        r.outcomeHigh,
        r.swing,
        r.preferredLow,
        r.preferredHigh,
        r.threshold?.value ?? null,
        r.threshold?.below ?? null,
        r.threshold?.above ?? null,
        `${result.outcome.kind}:${result.outcome.strategy}-vs-${result.outcome.comparator}`,
        r.repriced ? 1 : 0,
      ]),
    ),
  };
  const grid = result.twoWay;
  if (grid !== null) {
    files['dsa-two-way.csv'] = toCsv(
      [grid.x.id, grid.y.id, 'outcome', 'preferred'],
      grid.x.values.flatMap((xv, i) =>
        grid.y.values.map((yv, j) => [xv, yv, grid.outcome[i]?.[j] ?? null, grid.preferred[i]?.[j] ?? null]),
      ),
    );
  }
  return files;
}

/** The run's results: one row per strategy and measure. */
export function outcomesCsv(report: RunReport): string {
  const rows: (string | number)[][] = [];
  for (const s of report.strategies) {
    for (const [reward, e] of Object.entries(s.rewards)) {
      rows.push([s.id, `${reward}_discounted`, e.discounted.mean, e.discounted.mcse]);
      rows.push([s.id, `${reward}_undiscounted`, e.undiscounted.mean, e.undiscounted.mcse]);
    }
    const flat = (prefix: string, value: unknown): void => {
      if (typeof value === 'number' || value === null) rows.push([s.id, prefix, value ?? Number.NaN, Number.NaN]);
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) flat(prefix === '' ? k : `${prefix}.${k}`, v);
      }
    };
    flat('', s.outcomes ?? {});
  }
  return toCsv(['strategy', 'measure', 'value', 'mcse'], rows).replace(
    /^/,
    `# sarcsim ${report.version}, seed ${report.seed}, scenario ${report.scenarioHash}, ${report.patients} patients\n`,
  );
}

const ESTIMATE_HEADER = (prefix: string) =>
  [
    'patients',
    'cost',
    'cost_mcse',
    'qalys',
    'qalys_mcse',
    'delta_cost',
    'delta_cost_mcse',
    'delta_qalys',
    'delta_qalys_mcse',
  ].map((h) => `${prefix}_${h}`);

function estimateCells(e: CandidateEstimate | null): (number | null)[] {
  if (e === null) return new Array<null>(9).fill(null);
  return [
    e.patients,
    e.cost.mean,
    e.cost.mcse,
    e.qalys.mean,
    e.qalys.mcse,
    e.deltaCost.mean,
    e.deltaCost.mcse,
    e.deltaQalys.mean,
    e.deltaQalys.mcse,
  ];
}

/** An exploration's tables: every candidate, the fresh frontier, the optimum per threshold, factor levels, the selection correction. */
export function exploreCsvFiles(result: ExploreResult): Record<string, string> {
  const factorHeader = ['modality', 'intervals_months', 'duration_years', 'risk_group', 'others_get'];
  return {
    'explore-candidates.csv': toCsv(
      [
        'id',
        'label',
        ...factorHeader,
        'status',
        'dropped_at_stage',
        ...ESTIMATE_HEADER('selection'),
        ...ESTIMATE_HEADER('fresh'),
      ],
      result.rows.map((r) => [
        r.id,
        r.label,
        r.factors.modality,
        r.factors.intervalsMonths.join('/'),
        r.factors.durationYears,
        r.factors.riskGroup,
        r.factors.othersGet,
        r.status,
        r.droppedAtStage,
        ...estimateCells(r.selection),
        ...estimateCells(r.fresh),
      ]),
    ),
    'explore-frontier.csv': toCsv(
      [
        'id',
        'label',
        'cost',
        'cost_mcse',
        'qalys',
        'qalys_mcse',
        'comparator',
        'incremental_cost',
        'incremental_cost_mcse',
        'incremental_qalys',
        'incremental_qalys_mcse',
        'icer',
        'icer_interval',
        'icer_low',
        'icer_high',
      ],
      result.frontier.map((f) => [
        f.id,
        f.label,
        f.estimate.cost.mean,
        f.estimate.cost.mcse,
        f.estimate.qalys.mean,
        f.estimate.qalys.mcse,
        f.comparator,
        f.incrementalCost?.mean ?? null,
        f.incrementalCost?.mcse ?? null,
        f.incrementalQalys?.mean ?? null,
        f.incrementalQalys?.mcse ?? null,
        f.icer,
        f.icerInterval?.kind ?? null,
        f.icerInterval?.low ?? null,
        f.icerInterval?.high ?? null,
      ]),
    ),
    'explore-thresholds.csv': toCsv(
      [
        'willingness_to_pay',
        'optimal',
        'inmb_vs_comparator',
        'inmb_vs_comparator_mcse',
        'selected_inmb_vs_comparator',
        'runner_up',
        'margin_over_runner_up',
        'margin_mcse',
        'comparator',
      ],
      result.thresholds.map((t) => [
        t.willingnessToPay,
        t.optimal,
        t.inmbVsComparator.mean,
        t.inmbVsComparator.mcse,
        t.selectedInmbVsComparator?.mean ?? null,
        t.runnerUp,
        t.marginOverRunnerUp?.mean ?? null,
        t.marginOverRunnerUp?.mcse ?? null,
        result.comparator.id,
      ]),
    ),
    'explore-levels.csv': toCsv(
      ['factor', 'level', 'candidates', 'on_frontier'],
      result.levelFrequency.map((l) => [l.factor, l.level, l.candidates, l.onFrontier]),
    ),
    'explore-selection-correction.csv': toCsv(
      ['id', 'selected_patients', 'measure', 'willingness_to_pay', 'selected_minus_fresh', 'mcse'],
      result.selectionCorrection.flatMap((c) => [
        [c.id, c.selectedPatients, 'delta_cost', null, c.deltaCost.mean, c.deltaCost.mcse],
        [c.id, c.selectedPatients, 'delta_qalys', null, c.deltaQalys.mean, c.deltaQalys.mcse],
        ...c.inmb.map((i) => [
          c.id,
          c.selectedPatients,
          'inmb',
          i.willingnessToPay,
          i.correction.mean,
          i.correction.mcse,
        ]),
      ]),
    ),
    ...(result.frontierPsa === undefined ? {} : { 'explore-ceaf.csv': exploreCeafCsv(result.frontierPsa) }),
  };
}

/** The frontier PSA: per threshold and strategy, the probability of being optimal (± binomial MCSE) and the CEAF. */
function exploreCeafCsv(psa: FrontierPsa): string {
  return toCsv(
    [
      'wtp',
      'strategy',
      'probability_optimal',
      'probability_mcse',
      'expected_nmb',
      'on_ceaf',
      'draws',
      'patients_per_draw',
    ],
    psa.points.flatMap((p) =>
      psa.strategies.map((st, i) => [
        p.willingnessToPay,
        st.id,
        p.probabilityOptimal[i]?.mean ?? null,
        p.probabilityOptimal[i]?.mcse ?? null,
        p.expectedNetBenefit[i] ?? null,
        p.optimal === st.id,
        psa.draws,
        psa.patientsPerDraw,
      ]),
    ),
  );
}

/** File name → contents for structural scenarios: one row per switch level and strategy. */
export function structuralCsvFiles(result: StructuralResult): Record<string, string> {
  return {
    'structural-scenarios.csv': toCsv(
      [
        'switch',
        'level',
        'is_base',
        'strategy',
        'cost',
        'qalys',
        'life_years',
        'status',
        'comparator',
        'icer',
        'nmb',
        'preferred',
        'decision_changes',
        'inmb_preferred_vs_base_preferred',
        'inmb_mcse',
        'decision_change_resolved',
        ...PRECISION_HEADER,
        'wtp',
        'currency',
      ],
      result.switches.flatMap((sw) =>
        sw.levels.flatMap((level) =>
          level.incremental.rows.map((r, i) => [
            sw.id,
            level.id,
            level.isBase,
            r.id,
            r.cost,
            r.effect,
            level.strategies[i]?.lifeYears ?? null,
            r.status,
            r.comparator,
            r.icer,
            r.netMonetaryBenefit,
            level.preferred,
            level.decisionChanges,
            level.incrementalNetBenefitVsBasePreferred,
            level.incrementalNetBenefitMcse,
            level.decisionChangeResolved,
            ...precisionCells(level.precision, r.id),
            result.willingnessToPay,
            result.currency,
          ]),
        ),
      ),
    ),
  };
}
