// Run settings and control: patients, seed and workers; the run button with its estimated
// time (long runs ask first); progress with ETA and cancel while running.
import { html, LitElement } from 'lit';
import { problemsAt, type ScenarioDraft } from '../state/scenario-draft.js';
import type { TaskProgress } from '../state/task.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';
import './run-progress.js';

export class RunPanel extends LitElement {
  static override styles = sharedStyles;
  static override properties = {
    draft: { attribute: false },
    problems: { attribute: false },
    workers: { type: Number },
    maxWorkers: { type: Number },
    estimateSeconds: { type: Number },
    progress: { attribute: false },
  };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];
  declare workers: number;
  declare maxWorkers: number;
  declare estimateSeconds: number;
  declare progress: TaskProgress | undefined;

  constructor() {
    super();
    this.problems = [];
    this.progress = undefined;
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

  override render() {
    const valid = this.problems.length === 0;
    return html`<h2>Run</h2>
      ${this.number('Patients', 'patients', 1)} ${this.number('Seed', 'seed', 0)}
      <label>Workers
        <input type="number" min="1" max=${this.maxWorkers} step="1" .value=${String(this.workers)}
          @change=${(e: Event) => this.emit('workers-change', Math.min(this.maxWorkers, Math.max(1, Math.round(Number((e.target as HTMLInputElement).value)) || 1)))} />
      </label>
      <p class="note">${this.draft.strategies.length} strategies × ${Number(this.draft.patients).toLocaleString('en-US')} patients.</p>
      ${
        this.progress !== undefined
          ? html`<run-progress .progress=${this.progress}></run-progress>`
          : html`<estimated-run-button .estimateSeconds=${this.estimateSeconds} ?disabled=${!valid}
              @confirmed-run=${() => this.emit('run-request')}></estimated-run-button>
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
