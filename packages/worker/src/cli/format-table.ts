// Plain-text tables for the CLI: costs and effects per strategy (mean ± MCSE), then the
// model's outcomes (for the sarcoma model) or its counters per patient.
import type { ReportedStrategy, RunReport } from '@sarcsim/model/scenario';
import { OUTCOME_ROWS } from '../csv/outcome-rows.js';
import { formatIncremental } from './format-economics.js';
import { formatNumber, table } from './text-table.js';

function rewardsTable(
  strategies: readonly ReportedStrategy[],
  kind: 'discounted' | 'undiscounted',
  quantities: readonly string[],
): string {
  const channels = Object.keys(strategies[0]?.rewards ?? {}).filter((c) => !quantities.includes(c));
  return table([
    ['strategy', ...channels],
    ...strategies.map((s) => [
      s.label,
      ...channels.map((c) => {
        const e = s.rewards[c]?.[kind];
        return e === undefined ? '' : `${formatNumber(e.mean)} ± ${formatNumber(e.mcse)}`;
      }),
    ]),
  ]);
}

/** The quantities the economics price, one row each (there are many), strategies across. */
function quantitiesTable(strategies: readonly ReportedStrategy[], quantities: readonly string[]): string {
  return table([
    ['quantity (discounted)', ...strategies.map((s) => s.id)],
    ...quantities.map((q) => [
      q,
      ...strategies.map((s) => {
        const e = s.rewards[q]?.discounted;
        return e === undefined ? '' : `${formatNumber(e.mean)} ± ${formatNumber(e.mcse)}`;
      }),
    ]),
  ]);
}

function outcomesTable(strategies: readonly ReportedStrategy[]): string {
  const withOutcomes = strategies.flatMap((s) =>
    s.outcomes === undefined ? [] : [{ id: s.id, outcomes: s.outcomes }],
  );
  return table([
    ['outcome', ...withOutcomes.map((s) => s.id)],
    ...OUTCOME_ROWS.map(([label, value]) => [label, ...withOutcomes.map((s) => value(s.outcomes))]),
  ]);
}

function countersTable(strategies: readonly ReportedStrategy[]): string {
  const counters = Object.keys(strategies[0]?.counters ?? {});
  if (counters.length === 0) return '';
  return table([
    ['strategy', ...counters],
    ...strategies.map((s) => [
      s.label,
      ...counters.map((c) => formatNumber(s.counters[c]?.perIndividual ?? Number.NaN)),
    ]),
  ]);
}

export function formatReport(report: RunReport): string {
  const { strategies } = report;
  const hasOutcomes = strategies.some((s) => s.outcomes !== undefined);
  const quantities = report.quantityChannels ?? [];
  return [
    `sarcsim ${report.version} · model ${report.model} · ${report.patients.toLocaleString('en-US')} patients · seed ${report.seed} · horizon ${report.horizonYears} years`,
    `scenario ${report.scenarioHash.slice(0, 16)} (with the calibration) · calibration set ${report.calibration.name} (${report.calibration.hash.slice(0, 12)}), calibrated parameters at the posterior mean`,
    '',
    'Discounted, per patient (mean ± Monte Carlo standard error)',
    rewardsTable(strategies, 'discounted', quantities),
    '',
    ...(report.economics === undefined
      ? []
      : [formatIncremental(report.economics.incremental, report.economics.currency, report.economics.precision), '']),
    'Undiscounted, per patient',
    rewardsTable(strategies, 'undiscounted', quantities),
    '',
    ...(quantities.length === 0
      ? []
      : [
          'Quantities per patient, discounted as what they price (valuation after simulation)',
          quantitiesTable(strategies, quantities),
          '',
        ]),
    hasOutcomes ? 'Outcomes (counted from cohort entry unless marked)' : 'Per patient',
    hasOutcomes ? outcomesTable(strategies) : countersTable(strategies),
    hasOutcomes
      ? '\nSurvival from detection looks better with earlier detection even when nothing changes (lead time); compare strategies on outcomes from entry.'
      : '',
  ].join('\n');
}
