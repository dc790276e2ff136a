// Run settings and control: patients, seed, workers; an estimate before long runs; progress
// with ETA and a cancel button while running.
import { css, html, LitElement } from 'lit';
import { problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';

/** Runs estimated to take longer than this ask for confirmation first. */
const CONFIRM_ABOVE_SECONDS = 20;

export interface RunProgressView {
  readonly done: number;
  readonly total: number;
  readonly etaSeconds: number;
  readonly unit: string;
}

const formatSeconds = (s: number) =>
  !Number.isFinite(s) ? '…' : s < 90 ? `${Math.ceil(s)} s` : `${(s / 60).toFixed(1)} min`;

export class RunPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      progress {
        width: min(28rem, 100%);
        height: 1.1rem;
      }
      .warning {
        background: #fff4d6;
        border-left: 4px solid #8a5a00;
        padding: 0.4rem 0.8rem;
      }
    `,
  ];
  static override properties = {
    draft: { attribute: false },
    problems: { attribute: false },
    workers: { type: Number },
    maxWorkers: { type: Number },
    estimateSeconds: { type: Number },
    progress: { attribute: false },
    confirming: { state: true },
  };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];
  declare workers: number;
  declare maxWorkers: number;
  declare estimateSeconds: number;
  declare progress: RunProgressView | undefined;
  declare confirming: boolean;

  constructor() {
    super();
    this.problems = [];
    this.progress = undefined;
    this.confirming = false;
    this.estimateSeconds = 0;
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private number(label: string, path: 'patients' | 'seed', min: number) {
    const problems = problemsAt(this.problems, path);
    return html`<label>${label}
      <input type="number" min=${min} step="1" name=${path} .value=${String(this.draft[path])} aria-invalid=${problems.length > 0 ? 'true' : 'false'}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          this.emit('draft-change', { ...this.draft, [path]: raw.trim() === '' ? Number.NaN : Number(raw) });
        }} />
      <field-problems .problems=${problems}></field-problems>
    </label>`;
  }

  private run(): void {
    if (this.estimateSeconds > CONFIRM_ABOVE_SECONDS && !this.confirming) {
      this.confirming = true;
      return;
    }
    this.confirming = false;
    this.emit('run-request');
  }

  override render() {
    const running = this.progress !== undefined;
    const valid = this.problems.length === 0;
    return html`<h2>Run</h2>
      ${this.number('Patients', 'patients', 1)} ${this.number('Seed', 'seed', 0)}
      <label>Workers
        <input type="number" min="1" max=${this.maxWorkers} step="1" .value=${String(this.workers)}
          @change=${(e: Event) => this.emit('workers-change', Math.min(this.maxWorkers, Math.max(1, Math.round(Number((e.target as HTMLInputElement).value)) || 1)))} />
      </label>
      <p class="note">Estimated time: ${formatSeconds(this.estimateSeconds)} (${this.draft.strategies.length} strategies × ${Number(this.draft.patients).toLocaleString('en-US')} patients).</p>
      ${
        this.confirming
          ? html`<p class="warning" role="alert">This run is estimated to take ${formatSeconds(this.estimateSeconds)}.
            <button @click=${this.run}>Run anyway</button> <button class="secondary" @click=${() => (this.confirming = false)}>Not now</button></p>`
          : ''
      }
      ${
        running
          ? html`<div role="status" aria-live="polite">
            <progress max=${this.progress?.total ?? 1} value=${this.progress?.done ?? 0}></progress>
            ${(this.progress?.done ?? 0).toLocaleString('en-US')} / ${(this.progress?.total ?? 0).toLocaleString('en-US')} ${this.progress?.unit} · ETA ${formatSeconds(this.progress?.etaSeconds ?? Number.NaN)}
            <button class="secondary" data-testid="cancel" @click=${() => this.emit('cancel-request')}>Cancel</button>
          </div>`
          : html`<button data-testid="run" ?disabled=${!valid} @click=${this.run}>Run</button>
            ${valid ? '' : html`<span class="note">Fix the problems marked in red first.</span>`}`
      }`;
  }
}
customElements.define('run-panel', RunPanel);

declare global {
  interface HTMLElementTagNameMap {
    'run-panel': RunPanel;
  }
}
