// One-way deterministic sensitivity analysis in the browser: pick two strategies, sweep every
// parameter over its 95% range on the same patients, and see the tornado. Only the two chosen
// strategies are run, so every threshold names one of them.
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import { dsaCsvFiles } from '@sarcsim/worker/browser';
import { html, LitElement } from 'lit';
import { sameDirection, tornadoChart } from '../charts/economics-charts.js';
import { downloadText } from '../state/downloads.js';
import type { DsaRecord, Freshness } from '../state/results-state.js';
import { type ScenarioDraft, type StrategyDraft, strategyId } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';
import './plot-figure.js';

const money = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const labelOf = (s: string | StrategyDraft) =>
  typeof s === 'string' ? (NAMED_STRATEGIES.find((n) => n.id === s)?.label ?? s) : s.label;

export class DsaView extends LitElement {
  static override styles = [sharedStyles];
  static override properties = {
    draft: { attribute: false },
    record: { attribute: false },
    freshness: { attribute: false },
    running: { type: Boolean },
    disabled: { type: Boolean },
    estimateSeconds: { type: Number },
    strategy: { state: true },
    comparator: { state: true },
  };
  declare draft: ScenarioDraft;
  declare record: DsaRecord | undefined;
  declare freshness: Freshness | undefined;
  declare running: boolean;
  declare disabled: boolean;
  declare estimateSeconds: number;
  declare strategy: string | undefined;
  declare comparator: string | undefined;

  private select(label: string, current: string, set: (id: string) => void) {
    return html`<label>${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${this.draft.strategies.map((s) => html`<option value=${strategyId(s)} ?selected=${strategyId(s) === current}>${labelOf(s)}</option>`)}
      </select>
    </label>`;
  }

  /** The pair the next DSA compares. */
  get pair(): { strategy: string; comparator: string } {
    const ids = this.draft.strategies.map(strategyId);
    const strategy =
      this.strategy !== undefined && ids.includes(this.strategy) ? this.strategy : (ids[1] ?? ids[0] ?? '');
    const comparator =
      this.comparator !== undefined && ids.includes(this.comparator) ? this.comparator : (ids[0] ?? '');
    return { strategy, comparator };
  }

  private results(record: DsaRecord) {
    const r = record.result;
    const label = (id: string) =>
      record.scenario.strategies.map((s) => [strategyId(s), labelOf(s)]).find(([i]) => i === id)?.[1] ?? id;
    const flagged = r.tornado.slice(0, 15).filter((t) => sameDirection(t, r.base.outcome)).length;
    return html`<h3>Results of the last sensitivity analysis</h3>
      <p data-testid="dsa-settings">Run with ${record.scenario.patients.toLocaleString('en-US')} patients, seed ${record.scenario.seed},
        at ${money(r.willingnessToPay)} USD per QALY: ${label(r.outcome.strategy)} against ${label(r.outcome.comparator)}.</p>
      ${
        this.freshness === undefined || this.freshness.current
          ? ''
          : html`<p class="stale" role="status" data-testid="dsa-stale">This analysis is of an earlier scenario: changed since: ${this.freshness.changed.join(', ')}.</p>`
      }
      <p>Base case: incremental NMB ${money(r.base.outcome)} USD; preferred ${label(r.base.preferred)}.
        ${r.tornado.filter((t) => t.threshold !== null).length} parameter(s) change the preferred strategy within their range.</p>
      <p data-testid="dsa-repriced">${r.simulations.toLocaleString('en-US')} simulations; ${r.tornado.filter((t) => t.repriced).length} price and utility
        parameters were valued on the base run's quantities instead (exact, no new simulation; their thresholds to full precision).</p>
      ${flagged === 0 ? '' : html`<p class="note" data-testid="dsa-noise">⚠ ${flagged} of the rows shown move the outcome the same way at both ends of their range: a non-monotone effect or, more likely with ${record.scenario.patients.toLocaleString('en-US')} patients, simulation noise. Rerun with more patients before reading them.</p>`}
      <p>${Object.entries(dsaCsvFiles(r)).map(([name, text]) => html`<button class="secondary" @click=${() => downloadText(name, text, 'text/csv')}>${name}</button> `)}</p>
      <plot-figure caption="Tornado: the 15 parameters with the largest swing" name="tornado"
        stamp=${`sarcsim ${r.version} · seed ${record.scenario.seed} · ${record.scenario.patients.toLocaleString('en-US')} patients · scenario ${r.scenarioHash.slice(0, 16)}`}
        .build=${() => tornadoChart(r, label)}></plot-figure>
      <div class="scroll"><table>
        <thead><tr><th scope="col">Parameter</th><th scope="col">Range</th><th scope="col">Swing</th><th scope="col">Preferred strategy changes at</th></tr></thead>
        <tbody>${r.tornado
          .filter((t) => t.threshold !== null)
          .map(
            (
              t,
            ) => html`<tr><th scope="row">${t.label}</th><td>${t.low.toPrecision(3)} – ${t.high.toPrecision(3)}</td><td>${money(t.swing)}</td>
            <td>${t.threshold?.value.toPrecision(t.repriced ? 6 : 3)} (${label(t.threshold?.below ?? '')} → ${label(t.threshold?.above ?? '')})${t.repriced ? ' · re-priced, exact' : ''}</td></tr>`,
          )}</tbody>
      </table></div>`;
  }

  override render() {
    const { strategy, comparator } = this.pair;
    return html`<h2>One-way sensitivity analysis</h2>
      <p class="note">Each parameter with a distribution is set to the ends of its 95% interval, one at a time, on the same
        ${Number(this.draft.patients).toLocaleString('en-US')} patients, for the two strategies chosen here (one run per end, except price and utility parameters, which are re-priced;
        fewer patients run faster).</p>
      ${this.select('Strategy', strategy, (id) => (this.strategy = id))}
      ${this.select('Compared with', comparator, (id) => (this.comparator = id))}
      <estimated-run-button label="Run sensitivity analysis" testid="run-dsa" .estimateSeconds=${this.estimateSeconds}
        ?disabled=${this.running || this.disabled || this.draft.strategies.length < 2 || strategy === comparator}
        @confirmed-run=${() => this.dispatchEvent(new CustomEvent('dsa-request', { detail: { strategy, comparator }, bubbles: true, composed: true }))}></estimated-run-button>
      ${this.record === undefined ? '' : this.results(this.record)}`;
  }
}
customElements.define('dsa-view', DsaView);

declare global {
  interface HTMLElementTagNameMap {
    'dsa-view': DsaView;
  }
}
