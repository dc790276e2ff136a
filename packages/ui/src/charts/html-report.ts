// The report: one self-contained HTML file (no scripts, no external resources) that a reader
// can open, file and print to PDF: the scenario, the verdict, the ICER table, the charts with
// titles and legends, the sources of every edited parameter, the CHEERS 2022 items the tool
// can fill, and the reproducibility stamp.
import type { PsaResult } from '@sarcsim/model/analyses';
import type { RunEconomics } from '@sarcsim/model/economics';
import { EVIDENCE_BY_ID, sourceText } from '@sarcsim/model/sarcoma';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import { standaloneChart } from '../state/downloads.js';
import type { RunRecord } from '../state/results-state.js';
import { defaultValue } from '../state/scenario-draft.js';
import { intervalText, type Verdict } from '../state/verdict.js';
import type { RunFigure } from './run-figures.js';
import { stampText } from './run-figures.js';

const escapeHtml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);
const money = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : Math.round(v).toLocaleString('en-US'));

export interface ReportInput {
  readonly record: RunRecord;
  readonly economics: RunEconomics;
  readonly verdict: Verdict;
  readonly figures: readonly RunFigure[];
  /** A PSA of the same scenario, when one exists. */
  readonly psa?: PsaResult;
}

function icerTable(e: RunEconomics): string {
  const label = (id: string | null) =>
    id === null ? '' : escapeHtml(e.strategies.find((s) => s.id === id)?.label ?? id);
  const rows = [...e.incremental.rows].sort((a, b) => a.cost - b.cost);
  return `<table><thead><tr><th>Strategy</th><th>Status</th><th>ICER</th><th>Cost</th><th>QALYs</th><th>Compared with</th><th>Δ cost</th><th>Δ QALYs</th><th>NMB</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th>${label(r.id)}${r.id === e.incremental.preferred ? ' <strong>(preferred)</strong>' : ''}</th><td>${r.status}</td><td>${money(r.icer)}</td><td>${money(r.cost)}</td><td>${r.effect.toFixed(4)}</td><td>${label(r.comparator)}</td><td>${money(r.incrementalCost)}</td><td>${r.incrementalEffect === null ? '' : r.incrementalEffect.toFixed(4)}</td><td>${money(r.netMonetaryBenefit)}</td></tr>`,
    )
    .join('')}</tbody></table>
  <p class="note">${e.currency}, discounted, per patient. ND on the efficiency frontier, D dominated, ED extendedly dominated. ${e.precision === undefined ? '' : ` Paired Monte Carlo standard errors of the increments, ${e.precision.patients.toLocaleString('en-US')} patients.`}</p>`;
}

function editedParameters(scenario: SarcomaScenario): string {
  const ids = Object.keys(scenario.parameters).sort();
  if (ids.length === 0)
    return '<p>No parameter was edited: every value is the registry’s (or the committed calibration’s).</p>';
  return `<table><thead><tr><th>Parameter</th><th>Value used</th><th>Default</th><th>Source of the default</th></tr></thead><tbody>${ids
    .map((id) => {
      const r = EVIDENCE_BY_ID.get(id);
      return `<tr><th>${escapeHtml(r?.label ?? id)}<br><span class="note">${escapeHtml(id)}</span></th><td>${scenario.parameters[id]}</td><td>${r === undefined ? '' : defaultValue(id)}</td><td>${r === undefined ? '' : escapeHtml(sourceText(r.source, 'citation'))}</td></tr>`;
    })
    .join(
      '',
    )}</tbody></table><p class="note">Edited values are the analyst’s choice; give the reason for each in the text that accompanies this report.</p>`;
}

function cheers(input: ReportInput): string {
  const s = input.record.scenario;
  const strategies = input.economics.strategies.map((x) => escapeHtml(x.label)).join('; ');
  const psa = input.psa;
  const items: [string, string][] = [
    ['7 Comparators', strategies],
    ['9 Time horizon', `${s.horizonYears} years (lifetime for most patients)`],
    ['10 Discount rate', `costs ${100 * s.discountRates.costs}% and effects ${100 * s.discountRates.effects}% a year`],
    ['11 Selection of outcomes', 'quality-adjusted life-years (QALYs) and life-years, per patient'],
    [
      '14 Measurement and valuation of resources and costs',
      'unit costs of imaging, work-up, resection, ablation, systemic therapy and end of life from the evidence registry (sources in the app’s Parameters tab and below for edited values)',
    ],
    ['15 Currency, price date and conversion', `${input.economics.currency}; price dates as in each cost’s source`],
    [
      '16 Rationale and description of model',
      `individual-level Monte Carlo microsimulation (sarcsim ${escapeHtml(input.record.report.version)}), ${s.patients.toLocaleString('en-US')} simulated patients, every strategy on the same patients (common random numbers)`,
    ],
    [
      '17 Analytics and assumptions',
      `life table ${escapeHtml(s.lifeTable)}; treatment effect ${s.treatmentEffect}; synchronous liver disease rule ${s.synchronousRule}; committed calibration of unobservable parameters`,
    ],
    [
      '19 Characterising uncertainty',
      psa === undefined
        ? 'no probabilistic sensitivity analysis in this report'
        : `probabilistic sensitivity analysis, ${psa.summary.draws} draws × ${psa.summary.patientsPerDraw.toLocaleString('en-US')} patients per draw`,
    ],
    [
      '23 Summary of main results',
      `${escapeHtml(input.verdict.preferred.label)} preferred at ${money(input.verdict.willingnessToPay)} ${input.verdict.currency} per QALY (table above)`,
    ],
    [
      '24 Effect of uncertainty',
      input.verdict.probabilityCostEffective === null
        ? 'not assessed here (no PSA of this scenario)'
        : `probability cost-effective ${(100 * input.verdict.probabilityCostEffective).toFixed(0)}%; EVPI ${money(psa?.summary.atThreshold.evpiPerPatient ?? null)} ${input.economics.currency} per patient`,
    ],
  ];
  return `<table><tbody>${items.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>
  <p class="note">The other CHEERS 2022 items (title, abstract, background, plan, population, setting, perspective, health outcomes’ valuation, heterogeneity, equity, engagement, discussion, funding, conflicts) are the author’s to write.</p>`;
}

function verdictText(v: Verdict): string {
  const c = v.currency;
  return `<p><strong>${escapeHtml(v.preferred.label)}</strong> is preferred at ${money(v.willingnessToPay)} ${c} per QALY.</p><ul>
    ${v.cheaper === null ? '<li>It is the least costly frontier strategy.</li>' : `<li>ICER against ${escapeHtml(v.cheaper.label)}: ${money(v.cheaper.icer)} ${c} per QALY${v.cheaper.interval === null ? '' : ` (${intervalText(v.cheaper.interval)})`}.</li>`}
    ${v.costlier === null ? '' : `<li>The next costlier frontier strategy, ${escapeHtml(v.costlier.label)}, costs ${money(v.costlier.icer)} ${c} per extra QALY.</li>`}
    ${v.runnerUp === null ? '' : `<li>Incremental net monetary benefit over ${escapeHtml(v.runnerUp.label)}: ${money(v.runnerUp.inmb)}${v.runnerUp.mcse === null ? '' : ` ± ${money(v.runnerUp.mcse)}`} ${c} per patient.</li>`}
    ${
      v.resolution === null
        ? ''
        : v.resolution.preferred && v.resolution.frontier
          ? `<li>With ${v.resolution.patients.toLocaleString('en-US')} patients every comparison the decision rests on is at least 2 paired Monte Carlo standard errors from its boundary.</li>`
          : `<li><strong>This patient count (${v.resolution.patients.toLocaleString('en-US')}) cannot resolve the ${v.resolution.preferred ? 'frontier' : 'preferred strategy'}</strong>${v.resolution.patientsToResolve === null ? ': the strategies tie.' : `; about ${Math.ceil(v.resolution.patientsToResolve).toLocaleString('en-US')} patients would.`}</li>`
    }
    <li>${v.probabilityCostEffective === null ? 'Probability cost-effective: no PSA of this scenario.' : `Probability cost-effective (PSA): ${(100 * v.probabilityCostEffective).toFixed(0)}%.`}</li></ul>`;
}

export function htmlReport(input: ReportInput): string {
  const { record } = input;
  const stamp = stampText(record.report);
  const figures = input.figures.map((f) => `<figure>${standaloneChart(f.build(), f.title, stamp)}</figure>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>sarcsim report ${record.report.scenarioHash.slice(0, 8)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.4}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}th,td{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}.note{color:#4a4a4a;font-size:.85rem}
pre{white-space:pre-wrap;font-size:.78rem;background:#f6f6f6;padding:.5rem}figure{margin:1rem 0;break-inside:avoid}svg{max-width:100%;height:auto}
@media print{body{max-width:none;margin:0}section{break-inside:avoid-page}h2{break-after:avoid}}
</style></head><body>
<h1>sarcsim: surveillance strategies for liver metastases of soft-tissue sarcoma</h1>
<p class="note" data-testid="report-stamp">${escapeHtml(stamp)} · horizon ${record.report.horizonYears} years</p>
<section><h2>Verdict</h2>${verdictText(input.verdict)}</section>
<section><h2>Incremental cost-effectiveness</h2>${icerTable(input.economics)}</section>
<section><h2>Charts</h2>${figures}</section>
<section><h2>Edited parameters and their sources</h2>${editedParameters(record.scenario)}</section>
<section><h2>CHEERS 2022 items the tool can fill</h2>${cheers(input)}</section>
<section><h2>Scenario</h2><p class="note">This JSON reproduces the run (the web app opens it; <code>sarcsim run</code> takes it as a file).</p><pre>${escapeHtml(JSON.stringify(record.scenario, null, 2))}</pre></section>
</body></html>
`;
}
