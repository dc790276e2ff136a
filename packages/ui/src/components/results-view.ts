// One run's results: whether they still match the scenario, the verdict, the stamp, the ICER
// table, the decision charts, the outcomes table, downloads, the report and a pinned run to
// compare with.
import type { PsaResult } from '@sarcsim/model/analyses';
import { pairedPrecision, type RunEconomics } from '@sarcsim/model/economics';
import { incrementalCsv, outcomesCsv } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import { htmlReport } from '../charts/html-report.js';
import { runFigures, stampText } from '../charts/run-figures.js';
import { downloadText } from '../state/downloads.js';
import { changedFields, type Freshness, type RunRecord, reportAt } from '../state/results-state.js';
import { byCost, verdictOf } from '../state/verdict.js';
import { sharedStyles } from './shared-styles.js';
import './help-note.js';
import './icer-table.js';
import './outcomes-table.js';
import './plot-figure.js';
import './repro-stamp.js';
import './verdict-panel.js';

const money = (v: number) => Math.round(v).toLocaleString('en-US');

export class ResultsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .downloads button {
        margin: 0 0.5rem 0.5rem 0;
      }
    `,
  ];
  static override properties = {
    record: { attribute: false },
    willingnessToPay: { type: Number },
    freshness: { attribute: false },
    psa: { attribute: false },
    psaNote: {},
    pinned: { attribute: false },
    comparator: { state: true },
  };
  declare record: RunRecord;
  /** The draft's threshold: the economics are recomputed at it from the stored results. */
  declare willingnessToPay: number;
  declare freshness: Freshness;
  /** A PSA of the same scenario at this threshold (for the verdict), if any. */
  declare psa: PsaResult | undefined;
  declare psaNote: string;
  declare pinned: RunRecord | undefined;
  declare comparator: string | undefined;

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private downloads(stem: string, economics: RunEconomics | undefined, order: readonly string[], comparator: string) {
    const r = reportAt(this.record.report, this.willingnessToPay, this.record.moments);
    const verdict = economics === undefined ? undefined : verdictOf(economics, this.psa);
    return html`<div class="downloads">
      <button class="secondary" data-testid="download-json" @click=${() => downloadText(`${stem}.json`, JSON.stringify({ ...r, scenario: this.record.scenario }, null, 2), 'application/json')}>Download results (JSON, with its scenario)</button>
      <button class="secondary" data-testid="download-csv" @click=${() => downloadText(`${stem}-outcomes.csv`, outcomesCsv(r), 'text/csv')}>Download outcomes CSV</button>
      ${economics === undefined ? '' : html`<button class="secondary" @click=${() => downloadText(`${stem}-incremental.csv`, incrementalCsv(economics), 'text/csv')}>Download ICER table CSV</button>`}
      ${
        economics === undefined || verdict === undefined
          ? ''
          : html`<button class="secondary" data-testid="download-report" @click=${() =>
              downloadText(
                `${stem}-report.html`,
                htmlReport({
                  record: this.record,
                  economics,
                  verdict,
                  figures: runFigures(r, economics, order, comparator),
                  ...(this.psa === undefined ? {} : { psa: this.psa }),
                }),
                'text/html',
              )}>Download report (HTML, printable)</button>`
      }
      <button class="secondary" data-testid="pin" @click=${() => this.emit('pin-request', this.record)}>Pin this run to compare</button>
    </div>`;
  }

  private comparison(pinned: RunRecord, economics: RunEconomics | undefined) {
    const then = reportAt(pinned.report, this.willingnessToPay, pinned.moments).economics;
    if (then === undefined || economics === undefined) return '';
    const changed = changedFields(pinned.scenario, this.record.scenario);
    const ids = byCost(economics, [...new Set([...then.strategies, ...economics.strategies].map((s) => s.id))]);
    const cell = (e: RunEconomics, id: string) => {
      const s = e.strategies.find((x) => x.id === id);
      const row = e.incremental.rows.find((x) => x.id === id);
      return s === undefined || row === undefined
        ? html`<td></td><td></td><td></td>`
        : html`<td>${money(s.cost)}</td><td>${s.qalys.toFixed(4)}</td><td>${money(row.netMonetaryBenefit)}${e.incremental.preferred === id ? ' ★' : ''}</td>`;
    };
    const label = (id: string) => [...economics.strategies, ...then.strategies].find((s) => s.id === id)?.label ?? id;
    return html`<h3>Compared with the pinned run</h3>
      <p class="note">Pinned: ${stampText(pinned.report)}. ${changed.length === 0 ? 'Same scenario.' : `Changed since: ${changed.join(', ')}.`} Both at ${money(this.willingnessToPay)} per QALY; ★ preferred.</p>
      <div class="scroll"><table data-testid="pinned-comparison">
        <thead><tr><th scope="col" rowspan="2">Strategy</th><th scope="colgroup" colspan="3">Pinned run</th><th scope="colgroup" colspan="3">This run</th></tr>
          <tr><th scope="col">Cost</th><th scope="col">QALYs</th><th scope="col">NMB</th><th scope="col">Cost</th><th scope="col">QALYs</th><th scope="col">NMB</th></tr></thead>
        <tbody>${ids.map((id) => html`<tr><th scope="row">${label(id)}</th>${cell(then, id)}${cell(economics, id)}</tr>`)}</tbody>
      </table></div>
      <button class="secondary" @click=${() => this.emit('pin-request', undefined)}>Unpin</button>`;
  }

  /** Δcost, ΔQALYs and INMB of every strategy against the chosen comparator, with paired MCSEs. */
  private increments(economics: RunEconomics, order: readonly string[], comparator: string) {
    const moments = this.record.moments;
    if (moments === undefined) return '';
    const precision = pairedPrecision(moments, economics.incremental, comparator);
    const label = (id: string) => economics.strategies.find((s) => s.id === id)?.label ?? id;
    const pm = (e: { mean: number; mcse: number } | undefined, digits: number) =>
      e === undefined
        ? ''
        : `${digits === 0 ? money(e.mean) : e.mean.toFixed(digits)} ± ${digits === 0 ? money(e.mcse) : e.mcse.toFixed(digits)}`;
    return html`<div class="scroll"><table data-testid="increments">
      <caption class="note">Against ${label(comparator)}: mean difference per patient ± paired Monte Carlo standard error; INMB at ${money(economics.willingnessToPay)} ${economics.currency} per QALY</caption>
      <thead><tr><th scope="col">Strategy</th><th scope="col">Δ cost</th><th scope="col">Δ QALYs</th><th scope="col">INMB</th></tr></thead>
      <tbody>${order
        .filter((id) => id !== comparator)
        .map((id) => {
          const c = precision.rows.find((r) => r.id === id)?.vsReference ?? undefined;
          return html`<tr><th scope="row">${label(id)}</th><td>${pm(c?.cost, 0)}</td><td>${pm(c?.qalys, 4)}</td><td>${pm(c?.netBenefit, 0)}</td></tr>`;
        })}</tbody>
    </table></div>`;
  }

  /** Moves focus to the verdict (or the results heading) once a run has finished. */
  async focusVerdict(): Promise<void> {
    await this.updateComplete;
    const panel = this.renderRoot.querySelector('verdict-panel');
    await panel?.updateComplete;
    const target = (panel?.renderRoot.querySelector('h2') ?? this.renderRoot.querySelector('h2')) as HTMLElement | null;
    target?.focus();
  }

  override render() {
    const r = reportAt(this.record.report, this.willingnessToPay, this.record.moments);
    const economics = r.economics;
    const stem = `sarcsim-${r.scenarioHash.slice(0, 8)}`;
    const order = byCost(
      economics,
      r.strategies.map((s) => s.id),
    );
    const comparator =
      this.comparator !== undefined && order.includes(this.comparator) ? this.comparator : (order[0] ?? '');
    const stamp = stampText(r);
    const f = this.freshness;
    return html`${
      f.current
        ? ''
        : html`<p class="stale" role="status" data-testid="stale">These results are from an earlier scenario: changed since the run:
            ${f.changed.join(', ')}. <button @click=${() => this.emit('run-request')}>Re-run</button></p>`
    }
      ${economics === undefined ? '' : html`<verdict-panel .verdict=${verdictOf(economics, this.psa)} psaNote=${this.psaNote}></verdict-panel>`}
      <h2 tabindex="-1">Results</h2>
      <repro-stamp .version=${r.version} .seed=${r.seed} .patients=${r.patients} .hash=${r.scenarioHash}
        .extra=${` · ${r.strategies.length} strategies · ${this.record.seconds.toFixed(1)} s`}></repro-stamp>
      <help-note heading="How to read the results">
        <p>Every strategy ran on the same simulated patients, so differences between strategies come from the strategies,
          not from chance. Costs and QALYs are discounted means per patient. Survival from detection looks better when
          disease is found earlier even if nothing else changes (lead time): compare strategies on outcomes counted from entry.</p>
      </help-note>
      ${this.downloads(stem, economics, order, comparator)}
      ${economics === undefined ? '' : html`<h3>Cost-effectiveness</h3><icer-table .economics=${economics}></icer-table>`}
      ${this.pinned === undefined ? '' : this.comparison(this.pinned, economics)}
      <h3>Outcomes</h3>
      <outcomes-table .strategies=${order.flatMap((id) => r.strategies.filter((s) => s.id === id))}></outcomes-table>
      <h3>Charts</h3>
      <label>Differences against
        <select data-testid="comparator" @change=${(e: Event) => (this.comparator = (e.target as HTMLSelectElement).value)}>
          ${order.map((id) => html`<option value=${id} ?selected=${id === comparator}>${r.strategies.find((s) => s.id === id)?.label ?? id}</option>`)}
        </select>
      </label>
      ${economics === undefined ? '' : this.increments(economics, order, comparator)}
      <div class="grid">
        ${runFigures(r, economics, order, comparator).map(
          (fig) =>
            html`<plot-figure caption=${fig.title} name=${`${stem}-${fig.name}`} stamp=${stamp} .build=${fig.build}></plot-figure>`,
        )}
      </div>`;
  }
}
customElements.define('results-view', ResultsView);

declare global {
  interface HTMLElementTagNameMap {
    'results-view': ResultsView;
  }
}
