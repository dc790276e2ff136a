// Probabilistic sensitivity analysis in the browser: settings, then the CE plane, CEAC with
// the acceptability frontier, EVPI and EVPPI.
import type { PsaResult } from '@sarcsim/model/analyses';
import { psaCsvFiles } from '@sarcsim/worker/browser';
import { html, LitElement } from 'lit';
import { ceacChart, cePlaneChart, evpiChart } from '../charts/economics-charts.js';
import { downloadText } from '../state/downloads.js';
import type { Freshness } from '../state/results-state.js';
import { problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';
import './help-note.js';
import './plot-figure.js';
import './repro-stamp.js';

const money = (v: number | null) => (v === null ? '–' : Math.round(v).toLocaleString('en-US'));

export class PsaView extends LitElement {
  static override styles = [sharedStyles];
  static override properties = {
    draft: { attribute: false },
    problems: { attribute: false },
    result: { attribute: false },
    freshness: { attribute: false },
    seconds: { type: Number },
    running: { type: Boolean },
    estimateSeconds: { type: Number },
  };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];
  declare result: PsaResult | undefined;
  declare freshness: Freshness | undefined;
  /** How long the shown PSA took. */
  declare seconds: number;
  declare running: boolean;
  declare estimateSeconds: number;

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private downloads(r: PsaResult) {
    const files = psaCsvFiles(r);
    return html`<p>
      <button class="secondary" @click=${() => downloadText('sarcsim-psa.json', JSON.stringify(r, null, 2), 'application/json')}>Download JSON</button>
      ${Object.keys(files).map((name) => html`<button class="secondary" @click=${() => downloadText(name, files[name] ?? '', 'text/csv')}>${name}</button> `)}
    </p>`;
  }

  override render() {
    const draws = this.draft.economics.psa.draws;
    const problems = problemsAt(this.problems, 'economics.psa');
    const r = this.result;
    return html`<h2>Uncertainty (probabilistic sensitivity analysis)</h2>
      <help-note heading="What this does">
        <p>Each draw samples every parameter from its distribution (Parameters tab), simulates all strategies on the same
          patients, and records mean costs and QALYs. Patients per draw are the run's patient count; with few patients per
          draw, simulation noise adds to the spread and EVPI reads high (docs/economics.md shows by how much).</p>
      </help-note>
      <label>Draws
        <input type="number" min="1" step="1" .value=${String(draws)} aria-invalid=${problems.length > 0 ? 'true' : 'false'}
          @change=${(e: Event) => this.emit('draft-change', { ...this.draft, economics: { ...this.draft.economics, psa: { ...this.draft.economics.psa, draws: Number((e.target as HTMLInputElement).value) } } })} />
        <field-problems .problems=${problems}></field-problems>
      </label>
      <p class="note">Next PSA: ${draws} draws × ${Number(this.draft.patients).toLocaleString('en-US')} patients per draw × ${this.draft.strategies.length} strategies; set the patients per draw on the Run tab (1,000–5,000 is usual here).</p>
      <estimated-run-button label="Run PSA" testid="run-psa" .estimateSeconds=${this.estimateSeconds}
        ?disabled=${this.running || this.problems.length > 0} @confirmed-run=${() => this.emit('psa-request')}></estimated-run-button>
      ${
        r === undefined
          ? ''
          : html`<h3>Results of the last PSA</h3>
            <p data-testid="psa-settings">Run with <strong>${r.summary.draws} draws × ${r.summary.patientsPerDraw.toLocaleString('en-US')} patients per draw</strong>
              × ${r.strategies.length} strategies, seed ${r.scenario.seed}; took <span data-testid="psa-seconds">${this.seconds.toFixed(1)}</span> s; shown at ${money(r.summary.willingnessToPay)} USD per QALY.</p>
            ${
              this.freshness === undefined || this.freshness.current
                ? ''
                : html`<p class="stale" role="status" data-testid="psa-stale">This PSA is of an earlier scenario: changed since: ${this.freshness.changed.join(', ')}. Run the PSA again for the current one.</p>`
            }
            <repro-stamp .version=${r.version} .seed=${r.scenario.seed} .patients=${r.summary.patientsPerDraw} .hash=${r.scenarioHash} .extra=${` per draw · ${r.summary.draws} draws`}></repro-stamp>
            ${this.downloads(r)}
            <p>EVPI at ${money(r.summary.willingnessToPay)} USD per QALY: <strong>${money(r.summary.atThreshold.evpiPerPatient)}</strong> per patient,
              ${money(r.summary.evpiPopulation)} for the population (${money(r.summary.effectivePopulation)} discounted patients).</p>
            <div class="grid">
              <plot-figure caption="Cost-effectiveness plane (each dot a draw; dashed: the threshold)" name="ce-plane" .build=${() => cePlaneChart(r)}></plot-figure>
              <plot-figure caption="Acceptability curves (diamonds: the acceptability frontier)" name="ceac" .build=${() => ceacChart(r)}></plot-figure>
              <plot-figure caption="Expected value of perfect information" name="evpi" .build=${() => evpiChart(r)}></plot-figure>
            </div>
            <h3>EVPPI by parameter group</h3>
            <table>
              <thead><tr><th scope="col">Group</th><th scope="col">Parameters</th><th scope="col">Per patient</th><th scope="col">Population</th><th scope="col">Note</th></tr></thead>
              <tbody>${r.summary.evppi.map((g) => html`<tr><th scope="row">${g.group}</th><td>${g.parameterIds.length}</td><td>${money(g.atThresholdPerPatient)}</td><td>${money(g.atThresholdPopulation)}</td><td class="note">${g.note}</td></tr>`)}</tbody>
            </table>`
      }`;
  }
}
customElements.define('psa-view', PsaView);

declare global {
  interface HTMLElementTagNameMap {
    'psa-view': PsaView;
  }
}
