// Analysis settings: life table, horizon, discount rates, threshold, treatment effect.
import { LIFE_TABLES } from '@sarcsim/model/engine';
import { html, LitElement } from 'lit';
import { problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';

const num = (e: Event) => {
  const raw = (e.target as HTMLInputElement).value;
  return raw.trim() === '' ? Number.NaN : Number(raw);
};

export class SettingsPanel extends LitElement {
  static override styles = sharedStyles;
  static override properties = { draft: { attribute: false }, problems: { attribute: false } };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];

  constructor() {
    super();
    this.problems = [];
  }

  private change(patch: Partial<ScenarioDraft>): void {
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: { ...this.draft, ...patch }, bubbles: true, composed: true }),
    );
  }

  private field(label: string, path: string, current: number, onChange: (v: number) => void, step = 'any') {
    const problems = problemsAt(this.problems, path);
    return html`<label>${label}
        <input type="number" step=${step} .value=${Number.isFinite(current) ? String(current) : ''} aria-invalid=${problems.length > 0 ? 'true' : 'false'}
          @change=${(e: Event) => onChange(num(e))} />
        <field-problems .problems=${problems}></field-problems>
      </label>`;
  }

  override render() {
    const d = this.draft;
    return html`<h2>Analysis settings</h2>
      <label>Life table (deaths from other causes)
        <select @change=${(e: Event) => this.change({ lifeTable: (e.target as HTMLSelectElement).value })}>
          ${LIFE_TABLES.map((t) => html`<option value=${t.id} ?selected=${d.lifeTable === t.id}>${t.label}</option>`)}
        </select>
      </label>
      ${this.field('Horizon (years)', 'horizonYears', d.horizonYears, (v) => this.change({ horizonYears: v }))}
      ${this.field('Discount rate, costs (per year)', 'discountRates.costs', d.discountRates.costs, (v) => this.change({ discountRates: { ...d.discountRates, costs: v } }), '0.005')}
      ${this.field('Discount rate, effects (per year)', 'discountRates.effects', d.discountRates.effects, (v) => this.change({ discountRates: { ...d.discountRates, effects: v } }), '0.005')}
      ${this.field('Willingness to pay (USD per QALY)', 'economics.willingnessToPay', d.economics.willingnessToPay, (v) => this.change({ economics: { ...d.economics, willingnessToPay: v } }), '1000')}
      <label>Treatment effect
        <select @change=${(e: Event) => this.change({ treatmentEffect: (e.target as HTMLSelectElement).value as ScenarioDraft['treatmentEffect'] })}>
          <option value="modelled" ?selected=${d.treatmentEffect === 'modelled'}>As modelled</option>
          <option value="none" ?selected=${d.treatmentEffect === 'none'}>None (what-if: treatment changes nothing)</option>
        </select>
      </label>
      <label>Synchronous liver disease (treated systemic-first)
        <select @change=${(e: Event) => this.change({ synchronousRule: (e.target as HTMLSelectElement).value as ScenarioDraft['synchronousRule'] })}>
          <option value="staging" ?selected=${d.synchronousRule === 'staging'}>Present at diagnosis (biology)</option>
          <option value="window" ?selected=${d.synchronousRule === 'window'}>Found within 6 months of diagnosis (consensus window)</option>
        </select>
      </label>`;
  }
}
customElements.define('settings-panel', SettingsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'settings-panel': SettingsPanel;
  }
}
