// Plain-text tables for the CLI: costs and effects per strategy (mean ± MCSE), then the
// model's outcomes (for the sarcoma model) or its counters per patient.
import type { SarcomaOutcomes } from '@sarcsim/model/sarcoma';
import type { ReportedStrategy, RunReport } from '@sarcsim/model/scenario';
import { formatIncremental } from './format-economics.js';
import { formatNumber, percent, table } from './text-table.js';

function rewardsTable(strategies: readonly ReportedStrategy[], kind: 'discounted' | 'undiscounted'): string {
  const channels = Object.keys(strategies[0]?.rewards ?? {});
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

const OUTCOME_ROWS: readonly [string, (o: SarcomaOutcomes) => string][] = [
  ['Liver metastasis detected (by horizon)', (o) => percent(o.livermetDetected)],
  ['  found by surveillance, per patient', (o) => formatNumber(o.detectedBySurveillance)],
  ['  found by symptoms, per patient', (o) => formatNumber(o.detectedBySymptoms)],
  ['At first detection: lesions (mean)', (o) => formatNumber(o.atDetection.meanLesions, 2)],
  ['  largest lesion, mm (mean)', (o) => formatNumber(o.atDetection.meanLargestMm, 1)],
  ['  multiple lesions', (o) => percent(o.atDetection.multiple)],
  ['  bilobar', (o) => percent(o.atDetection.bilobar)],
  ['  oligometastatic (≤5 lesions, ≤2 sites)', (o) => percent(o.atDetection.oligometastatic)],
  ['  resected', (o) => percent(o.atDetection.resected)],
  ['  inside the synchronous window (6 months)', (o) => percent(o.atDetection.inSynchronousWindow)],
  ['  labelled synchronous (systemic first)', (o) => percent(o.atDetection.synchronous)],
  ['Found by symptoms: share of first detections', (o) => percent(o.atSymptomaticDetection.share)],
  ['  lesions (mean)', (o) => formatNumber(o.atSymptomaticDetection.meanLesions, 2)],
  ['  largest lesion, mm (mean)', (o) => formatNumber(o.atSymptomaticDetection.meanLargestMm, 1)],
  ['  oligometastatic', (o) => percent(o.atSymptomaticDetection.oligometastatic)],
  ['  resected', (o) => percent(o.atSymptomaticDetection.resected)],
  ['Detected liver metastasis ever resected', (o) => percent(o.detectedEverResected)],
  ['Extrahepatic metastasis, per patient', (o) => formatNumber(o.extrahepatic.occurred, 3)],
  ['  found', (o) => formatNumber(o.extrahepatic.detected, 3)],
  ['  lung metastasectomies', (o) => formatNumber(o.extrahepatic.lungMetastasectomies, 4)],
  ['  systemic courses for it', (o) => formatNumber(o.extrahepatic.systemicTherapies, 4)],
  ['Local recurrences per patient', (o) => formatNumber(o.localRecurrences, 3)],
  ['Surveillance scans per patient', (o) => formatNumber(o.surveillanceScans, 2)],
  ['Post-treatment follow-up scans per patient', (o) => formatNumber(o.followUpScans, 3)],
  ['False positives (work-ups) per patient', (o) => formatNumber(o.falsePositives, 3)],
  ['Liver resections per patient', (o) => formatNumber(o.resections, 4)],
  ['Ablations per patient', (o) => formatNumber(o.ablations, 4)],
  ['Systemic therapy courses per patient', (o) => formatNumber(o.systemicTherapies, 4)],
  ['Deaths from metastatic cancer (by horizon)', (o) => percent(o.deaths.cancer)],
  ['Deaths from local recurrence (by horizon)', (o) => percent(o.deaths.localRecurrence)],
  ['Deaths from other causes (by horizon)', (o) => percent(o.deaths.otherCauses)],
  ['Overall survival from entry, 2 years', (o) => percent(o.survivalFromEntry.years2)],
  ['  5 years', (o) => percent(o.survivalFromEntry.years5)],
  ['  10 years', (o) => percent(o.survivalFromEntry.years10)],
  ['Survival from detection, 1 year (LEAD-TIME BIASED)', (o) => percent(o.leadTimeBiasedSurvivalFromDetection.years1)],
  ['  2 years (LEAD-TIME BIASED)', (o) => percent(o.leadTimeBiasedSurvivalFromDetection.years2)],
];

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
  return [
    `sarcsim ${report.version} · model ${report.model} · ${report.patients.toLocaleString('en-US')} patients · seed ${report.seed} · horizon ${report.horizonYears} years`,
    `scenario ${report.scenarioHash.slice(0, 16)}`,
    '',
    'Discounted, per patient (mean ± Monte Carlo standard error)',
    rewardsTable(strategies, 'discounted'),
    '',
    ...(report.economics === undefined
      ? []
      : [formatIncremental(report.economics.incremental, report.economics.currency, report.economics.precision), '']),
    'Undiscounted, per patient',
    rewardsTable(strategies, 'undiscounted'),
    '',
    hasOutcomes ? 'Outcomes (counted from cohort entry unless marked)' : 'Per patient',
    hasOutcomes ? outcomesTable(strategies) : countersTable(strategies),
    hasOutcomes
      ? '\nSurvival from detection looks better with earlier detection even when nothing changes (lead time); compare strategies on outcomes from entry.'
      : '',
  ].join('\n');
}
