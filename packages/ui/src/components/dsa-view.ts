// One-way deterministic sensitivity analysis in the browser: pick two strategies, sweep
// every parameter over its 95% range on the same patients, and see the tornado.
import type { DsaResult } from '@sarcsim/model/analyses';
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import { dsaCsvFiles } from '@sarcsim/worker/browser';
import { html, LitElement } from 'lit';
import { tornadoChart } from '../charts/economics-charts.js';
import { downloadText } from '../state/downloads.js';
import type { ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';
import './plot-figure.js';

const money = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const idOf = (s: ScenarioDraft['strategies'][number]) => (typeof s === 'string' ? s : s.id);
const labelOf = (s: ScenarioDraft['strategies'][number]) =>
  typeof s === 'string' ? (NAMED_STRATEGIES.find((n) => n.id === s)?.label ?? s) : s.label;

export class DsaView extends LitElement {
  static override styles = sharedStyles;
  static override properties = {
    draft: { attribute: false },
    result: { attribute: false },
    running: { type: Boolean },
    disabled: { type: Boolean },
    estimateSeconds: { type: Number },
    strategy: { state: true },
    comparator: { state: true },
  };
  declare draft: ScenarioDraft;
  declare result: DsaResult | undefined;
  declare running: boolean;
  declare disabled: boolean;
  declare estimateSeconds: number;
  declare strategy: string | undefined;
  declare comparator: string | undefined;

  private select(label: string, current: string, set: (id: string) => void) {
    return html`<label>${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${this.draft.strategies.map((s) => html`<option value=${idOf(s)} ?selected=${idOf(s) === current}>${labelOf(s)}</option>`)}
      </select>
    </label>`;
  }

  override render() {
    const ids = this.draft.strategies.map(idOf);
    const strategy =
      this.strategy !== undefined && ids.includes(this.strategy) ? this.strategy : (ids[1] ?? ids[0] ?? '');
    const comparator =
      this.comparator !== undefined && ids.includes(this.comparator) ? this.comparator : (ids[0] ?? '');
    const r = this.result;
    return html`<h2>One-way sensitivity analysis</h2>
      <p class="note">Each parameter with a distribution is set to the ends of its 95% interval, one at a time, on the same
        ${Number(this.draft.patients).toLocaleString('en-US')} patients (about 140 runs; fewer patients run faster).</p>
      ${this.select('Strategy', strategy, (id) => (this.strategy = id))}
      ${this.select('Compared with', comparator, (id) => (this.comparator = id))}
      <estimated-run-button label="Run sensitivity analysis" testid="run-dsa" .estimateSeconds=${this.estimateSeconds}
        ?disabled=${this.running || this.disabled || ids.length < 2 || strategy === comparator}
        @confirmed-run=${() => this.dispatchEvent(new CustomEvent('dsa-request', { detail: { strategy, comparator }, bubbles: true, composed: true }))}></estimated-run-button>
      ${
        r === undefined
          ? ''
          : html`<p>Base case: incremental NMB ${money(r.base.outcome)} USD; preferred ${r.base.preferred}.
              ${r.tornado.filter((t) => t.threshold !== null).length} parameter(s) change the preferred strategy within their range.</p>
            <p>${Object.entries(dsaCsvFiles(r)).map(([name, text]) => html`<button class="secondary" @click=${() => downloadText(name, text, 'text/csv')}>${name}</button> `)}</p>
            <plot-figure caption="Tornado: the 15 parameters with the largest swing" name="tornado" .build=${() => tornadoChart(r)}></plot-figure>
            <div class="scroll"><table>
              <thead><tr><th scope="col">Parameter</th><th scope="col">Range</th><th scope="col">Swing</th><th scope="col">Preferred strategy changes at</th></tr></thead>
              <tbody>${r.tornado
                .filter((t) => t.threshold !== null)
                .map(
                  (
                    t,
                  ) => html`<tr><th scope="row">${t.label}</th><td>${t.low.toPrecision(3)} – ${t.high.toPrecision(3)}</td><td>${money(t.swing)}</td>
                  <td>${t.threshold?.value.toPrecision(3)} (${t.threshold?.below} → ${t.threshold?.above})</td></tr>`,
                )}</tbody>
            </table></div>`
      }`;
  }
}
customElements.define('dsa-view', DsaView);

declare global {
  interface HTMLElementTagNameMap {
    'dsa-view': DsaView;
  }
}
