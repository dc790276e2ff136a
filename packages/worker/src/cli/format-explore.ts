// Plain-text view of an exploration: the stages, the fresh frontier with paired ICER
// intervals, the optimum at the reported thresholds and the size of the selection correction.
import type { ExploreResult, FrontierPsa } from '@sarcsim/model/analyses';
import type { ContrastEstimate } from '@sarcsim/model/economics';
import { icerIntervalText } from './format-economics.js';
import { formatNumber, table } from './text-table.js';

const money = (v: number | null) => formatNumber(v, 0);
const pm = (e: ContrastEstimate | null | undefined, digits: number) =>
  e === null || e === undefined ? '' : `${formatNumber(e.mean, digits)} ± ${formatNumber(e.mcse, digits)}`;

export function formatExplore(result: ExploreResult): string {
  const lines = [
    `Explored ${formatNumber(result.candidates, 0)} candidates (${formatNumber(result.duplicates, 0)} level combinations were the same policy) against ${result.comparator.id}; seed ${result.seed}`,
    table([
      ['stage', 'patients', 'candidates', 'runs', 'kept', 'leaders in every run'],
      ...result.stages.map((s) => [
        String(s.stage + 1),
        formatNumber(s.patients, 0),
        String(s.candidates),
        String(s.runs),
        String(s.kept),
        (s.leaders ?? []).join(' '),
      ]),
      ['fresh', formatNumber(result.fresh.patients, 0), '', String(result.fresh.runs), '', ''],
    ]),
    `Rule: kept if, at some threshold ${money(result.search.thresholds.min)}–${money(result.search.thresholds.max)} ${result.currency}/QALY, neither the best nor a leader beats its net benefit by more than ${result.search.keepWithinMcse} MCSEs of the difference (paired against the leaders, bounded otherwise).`,
    '',
    `Efficient frontier, re-evaluated on fresh streams (replicate ${result.freshReplicate}) at ${formatNumber(result.fresh.patients, 0)} patients (${result.currency}, per patient, ± paired MCSE):`,
    table([
      ['strategy', 'cost', 'QALYs', 'Δcost', 'ΔQALYs', 'ICER', '95% Fieller interval'],
      ...result.frontier.map((f) => [
        f.id,
        money(f.estimate.cost.mean),
        formatNumber(f.estimate.qalys.mean, 4),
        pm(f.incrementalCost, 0),
        pm(f.incrementalQalys, 5),
        f.icer === null ? '' : money(f.icer),
        icerIntervalText(f.icerInterval),
      ]),
    ]),
    '',
    `Optimal schedule (fresh; INMB against ${result.comparator.id}, and on the selection streams):`,
    table([
      ['threshold', 'optimal', 'INMB (fresh)', 'INMB (selected)', 'margin over runner-up'],
      ...result.atReportThresholds.map((t) => [
        money(t.willingnessToPay),
        `${t.optimal} (${t.optimalLabel})`,
        pm(t.inmbVsComparator, 1),
        t.selectedInmbVsComparator === null ? '' : formatNumber(t.selectedInmbVsComparator.mean, 1),
        t.runnerUp === null ? '' : `${pm(t.marginOverRunnerUp, 1)} over ${t.runnerUp}`,
      ]),
    ]),
    '',
    `Patient histories: ${formatNumber(result.historiesTotal, 0)} in all (${formatNumber(result.historiesTotal / result.candidates, 0)} per candidate).`,
    ...(result.frontierPsa === undefined ? [] : ['', ...formatFrontierPsa(result.frontierPsa)]),
  ];
  return lines.join('\n');
}

const percent = (e: ContrastEstimate | undefined) =>
  e === undefined ? '' : `${formatNumber(100 * e.mean, 1)}% ± ${formatNumber(100 * e.mcse, 1)}`;

/** The CEAF at the reported thresholds: each strategy's probability of being optimal, and the frontier's choice. */
function formatFrontierPsa(psa: FrontierPsa): string[] {
  const ids = psa.strategies.map((s) => s.id);
  return [
    `Probability of being optimal: PSA of the frontier and the comparator, ${formatNumber(psa.draws, 0)} draws of ${formatNumber(psa.patientsPerDraw, 0)} patients (calibrated parameters: ${psa.calibratedParameters}; ± binomial MCSE over draws; patient noise within a draw adds to the spread):`,
    table([
      [
        'threshold',
        'CEAF (highest expected NMB)',
        'P(optimal)',
        'most likely other',
        'NMB diff. SD over draws',
        'its patient-noise MCSE',
      ],
      ...psa.atReportThresholds.map((p) => {
        const others = ids
          .map((id, i) => ({ id, p: p.probabilityOptimal[i] as ContrastEstimate }))
          .filter((o) => o.id !== p.optimal)
          .sort((a, b) => b.p.mean - a.p.mean);
        const other = others[0];
        return [
          money(p.willingnessToPay),
          p.optimal,
          percent(p.probabilityOfOptimal),
          other === undefined ? '' : `${other.id} ${percent(other.p)}`,
          p.rivalDifferenceSd === null ? '' : `${money(p.rivalDifferenceSd)} vs ${p.rival}`,
          money(p.rivalDifferenceInnerMcse),
        ];
      }),
    ]),
    ...(psa.omitted.length === 0
      ? []
      : [`Left out of the PSA (a run holds 12 strategies): ${psa.omitted.join(', ')}.`]),
  ];
}
