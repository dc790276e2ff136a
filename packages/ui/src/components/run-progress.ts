// Progress of a running simulation: bar, count, ETA and a cancel button.
import { css, html, LitElement } from 'lit';
import type { TaskProgress } from '../state/task.js';
import { formatSeconds } from './estimated-run-button.js';
import { sharedStyles } from './shared-styles.js';

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
  declare progress: TaskProgress;

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
