// Edits one of the user's strategies: name, eligibility, adherence and both schedules,
// with a timeline of the resulting scans.
import { HISTOLOGIES, HISTOLOGY_LABELS, MODALITIES, MODALITY_LABELS, SITE_LABELS, SITES } from '@sarcsim/model/sarcoma';
import { css, html, LitElement } from 'lit';
import { timelineChart } from '../charts/timeline-chart.js';
import type { SegmentDraft, StrategyDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';
import './plot-figure.js';

const ELIGIBILITY = [
  ['all', 'Everyone'],
  ['retroperitoneal', 'Retroperitoneal primaries'],
  ['lms', 'Leiomyosarcoma'],
  ['retroperitonealOrLms', 'Retroperitoneal or leiomyosarcoma'],
] as const;

export class StrategyEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid #c4c4c4;
        border-radius: 6px;
        padding: 0.6rem 1rem;
        margin: 0.5rem 0 1rem;
      }
      td input {
        min-width: 5.5rem;
      }
      section {
        min-width: 0;
      }
      fieldset {
        border: 1px solid #c4c4c4;
        margin: 0 0 0.8rem;
      }
      label.check {
        flex-direction: row;
        align-items: center;
        gap: 0.3rem;
        margin-right: 0.8rem;
      }
    `,
  ];
  static override properties = { strategy: { attribute: false } };
  declare strategy: StrategyDraft;

  private emit(strategy: StrategyDraft): void {
    this.dispatchEvent(new CustomEvent('strategy-change', { detail: strategy }));
  }

  private segmentsTable(key: 'schedule' | 'otherwise', title: string) {
    const segments = this.strategy[key];
    const set = (i: number, field: keyof SegmentDraft, raw: string) => {
      const next = segments.map((s) => ({ ...s }));
      const segment = next[i] as SegmentDraft;
      if (field === 'modality') segment.modality = raw as SegmentDraft['modality'];
      else segment[field] = raw.trim() === '' ? Number.NaN : Number(raw);
      this.emit({ ...this.strategy, [key]: next });
    };
    const last = segments[segments.length - 1];
    const add = () => {
      const from = last?.toMonths ?? 0;
      const added = {
        fromMonths: from,
        toMonths: from + 12,
        intervalMonths: 6,
        modality: last?.modality ?? 'contrastCt',
      };
      this.emit({ ...this.strategy, [key]: [...segments, added] });
    };
    return html`<h3>${title}</h3>
      <div class="scroll"><table>
        <thead><tr><th scope="col">From month</th><th scope="col">To month</th><th scope="col">Every (months)</th><th scope="col">Modality</th><th scope="col"><span class="note">remove</span></th></tr></thead>
        <tbody>
          ${segments.map(
            (s, i) => html`<tr>
              ${(['fromMonths', 'toMonths', 'intervalMonths'] as const).map(
                (
                  field,
                ) => html`<td><input type="number" aria-label=${`${title}, segment ${i + 1}, ${field}`} .value=${Number.isFinite(s[field]) ? String(s[field]) : ''}
                  @change=${(e: Event) => set(i, field, (e.target as HTMLInputElement).value)} /></td>`,
              )}
              <td><select aria-label=${`${title}, segment ${i + 1}, modality`} @change=${(e: Event) => set(i, 'modality', (e.target as HTMLSelectElement).value)}>
                ${MODALITIES.map((m) => html`<option value=${m} ?selected=${s.modality === m}>${MODALITY_LABELS[m]}</option>`)}
              </select></td>
              <td><button class="secondary" aria-label=${`Remove segment ${i + 1} of the ${title.toLowerCase()}`} @click=${() => {
                // Announced first, so the page can keep what is about to go (for undo).
                this.dispatchEvent(
                  new CustomEvent('removing', {
                    detail: `segment ${i + 1} of the ${title.toLowerCase()} of “${this.strategy.label}”`,
                    bubbles: true,
                    composed: true,
                  }),
                );
                this.emit({ ...this.strategy, [key]: segments.filter((_, j) => j !== i) });
              }}>×</button></td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      <button class="secondary" @click=${add}>Add a segment</button>`;
  }

  /** Checkboxes: a patient is eligible if the primary's site or histology is ticked. */
  private customEligibility(chosen: Exclude<StrategyDraft['eligibility'], string>) {
    const toggle = (key: 'sites' | 'histologies', id: string, on: boolean) => {
      const current: string[] = chosen[key] ?? [];
      const next = on ? [...current, id] : current.filter((x) => x !== id);
      this.emit({ ...this.strategy, eligibility: { ...chosen, [key]: next } as typeof chosen });
    };
    const boxes = (key: 'sites' | 'histologies', ids: readonly string[], labels: Record<string, string>) =>
      ids.map(
        (
          id,
        ) => html`<label class="check"><input type="checkbox" .checked=${(chosen[key] as string[] | undefined)?.includes(id) === true}
            @change=${(e: Event) => toggle(key, id, (e.target as HTMLInputElement).checked)} />${labels[id]}</label>`,
      );
    return html`<fieldset>
      <legend>Eligible if the primary's site or histology is ticked</legend>
      <div>${boxes('sites', SITES, SITE_LABELS)}</div>
      <div>${boxes('histologies', HISTOLOGIES, HISTOLOGY_LABELS)}</div>
    </fieldset>`;
  }

  override render() {
    const s = this.strategy;
    const eligibility = typeof s.eligibility === 'string' ? s.eligibility : 'custom';
    return html`<section aria-label=${`Edit strategy ${s.label}`}>
      <h3>Edit “${s.label}”</h3>
      <label>Id <input .value=${s.id} @change=${(e: Event) => this.emit({ ...s, id: (e.target as HTMLInputElement).value })} /></label>
      <label>Label <input .value=${s.label} @change=${(e: Event) => this.emit({ ...s, label: (e.target as HTMLInputElement).value })} /></label>
      <label>Eligible for the schedule
        <select @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.emit({
            ...s,
            eligibility: value === 'custom' ? { sites: [], histologies: [] } : (value as StrategyDraft['eligibility']),
          });
        }}>
          ${ELIGIBILITY.map(([id, text]) => html`<option value=${id} ?selected=${eligibility === id}>${text}</option>`)}
          <option value="custom" ?selected=${eligibility === 'custom'}>Chosen sites or histologies</option>
        </select>
      </label>
      ${typeof s.eligibility === 'string' ? '' : this.customEligibility(s.eligibility)}
      <label>Adherence (share of scans done)
        <input type="number" step="0.05" min="0" max="1" .value=${s.adherence === undefined ? '' : String(s.adherence)} placeholder="registry default"
          @change=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            const { adherence: _old, ...rest } = s;
            this.emit(raw.trim() === '' ? rest : { ...rest, adherence: Number(raw) });
          }} />
      </label>
      ${this.segmentsTable('schedule', 'Schedule of eligible patients')}
      ${this.segmentsTable('otherwise', 'Schedule of everyone else')}
      <plot-figure caption="Scans over time" name=${`timeline-${s.id}`} .build=${() => timelineChart(s.schedule, s.otherwise)}></plot-figure>
    </section>`;
  }
}
customElements.define('strategy-editor', StrategyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'strategy-editor': StrategyEditor;
  }
}
