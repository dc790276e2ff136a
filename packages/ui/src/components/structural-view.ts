// Structural scenarios in the browser: does the decision survive another reasonable structure?
// Pick the switches, run every level on the same patients (common random numbers), and read one
// row per level: its preferred strategy, whether the decision changes (and whether that change
// is resolved at this patient count), what keeping the base-case decision would forgo, and the
// frontier's ICERs with their Fieller intervals.
import { STRUCTURAL_SWITCHES, type StructuralLevelResult } from '@sarcsim/model/analyses';
import { RESOLVE_Z } from '@sarcsim/model/economics';
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import { structuralCsvFiles } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import { downloadText } from '../state/downloads.js';
import type { Freshness, StructuralRecord } from '../state/results-state.js';
import { type StrategyDraft, strategyId } from '../state/scenario-draft.js';
import { intervalText } from '../state/verdict.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';

const money = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const labelOf = (s: string | StrategyDraft) =>
  typeof s === 'string' ? (NAMED_STRATEGIES.find((n) => n.id === s)?.label ?? s) : s.label;

/** What a level's decision column says. */
function decisionText(level: StructuralLevelResult): string {
  if (!level.decisionChanges) return 'same';
  if (level.decisionChangeResolved === null) return 'changes';
  return level.decisionChangeResolved ? 'changes (resolved)' : 'changes (not resolved at this patient count)';
}

/** Whether the level's own preferred strategy beats every other by RESOLVE_Z paired SE, or the patients that would make it. */
function choiceText(level: StructuralLevelResult): string {
  const summary = level.precision?.preferred;
  if (summary === undefined) return '';
  if (summary.resolved) return 'resolved at this patient count';
  return summary.patientsToResolve === null
    ? 'not resolved'
    : `not resolved: about ${Math.round(summary.patientsToResolve).toLocaleString('en-US')} patients would resolve it`;
}

/** The INMB is exactly 0 when the decision stands (the same strategy), so only a change carries its MCSE. */
function inmbText(level: StructuralLevelResult): string {
  const inmb = money(level.incrementalNetBenefitVsBasePreferred);
  if (!level.decisionChanges || level.incrementalNetBenefitMcse === null) return inmb;
  return `${inmb} ± ${money(level.incrementalNetBenefitMcse)}`;
}

export class StructuralView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid #ccc;
        margin: 0.5rem 0;
      }
      fieldset label {
        display: block;
      }
      /* Words read left-aligned; only the INMB column is a number. */
      table th,
      table td {
        text-align: left;
        vertical-align: top;
      }
      table td.number {
        text-align: right;
      }
      tr.changes td.decision {
        font-weight: bold;
      }
      tbody.switch {
        border-top: 2px solid #999;
      }
      ol.frontier {
        margin: 0;
        padding-left: 1.2rem;
      }
    `,
  ];
  static override properties = {
    patients: { type: Number },
    record: { attribute: false },
    freshness: { attribute: false },
    running: { type: Boolean },
    disabled: { type: Boolean },
    estimateSeconds: { type: Number },
    chosen: { attribute: false },
  };
  declare patients: number;
  declare record: StructuralRecord | undefined;
  declare freshness: Freshness | undefined;
  declare running: boolean;
  declare disabled: boolean;
  declare estimateSeconds: number;
  /** Switch ids to run, in the shipped order. */
  declare chosen: readonly string[];

  constructor() {
    super();
    this.chosen = STRUCTURAL_SWITCHES.map((s) => s.id);
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = STRUCTURAL_SWITCHES.map((s) => s.id).filter((x) => next.has(x));
    this.dispatchEvent(new CustomEvent('structural-switches', { detail: this.chosen, bubbles: true, composed: true }));
  }

  private frontier(level: Pick<StructuralLevelResult, 'incremental' | 'precision'>, label: (id: string) => string) {
    const intervals = new Map(level.precision?.rows.map((r) => [r.id, r.icerInterval]) ?? []);
    return html`<ol class="frontier">${level.incremental.frontier.map((id) => {
      const icer = level.incremental.rows.find((r) => r.id === id)?.icer ?? null;
      const interval = intervals.get(id) ?? null;
      return html`<li>${label(id)}${icer === null ? ' (least costly)' : html`: ICER ${money(icer)}${interval === null ? '' : html` <span class="note">(${intervalText(interval)})</span>`}`}</li>`;
    })}</ol>`;
  }

  private results(record: StructuralRecord) {
    const r = record.result;
    const label = (id: string) =>
      record.scenario.strategies.map((s) => [strategyId(s), labelOf(s)]).find(([i]) => i === id)?.[1] ?? id;
    const changes = r.decisionChanges;
    const switchLabel = (id: string) => r.switches.find((s) => s.id === id)?.label ?? id;
    const levelLabel = (sw: string, id: string) =>
      r.switches.find((s) => s.id === sw)?.levels.find((l) => l.id === id)?.label ?? id;
    return html`<h3>Results of the last structural scenario analysis</h3>
      <p data-testid="structural-settings">Run with ${r.patients.toLocaleString('en-US')} patients, seed ${r.seed},
        at ${money(r.willingnessToPay)} ${r.currency} per QALY; switches: ${record.switches.map(switchLabel).join('; ')}.
        Every level runs on the same patients (common random numbers) at the point estimates.</p>
      ${
        this.freshness === undefined || this.freshness.current
          ? ''
          : html`<p class="stale" role="status" data-testid="structural-stale">This analysis is of an earlier scenario: changed since: ${this.freshness.changed.join(', ')}.</p>`
      }
      <p data-testid="structural-summary">Base case: ${label(r.base.preferred)} is preferred.
        ${
          changes.length === 0
            ? 'The preferred strategy is the same under every level.'
            : `The preferred strategy changes under ${changes.map((c) => `${switchLabel(c.switch)} = ${levelLabel(c.switch, c.level)} (${label(c.preferred)})`).join('; ')}.`
        }</p>
      <p>${Object.entries(structuralCsvFiles(r)).map(([name, text]) => html`<button class="secondary" @click=${() => downloadText(name, text, 'text/csv')}>${name}</button> `)}</p>
      <div class="scroll"><table data-testid="structural-table">
        <caption>Structural scenarios at ${money(r.willingnessToPay)} ${r.currency} per QALY, ${r.patients.toLocaleString('en-US')} patients: one row per level of each switch</caption>
        <thead><tr>
          <th scope="col">Switch</th><th scope="col">Level</th><th scope="col">Preferred strategy</th>
          <th scope="col">Decision vs base case</th>
          <th scope="col">INMB vs the base case's preferred (${r.currency}, ± paired MCSE)</th>
          <th scope="col">Frontier: ICER vs the previous frontier strategy (95% Fieller interval)</th>
        </tr></thead>
        ${r.switches.map(
          (sw) =>
            html`<tbody class="switch">${sw.levels.map(
              (level, i) => html`<tr data-testid="structural-row" data-switch=${sw.id} data-level=${level.id}
              data-base=${level.isBase ? 'true' : 'false'} class=${level.decisionChanges ? 'changes' : ''}>
              ${i === 0 ? html`<th scope="rowgroup" rowspan=${sw.levels.length} title=${sw.reason}>${sw.label}</th>` : ''}
              <th scope="row">${level.label}${level.isBase ? html` <strong>(base case)</strong>` : ''}</th>
              <td>${label(level.preferred)}${choiceText(level) === '' ? '' : html`<br><span class="note" data-testid="structural-choice">${choiceText(level)}</span>`}</td>
              <td class="decision">${decisionText(level)}</td>
              <td class="number">${inmbText(level)}</td>
              <td>${this.frontier(level, label)}</td>
            </tr>`,
            )}</tbody>`,
        )}
      </table></div>
      <p class="note">INMB vs the base case's preferred: the net monetary benefit of the level's preferred strategy minus
        that of the base case's preferred strategy, both under the level's structure (what keeping the base-case decision
        would forgo; exactly 0 when the decision stands), ± its paired Monte Carlo standard error. A change is resolved when
        it is at least ${RESOLVE_Z} paired standard errors above 0.</p>`;
  }

  override render() {
    const none = this.chosen.length === 0;
    return html`<h2>Structural scenarios</h2>
      <p class="note">Each switch is a structural choice the model makes; each of its levels is run on the same
        ${Number(this.patients).toLocaleString('en-US')} patients, and compared with the base case. Levels equal to the base
        case are run once.</p>
      <fieldset><legend>Switches to run</legend>
        ${STRUCTURAL_SWITCHES.map(
          (s) => html`<label><input type="checkbox" data-switch=${s.id} .checked=${this.chosen.includes(s.id)}
            @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)}> ${s.label}
            <span class="note">(${s.levels.length} levels)</span></label>`,
        )}
      </fieldset>
      <estimated-run-button label="Run structural scenarios" testid="run-structural" .estimateSeconds=${this.estimateSeconds}
        ?disabled=${this.running || this.disabled || none}
        @confirmed-run=${() => this.dispatchEvent(new CustomEvent('structural-request', { detail: this.chosen, bubbles: true, composed: true }))}></estimated-run-button>
      ${none ? html`<p class="note">Choose at least one switch.</p>` : ''}
      ${this.record === undefined ? '' : this.results(this.record)}`;
  }
}
customElements.define('structural-view', StructuralView);

declare global {
  interface HTMLElementTagNameMap {
    'structural-view': StructuralView;
  }
}
