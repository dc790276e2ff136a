// What reproduces a result: version, seed, patients and the scenario's hash.
import { html, LitElement } from 'lit';
import { sharedStyles } from './shared-styles.js';

export class ReproStamp extends LitElement {
  static override styles = sharedStyles;
  static override properties = { version: {}, seed: { type: Number }, patients: { type: Number }, hash: {}, extra: {} };
  declare version: string;
  declare seed: number;
  declare patients: number;
  declare hash: string;
  declare extra: string;

  constructor() {
    super();
    this.extra = '';
  }

  override render() {
    return html`<p class="note" data-testid="stamp">
      sarcsim ${this.version} · seed ${this.seed} · ${this.patients.toLocaleString('en-US')} patients${this.extra} · scenario
      <code title=${this.hash}>${this.hash.slice(0, 16)}</code>
    </p>`;
  }
}
customElements.define('repro-stamp', ReproStamp);

declare global {
  interface HTMLElementTagNameMap {
    'repro-stamp': ReproStamp;
  }
}
