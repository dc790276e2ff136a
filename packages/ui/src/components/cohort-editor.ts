// The cohort: a preset or the site × histology mix, age and sex (as parameter overrides).
import { HISTOLOGIES, HISTOLOGY_LABELS, SITE_LABELS, SITES } from '@sarcsim/model/sarcoma';
import { css, html, LitElement } from 'lit';
import { applyPreset, COHORT_PRESETS, mixId, presetOf } from '../state/cohort-presets.js';
import { currentValue, problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';

export class CohortEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      td input {
        min-width: 5rem;
        text-align: right;
      }
    `,
  ];
  static override properties = { draft: { attribute: false }, problems: { attribute: false } };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];

  constructor() {
    super();
    this.problems = [];
  }

  private change(parameters: Record<string, number>): void {
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: { ...this.draft, parameters }, bubbles: true, composed: true }),
    );
  }

  private setParameter(id: string, raw: string): void {
    const parsed = Number(raw);
    const next = { ...this.draft.parameters };
    if (raw.trim() === '') delete next[id];
    else next[id] = Number.isFinite(parsed) ? parsed : Number.NaN;
    this.change(next);
  }

  override render() {
    const preset = presetOf(this.draft.parameters);
    const cells = SITES.flatMap((s) => HISTOLOGIES.map((h) => currentValue(this.draft, mixId(s, h))));
    const total = cells.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    return html`
      <h2>Cohort</h2>
      <label>
        Preset
        <select
          @change=${(e: Event) => {
            const chosen = COHORT_PRESETS.find((p) => p.id === (e.target as HTMLSelectElement).value);
            if (chosen !== undefined) this.change(applyPreset(this.draft.parameters, chosen));
          }}
        >
          ${COHORT_PRESETS.map((p) => html`<option value=${p.id} ?selected=${preset?.id === p.id}>${p.label}</option>`)}
          <option value="custom" ?selected=${preset === undefined} disabled>Custom mix</option>
        </select>
      </label>
      <label>
        Median age at entry (years)
        <input type="number" step="1" .value=${String(currentValue(this.draft, 'cohort.age.median'))}
          @change=${(e: Event) => this.setParameter('cohort.age.median', (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        Share male
        <input type="number" step="0.01" min="0" max="1" .value=${String(currentValue(this.draft, 'cohort.male'))}
          @change=${(e: Event) => this.setParameter('cohort.male', (e.target as HTMLInputElement).value)} />
      </label>
      <field-problems .problems=${problemsAt(this.problems, 'parameters.cohort')}></field-problems>
      <details>
        <summary>Site × histology mix (registry shares; the model normalises them to sum to 1)</summary>
        <p class="note">Current total ${total.toFixed(3)}${Math.abs(total - 1) > 1e-9 && total > 0 ? ' — normalised to 1 when run' : ''}.</p>
        <div class="scroll">
          <table>
            <thead>
              <tr><th scope="col">Histology</th>${SITES.map((s) => html`<th scope="col">${SITE_LABELS[s]}</th>`)}</tr>
            </thead>
            <tbody>
              ${HISTOLOGIES.map(
                (h) => html`<tr>
                  <th scope="row">${HISTOLOGY_LABELS[h]}</th>
                  ${SITES.map(
                    (s) => html`<td>
                      <input type="number" step="0.001" min="0" max="1" aria-label=${`${SITE_LABELS[s]}, ${HISTOLOGY_LABELS[h]}`}
                        .value=${currentValue(this.draft, mixId(s, h)).toFixed(3)}
                        @change=${(e: Event) => this.setParameter(mixId(s, h), (e.target as HTMLInputElement).value)} />
                    </td>`,
                  )}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }
}
customElements.define('cohort-editor', CohortEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cohort-editor': CohortEditor;
  }
}
