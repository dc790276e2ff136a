// Plain-text views of the economic analyses: incremental table, PSA summary, DSA tornado, structural scenarios.
import type { DsaResult, PsaResult, StructuralResult } from '@sarcsim/model/analyses';
import type { IncrementalAnalysis } from '@sarcsim/model/economics';
import { formatNumber, percent, table } from './text-table.js';

const money = (value: number | null) => (value === null ? '' : formatNumber(value, 0));
const qalys = (value: number | null) => (value === null ? '' : formatNumber(value, 4));

export function formatIncremental(analysis: IncrementalAnalysis, currency: string): string {
  const wtp = formatNumber(analysis.willingnessToPay, 0);
  return [
    `Incremental analysis (discounted; ${currency}; threshold ${wtp} per QALY). ND on the frontier, D dominated, ED extendedly dominated.`,
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

export function formatPsa(result: PsaResult): string {
  const s = result.summary;
  const at = s.atThreshold;
  return [
    `PSA: ${s.draws} draws × ${s.patientsPerDraw.toLocaleString('en-US')} patients per draw (inner Monte Carlo noise is part of each draw's spread)`,
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
    `EVPI at ${formatNumber(s.willingnessToPay, 0)} per QALY: ${money(at.evpiPerPatient)} ${s.currency} per patient; ${money(s.evpiPopulation)} for the population (${formatNumber(s.effectivePopulation, 0)} discounted patients)`,
    'EVPPI by parameter group (per patient; population):',
    ...s.evppi.map(
      (g) =>
        `  ${g.group} (${g.parameterIds.length} parameters): ${g.atThresholdPerPatient === null ? g.note : `${money(g.atThresholdPerPatient)}; ${money(g.atThresholdPopulation)}`}`,
    ),
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
        r.id,
        formatNumber(r.low),
        formatNumber(r.high),
        money(r.outcomeLow),
        money(r.outcomeHigh),
        money(r.swing),
        r.threshold === null ? '' : `${formatNumber(r.threshold.value)} (${r.threshold.below} → ${r.threshold.above})`,
      ]),
    ]),
  ].join('\n');
}

/** The frontier from cheapest to costliest, each step with its ICER: "a → b 51,000 → c 3.1M". */
function frontierText(analysis: IncrementalAnalysis): string {
  return analysis.frontier
    .map((id) => {
      const icer = analysis.rows.find((r) => r.id === id)?.icer ?? null;
      return icer === null ? id : `${id} (${money(icer)})`;
    })
    .join(' → ');
}

export function formatStructural(result: StructuralResult): string {
  const wtp = formatNumber(result.willingnessToPay, 0);
  const rows = result.switches.flatMap((sw) =>
    sw.levels.map((level, i) => [
      i === 0 ? sw.id : '',
      `${level.label}${level.isBase ? ' [base]' : ''}`,
      level.preferred,
      level.decisionChanges ? 'CHANGES' : '',
      money(level.incrementalNetBenefitVsBasePreferred),
      frontierText(level.incremental),
    ]),
  );
  const changes = result.decisionChanges;
  return [
    `Structural scenarios: ${result.patients.toLocaleString('en-US')} patients, seed ${result.seed}, every level on the same patients (common random numbers); threshold ${wtp} ${result.currency} per QALY.`,
    `Base case: preferred ${result.base.preferred}; frontier ${frontierText(result.base.incremental)}`,
    table([
      ['switch', 'level', 'preferred', 'decision', 'INMB vs base choice', 'frontier (ICER vs previous)'],
      ...rows,
    ]),
    'INMB vs base choice: net monetary benefit of the level’s preferred strategy minus the base-case preferred one’s, under that level (what keeping the base decision forgoes). No Monte Carlo error is shown yet: compare with `sarcsim run` at other seeds before reading small differences.',
    changes.length === 0
      ? `The preferred strategy (${result.base.preferred}) is the same under every level.`
      : `The preferred strategy changes under ${changes.map((c) => `${c.switch} = ${c.level} (${c.preferred})`).join('; ')}.`,
  ].join('\n');
}
