// Every model parameter, grouped by topic: value, unit, distribution and source. Edits become
// scenario overrides; changed values are highlighted and can be reset.
import { describeDistribution, EVIDENCE, type EvidenceRecord, sourceText } from '@sarcsim/model/sarcoma';
import { css, html, LitElement } from 'lit';
import { currentValue, problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';

const PARAMETERS = EVIDENCE.filter((r) => r.role === 'parameter');
const TOPICS = [...new Set(PARAMETERS.map((r) => r.topic))];

export class ParameterBrowser extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      tr.changed td,
      tr.changed th {
        background: #fff4d6;
      }
      td.source,
      th[scope='row'] {
        text-align: left;
        max-width: 28rem;
      }
      td input {
        min-width: 7rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        margin: 0.6rem 0;
      }
    `,
  ];
  static override properties = {
    draft: { attribute: false },
    problems: { attribute: false },
    filter: { state: true },
    open: { state: true },
  };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];
  declare filter: string;
  /** Topics the user opened: only their rows are built (about 300 inputs in all). */
  declare open: ReadonlySet<string>;

  constructor() {
    super();
    this.problems = [];
    this.filter = '';
    this.open = new Set();
  }

  private toggled(topic: string, e: Event): void {
    const isOpen = (e.target as HTMLDetailsElement).open;
    if (isOpen === this.open.has(topic)) return;
    const next = new Set(this.open);
    if (isOpen) next.add(topic);
    else next.delete(topic);
    this.open = next;
  }

  private set(id: string, raw: string | undefined): void {
    const parameters = { ...this.draft.parameters };
    if (raw === undefined || raw.trim() === '') delete parameters[id];
    else parameters[id] = Number(raw);
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: { ...this.draft, parameters }, bubbles: true, composed: true }),
    );
  }

  private row(r: EvidenceRecord) {
    const overridden = r.id in this.draft.parameters;
    const shown = currentValue(this.draft, r.id);
    const problems = problemsAt(this.problems, `parameters.${r.id}`);
    return html`<tr class=${overridden ? 'changed' : ''}>
      <th scope="row">${r.label}<br /><span class="note">${r.id}${r.calibrated ? ' · calibrated' : ''}</span></th>
      <td>
        <input type="number" step="any" aria-label=${r.label} aria-invalid=${problems.length > 0 ? 'true' : 'false'}
          .value=${Number.isFinite(shown) ? String(shown) : ''} @change=${(e: Event) => this.set(r.id, (e.target as HTMLInputElement).value)} />
        <field-problems .problems=${problems}></field-problems>
      </td>
      <td>${r.unit}</td>
      <td>${r.bounds.min} – ${r.bounds.max}</td>
      <td>${describeDistribution(r.distribution)}</td>
      <td class="source">${sourceText(r.source, 'citation')}</td>
      <td>${overridden ? html`<button class="secondary" @click=${() => this.set(r.id, undefined)} aria-label=${`Reset ${r.label}`}>Reset</button>` : ''}</td>
    </tr>`;
  }

  override render() {
    const needle = this.filter.trim().toLowerCase();
    const shown = PARAMETERS.filter((r) => needle === '' || `${r.id} ${r.label}`.toLowerCase().includes(needle));
    const changed = Object.keys(this.draft.parameters).length;
    return html`<h2>Parameters</h2>
      <label>Search <input type="search" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} /></label>
      <p class="note">${changed} changed. Values outside a parameter's bounds are refused. Calibrated values are the committed fit (docs/validation.md).</p>
      ${TOPICS.map((topic) => {
        const rows = shown.filter((r) => r.topic === topic);
        if (rows.length === 0) return '';
        const shownOpen = needle !== '' || this.open.has(topic);
        return html`<details ?open=${shownOpen} @toggle=${(e: Event) => this.toggled(topic, e)}>
          <summary>${topic} (${rows.length})</summary>
          ${
            shownOpen
              ? html`<div class="scroll"><table>
            <thead><tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">Unit</th><th scope="col">Bounds</th><th scope="col">PSA distribution</th><th scope="col">Source</th><th scope="col"><span class="note">reset</span></th></tr></thead>
            <tbody>${rows.map((r) => this.row(r))}</tbody>
          </table></div>`
              : ''
          }
        </details>`;
      })}`;
  }
}
customElements.define('parameter-browser', ParameterBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'parameter-browser': ParameterBrowser;
  }
}
