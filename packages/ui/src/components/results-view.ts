// One run's results: the reproducibility stamp, the ICER table, the charts and downloads.
import type { RunReport } from '@sarcsim/model/scenario';
import { incrementalCsv, outcomesCsv } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import * as charts from '../charts/run-charts.js';
import { downloadText } from '../state/downloads.js';
import { sharedStyles } from './shared-styles.js';
import './icer-table.js';
import './plot-figure.js';
import './repro-stamp.js';
import './help-note.js';

const FIGURES: readonly [string, string, (r: RunReport) => Element][] = [
  ['Overall survival from entry (95% bands)', 'survival', charts.survivalChart],
  ['Cumulative incidence of detected liver metastasis', 'detected-liver-metastasis', charts.detectedIncidenceChart],
  ['Burden at first detection', 'burden-at-detection', charts.burdenChart],
  ['Detected liver metastasis ever resected', 'ever-resected', charts.resectedChart],
  ['Scans per patient', 'scans', charts.scansChart],
  ['False positives per patient', 'false-positives', charts.falsePositivesChart],
  ['Deaths by cause', 'deaths', charts.deathsChart],
  [
    'Survival from detection — LEAD-TIME BIASED, do not compare strategies on it',
    'survival-from-detection',
    charts.leadTimeChart,
  ],
];

export class ResultsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .downloads button {
        margin: 0 0.5rem 0.5rem 0;
      }
    `,
  ];
  static override properties = { report: { attribute: false }, seconds: { type: Number } };
  declare report: RunReport;
  declare seconds: number;

  override render() {
    const r = this.report;
    const stem = `sarcsim-${r.scenarioHash.slice(0, 8)}`;
    return html`<h2>Results</h2>
      <repro-stamp .version=${r.version} .seed=${r.seed} .patients=${r.patients} .hash=${r.scenarioHash}
        .extra=${` · ${r.strategies.length} strategies · ${this.seconds.toFixed(1)} s`}></repro-stamp>
      <help-note heading="How to read the results">
        <p>Every strategy ran on the same simulated patients, so differences between strategies come from the strategies,
          not from chance. Costs and QALYs are discounted means per patient. Survival from detection looks better when
          disease is found earlier even if nothing else changes (lead time): compare strategies on outcomes counted from entry.</p>
      </help-note>
      <div class="downloads">
        <button class="secondary" data-testid="download-json" @click=${() => downloadText(`${stem}.json`, JSON.stringify(r, null, 2), 'application/json')}>Download JSON</button>
        <button class="secondary" data-testid="download-csv" @click=${() => downloadText(`${stem}-outcomes.csv`, outcomesCsv(r), 'text/csv')}>Download outcomes CSV</button>
        ${r.economics === undefined ? '' : html`<button class="secondary" @click=${() => downloadText(`${stem}-incremental.csv`, incrementalCsv(r.economics as NonNullable<RunReport['economics']>), 'text/csv')}>Download ICER table CSV</button>`}
      </div>
      ${r.economics === undefined ? '' : html`<h3>Cost-effectiveness</h3><icer-table .economics=${r.economics}></icer-table>`}
      <div class="grid">
        ${FIGURES.map(([caption, name, build]) => html`<plot-figure caption=${caption} name=${`${stem}-${name}`} .build=${() => build(r)}></plot-figure>`)}
      </div>`;
  }
}
customElements.define('results-view', ResultsView);

declare global {
  interface HTMLElementTagNameMap {
    'results-view': ResultsView;
  }
}
