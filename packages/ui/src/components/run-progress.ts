// Progress of a running simulation: bar, count, ETA and a cancel button.
import { css, html, LitElement } from 'lit';
import { formatSeconds } from './estimated-run-button.js';
import { sharedStyles } from './shared-styles.js';

export interface RunProgressView {
  readonly done: number;
  readonly total: number;
  readonly etaSeconds: number;
  /** What is counted: patients, draws or runs. */
  readonly unit: string;
}

export class RunProgress extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      progress {
        width: min(28rem, 100%);
        height: 1.1rem;
      }
    `,
  ];
  static override properties = { progress: { attribute: false } };
  declare progress: RunProgressView;

  override render() {
    const p = this.progress;
    return html`<div role="status" aria-live="polite">
      <progress max=${p.total} value=${p.done}></progress>
      ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} ${p.unit} · ETA ${formatSeconds(p.etaSeconds)}
      <button class="secondary" data-testid="cancel"
        @click=${() => this.dispatchEvent(new CustomEvent('cancel-request', { bubbles: true, composed: true }))}>Cancel</button>
    </div>`;
  }
}
customElements.define('run-progress', RunProgress);

declare global {
  interface HTMLElementTagNameMap {
    'run-progress': RunProgress;
  }
}
