// A run button that states the estimated time and, for long runs, asks before starting.
import { css, html, LitElement } from 'lit';
import { sharedStyles } from './shared-styles.js';

/** Runs estimated to take longer than this ask for confirmation first. */
const CONFIRM_ABOVE_SECONDS = 20;

export const formatSeconds = (s: number) =>
  !Number.isFinite(s) ? '…' : s < 90 ? `${Math.ceil(s)} s` : `${(s / 60).toFixed(1)} min`;

export class EstimatedRunButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .warning {
        background: #fff4d6;
        border-left: 4px solid #8a5a00;
        padding: 0.4rem 0.8rem;
      }
    `,
  ];
  static override properties = {
    label: {},
    testid: {},
    estimateSeconds: { type: Number },
    disabled: { type: Boolean },
    confirming: { state: true },
  };
  declare label: string;
  declare testid: string;
  declare estimateSeconds: number;
  declare disabled: boolean;
  declare confirming: boolean;

  constructor() {
    super();
    this.label = 'Run';
    this.testid = 'run';
    this.estimateSeconds = 0;
    this.disabled = false;
    this.confirming = false;
  }

  private onClick(): void {
    if (this.estimateSeconds > CONFIRM_ABOVE_SECONDS && !this.confirming) {
      this.confirming = true;
      return;
    }
    this.confirming = false;
    this.dispatchEvent(new CustomEvent('confirmed-run', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<p class="note">Estimated time: <span data-testid=${`${this.testid}-estimate`}>${formatSeconds(this.estimateSeconds)}</span>.</p>
      ${
        this.confirming
          ? html`<p class="warning" role="alert">This is estimated to take ${formatSeconds(this.estimateSeconds)}.
            <button @click=${this.onClick}>Run anyway</button>
            <button class="secondary" @click=${() => (this.confirming = false)}>Not now</button></p>`
          : html`<button data-testid=${this.testid} ?disabled=${this.disabled} @click=${this.onClick}>${this.label}</button>`
      }`;
  }
}
customElements.define('estimated-run-button', EstimatedRunButton);

declare global {
  interface HTMLElementTagNameMap {
    'estimated-run-button': EstimatedRunButton;
  }
}
