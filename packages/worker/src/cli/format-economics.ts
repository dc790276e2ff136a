// Plain-text views of the economic analyses: incremental table, PSA summary, DSA tornado, structural scenarios.
import type {
  DsaResult,
  PsaResult,
  ReferenceCase,
  StructuralLevelResult,
  StructuralResult,
} from '@sarcsim/model/analyses';
import type {
  ContrastEstimate,
  IcerInterval,
  IncrementalAnalysis,
  PairedPrecision,
  ResolutionSummary,
} from '@sarcsim/model/economics';
import { formatNumber, percent, table } from './text-table.js';

const money = (value: number | null) => (value === null ? '' : formatNumber(value, 0));
const qalys = (value: number | null) => (value === null ? '' : formatNumber(value, 4));

const withMcse = (e: ContrastEstimate | undefined, format: (v: number | null) => string) =>
  e === undefined ? '' : `${format(e.mean)} ± ${format(e.mcse)}`;

export function icerIntervalText(interval: IcerInterval | null): string {
  if (interval === null) return '';
  if (interval.kind === 'bounded') return `${money(interval.low)} to ${money(interval.high)}`;
  if (interval.kind === 'excluding') return `unbounded: ≤ ${money(interval.low)} or ≥ ${money(interval.high)}`;
  return 'unbounded (any value)';
}

function resolutionText(what: string, summary: ResolutionSummary, patients: number): string[] {
  const needed =
    summary.patientsToResolve === null
      ? 'no patient count resolves it (a margin is exactly 0)'
      : `about ${formatNumber(summary.patientsToResolve, 0)} patients would resolve it`;
  const lines = [
    `${what} ${summary.resolved ? 'is resolved' : 'is NOT resolved'} at ${formatNumber(patients, 0)} patients; ${needed}.`,
  ];
  for (const ch of summary.checks) {
    if (!ch.resolved) {
      lines.push(
        `  unresolved: ${ch.description} (margin ${formatNumber(ch.margin)} = ${formatNumber(ch.se === 0 ? Number.NaN : ch.margin / ch.se, 1)} SE)`,
      );
    }
  }
  return lines;
}

/** The incremental table; with the run's paired precision, every difference carries its paired MCSE. */
export function formatIncremental(
  analysis: IncrementalAnalysis,
  currency: string,
  precision?: PairedPrecision,
): string {
  const wtp = formatNumber(analysis.willingnessToPay, 0);
  const rows = new Map(precision?.rows.map((r) => [r.id, r]));
  const head = [
    `Incremental analysis (discounted; ${currency}; threshold ${wtp} per QALY). ND on the frontier, D dominated, ED extendedly dominated.`,
  ];
  if (precision === undefined) {
    return [
      ...head,
      table([
        ['strategy', 'cost', 'QALYs', 'status', 'vs', 'Δ cost', 'Δ QALYs', 'ICER', 'NMB'],
        ...analysis.rows.map((r) => [
          r.id,
          money(r.cost),
          qalys(r.effect),
          r.sameAs === null ? r.status : `${r.status} (= ${r.sameAs})`,
          r.comparator ?? (r.dominatedBy === null ? '' : `by ${r.dominatedBy}`),
          money(r.incrementalCost),
          qalys(r.incrementalEffect),
          money(r.icer),
          money(r.netMonetaryBenefit),
        ]),
      ]),
      `Preferred at ${wtp} per QALY: ${analysis.preferred}`,
    ].join('\n');
  }
  const onFrontier = (id: string) => analysis.rows.find((r) => r.id === id)?.status === 'ND';
  return [
    ...head,
    'Δ ± paired Monte Carlo standard error (common random numbers); ICER interval: Fieller, 95%.',
    table([
      ['strategy', 'cost', 'QALYs', 'status', 'vs', 'Δ cost', 'Δ QALYs', 'ICER', 'ICER 95% interval', 'NMB'],
      ...analysis.rows.map((r) => {
        const vs = onFrontier(r.id) ? rows.get(r.id)?.vsComparator : undefined;
        return [
          r.id,
          money(r.cost),
          qalys(r.effect),
          r.sameAs === null ? r.status : `${r.status} (= ${r.sameAs})`,
          r.comparator ?? (r.dominatedBy === null ? '' : `by ${r.dominatedBy}`),
          vs === undefined || vs === null ? '' : withMcse(vs.cost, money),
          vs === undefined || vs === null ? '' : withMcse(vs.qalys, qalys),
          money(r.icer),
          icerIntervalText(rows.get(r.id)?.icerInterval ?? null),
          money(r.netMonetaryBenefit),
        ];
      }),
    ]),
    `Preferred at ${wtp} per QALY: ${analysis.preferred}`,
    '',
    `Against the reference ${precision.reference} (Δ ± paired MCSE; INMB at ${wtp} per QALY):`,
    table([
      ['strategy', 'Δ cost', 'Δ QALYs', 'Δ life-years', 'INMB'],
      ...precision.rows
        .filter((r) => r.vsReference !== null)
        .map((r) => [
          r.id,
          withMcse(r.vsReference?.cost, money),
          withMcse(r.vsReference?.qalys, qalys),
          withMcse(r.vsReference?.lifeYears, qalys),
          withMcse(r.vsReference?.netBenefit, money),
        ]),
    ]),
    '',
    'Resolution (each comparison at least 2 paired SE from its decision boundary; counts assume the current estimates are the truth):',
    ...resolutionText('The frontier', precision.frontier, precision.patients),
    ...resolutionText(`The preferred strategy (${analysis.preferred})`, precision.preferred, precision.patients),
  ].join('\n');
}

/** Which result this is, and where the other reference cases would differ. */
export function formatReferenceCase(reference: ReferenceCase, shown = 5): string {
  const d = reference.differences;
  const others =
    reference.kind === 'probabilistic-mean'
      ? 'the deterministic base case is `sarcsim run` (point estimates) or `sarcsim run --at-means`'
      : reference.kind === 'deterministic-means'
        ? 'compare `sarcsim run` (point estimates) and the probabilistic mean (`sarcsim psa`)'
        : 'compare `sarcsim run --at-means` and the probabilistic mean (`sarcsim psa`)';
  return [
    `Reference case: ${reference.statement}.`,
    d.length === 0
      ? `Every sampled parameter's mean equals its point estimate (within 1%); ${others}.`
      : `${d.length} sampled parameters have a mean more than 1% from their point estimate (largest: ${d
          .slice(0, shown)
          .map((p) => `${p.id} ${formatNumber(p.pointEstimate)} vs mean ${formatNumber(p.mean)}`)
          .join('; ')}); ${others}.`,
  ].join('\n');
}

export function formatPsa(result: PsaResult): string {
  const s = result.summary;
  const at = s.atThreshold;
  const e = s.evpiAtThreshold;
  const { population } = result.scenario.economics;
  return [
    `PSA: ${s.draws} draws × ${s.patientsPerDraw.toLocaleString('en-US')} patients per draw (inner Monte Carlo noise is part of each draw's spread)`,
    formatReferenceCase(s.referenceCase),
    ...(s.largestFrontierIcer !== null && s.largestFrontierIcer > result.scenario.economics.wtpGrid.max
      ? [
          `Threshold grid extended past the largest frontier ICER (${money(s.largestFrontierIcer)}) to ${money(s.acceptability[s.acceptability.length - 1]?.willingnessToPay ?? null)} per QALY.`,
        ]
      : []),
    table([
      ['strategy', 'cost (mean, 95% range)', 'QALYs (mean, 95% range)', 'P(cost-effective)', 'expected loss'],
      ...s.strategies.map((st, i) => [
        st.id,
        `${money(st.cost.mean)} (${money(st.cost.low)}–${money(st.cost.high)})`,
        `${qalys(st.qalys.mean)} (${qalys(st.qalys.low)}–${qalys(st.qalys.high)})`,
        percent(at.probabilityCostEffective[i] as number),
        money(at.expectedLoss[i] as number),
      ]),
    ]),
    '',
    formatIncremental(s.incremental, s.currency),
    '',
    `EVPI at ${formatNumber(s.willingnessToPay, 0)} per QALY, per patient (${s.currency}; ± outer-loop MCSE):`,
    `  raw ${money(e.raw)} ± ${money(e.se)} (inner Monte Carlo noise included); noise-corrected ${money(e.corrected)} (estimated inner bias ${money(e.innerBias)}); noise floor ${money(e.noiseFloor)}, lower bound ${money(e.lowerBound)}`,
    `  population (${formatNumber(s.effectivePopulation, 0)} discounted patients: ${formatNumber(population.annualPatients, 0)} a year for ${population.years} years): raw ${money(s.evpiPopulation)}, corrected ${money(s.evpiCorrectedPopulation)}`,
    'EVPPI by parameter group, per patient (± bootstrap SE; noise floor = 95th percentile with the group permuted):',
    ...s.evppi.map((g) =>
      g.atThresholdPerPatient === null
        ? `  ${g.group} (${g.parameterIds.length} parameters): ${g.note}`
        : `  ${g.group} (${g.parameterIds.length} parameters): ${money(g.atThresholdPerPatient)} ± ${money(g.atThresholdSe)} (floor ${money(g.atThresholdNoiseFloor)})${g.belowNoiseFloor === true ? ' BELOW NOISE FLOOR' : ''}; population ${money(g.atThresholdPopulation)}`,
    ),
    ...(s.warnings.length === 0 ? [] : ['', ...s.warnings.map((w) => `WARNING: ${w}`)]),
  ].join('\n');
}

export function formatDsa(result: DsaResult): string {
  const o = result.outcome;
  const name =
    o.kind === 'icer'
      ? `ICER of ${o.strategy} vs ${o.comparator}`
      : `incremental NMB of ${o.strategy} vs ${o.comparator}`;
  return [
    `One-way sensitivity: ${name} (threshold ${formatNumber(result.willingnessToPay, 0)} per QALY); base ${money(result.base.outcome)}, preferred ${result.base.preferred}`,
    table([
      ['parameter', 'low', 'high', 'outcome at low', 'outcome at high', 'swing', 'preferred changes at'],
      ...result.tornado.map((r) => [
        r.repriced ? `${r.id} *` : r.id,
        formatNumber(r.low),
        formatNumber(r.high),
        money(r.outcomeLow),
        money(r.outcomeHigh),
        money(r.swing),
        r.threshold === null ? '' : `${formatNumber(r.threshold.value)} (${r.threshold.below} → ${r.threshold.above})`,
      ]),
    ]),
    `${result.simulations} simulations; * only prices: valued on the base run's quantities, not simulated again (${result.tornado.filter((r) => r.repriced).length} parameters)`,
  ].join('\n');
}

/** The frontier from cheapest to costliest, each step with its ICER and, given precision, its Fieller interval. */
function frontierText(analysis: IncrementalAnalysis, precision?: PairedPrecision): string {
  return analysis.frontier
    .map((id) => {
      const icer = analysis.rows.find((r) => r.id === id)?.icer ?? null;
      const interval = precision?.rows.find((r) => r.id === id)?.icerInterval ?? null;
      if (icer === null) return id;
      return interval === null ? `${id} (${money(icer)})` : `${id} (${money(icer)}; ${icerIntervalText(interval)})`;
    })
    .join(' → ');
}

/** Whether a run's own preferred strategy is resolved, or the patients that would resolve it. */
function choiceResolution(precision: PairedPrecision | undefined): string {
  if (precision === undefined) return '';
  const { resolved, patientsToResolve } = precision.preferred;
  if (resolved) return 'resolved';
  return patientsToResolve === null ? 'not resolved' : `needs ≈${formatNumber(patientsToResolve, 0)}`;
}

function decisionText(level: StructuralLevelResult): string {
  if (!level.decisionChanges) return '';
  if (level.decisionChangeResolved === null) return 'CHANGES';
  return level.decisionChangeResolved ? 'CHANGES (resolved)' : 'CHANGES (not resolved)';
}

export function formatStructural(result: StructuralResult): string {
  const wtp = formatNumber(result.willingnessToPay, 0);
  const rows = result.switches.flatMap((sw) =>
    sw.levels.map((level, i) => [
      i === 0 ? sw.id : '',
      `${level.label}${level.isBase ? ' [base]' : ''}`,
      level.preferred,
      decisionText(level),
      level.incrementalNetBenefitMcse === null || !level.decisionChanges
        ? money(level.incrementalNetBenefitVsBasePreferred)
        : `${money(level.incrementalNetBenefitVsBasePreferred)} ± ${money(level.incrementalNetBenefitMcse)}`,
      choiceResolution(level.precision),
      frontierText(level.incremental, level.precision),
    ]),
  );
  const changes = result.decisionChanges;
  const paired = result.switches.every((sw) => sw.levels.every((l) => l.precision !== undefined));
  return [
    `Structural scenarios: ${result.patients.toLocaleString('en-US')} patients, seed ${result.seed}, every level on the same patients (common random numbers); threshold ${wtp} ${result.currency} per QALY.`,
    formatReferenceCase(result.referenceCase),
    `Base case: preferred ${result.base.preferred}; frontier ${frontierText(result.base.incremental, result.base.precision)}`,
    table([
      [
        'switch',
        'level',
        'preferred',
        'decision',
        'INMB vs base choice',
        'its choice',
        paired ? 'frontier (ICER vs previous; Fieller 95% interval)' : 'frontier (ICER vs previous)',
      ],
      ...rows,
    ]),
    paired
      ? "INMB vs base choice: net monetary benefit of the level’s preferred strategy minus the base-case preferred one’s, under that level (what keeping the base decision forgoes), ± its paired Monte Carlo standard error; resolved: at least 2 paired SE above 0. Its choice: whether the level's preferred strategy beats every other by 2 paired SE, or about how many patients would make it."
      : 'INMB vs base choice: net monetary benefit of the level’s preferred strategy minus the base-case preferred one’s, under that level (what keeping the base decision forgoes). No paired moments, so no Monte Carlo error is shown.',
    changes.length === 0
      ? `The preferred strategy (${result.base.preferred}) is the same under every level.`
      : `The preferred strategy changes under ${changes.map((c) => `${c.switch} = ${c.level} (${c.preferred})`).join('; ')}.`,
  ].join('\n');
}
