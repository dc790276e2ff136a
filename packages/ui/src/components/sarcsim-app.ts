// The app: holds the scenario draft and the results, and passes them down; views send edits
// and requests up as events. The URL's fragment always carries the current scenario.
import { type DsaResult, type PsaResult, sampledParameters } from '@sarcsim/model/analyses';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import type { RunReport, SarcomaScenario } from '@sarcsim/model/scenario';
import { defaultBrowserWorkerCount, RunCancelledError } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import type { Exercise } from '../state/exercises.js';
import { RunController } from '../state/run-controller.js';
import { defaultDraft, type ScenarioDraft, validateDraft } from '../state/scenario-draft.js';
import { decodeScenario, encodeScenario } from '../state/share-url.js';
import type { RunProgressView } from './run-progress.js';
import { sharedStyles } from './shared-styles.js';
import './calibration-view.js';
import './dsa-view.js';
import './cohort-editor.js';
import './field-problems.js';
import './help-note.js';
import './learn-view.js';
import './parameter-browser.js';
import './psa-view.js';
import './results-view.js';
import './run-panel.js';
import './run-progress.js';
import './settings-panel.js';
import './strategy-list.js';

const TABS = [
  ['scenario', 'Scenario'],
  ['parameters', 'Parameters'],
  ['results', 'Run & results'],
  ['uncertainty', 'Uncertainty'],
  ['calibration', 'Calibration'],
  ['learn', 'Learn'],
] as const;
type Tab = (typeof TABS)[number][0];

/** Runs in a default one-way DSA: the base case and both ends of each parameter's range (mix components have none). */
const DSA_RUNS =
  1 +
  2 *
    sampledParameters('posterior', new Set(), COMMITTED_CALIBRATION).filter((p) => p.distribution.kind !== 'dirichlet')
      .length;

export class SarcsimApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.3rem 1rem;
        border-bottom: 1px solid #c4c4c4;
        margin-bottom: 0.5rem;
      }
      h1 {
        font-size: 1.35rem;
        margin: 0.4rem 0;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin: 0.5rem 0 1rem;
      }
      [role='tab'] {
        background: #fff;
        color: #0b5394;
      }
      [role='tab'][aria-selected='true'] {
        background: #0b5394;
        color: #fff;
      }
      .banner {
        padding: 0.5rem 0.8rem;
        border-left: 4px solid #b00020;
        background: #fdecee;
      }
      .ok {
        border-left-color: #0b5394;
        background: #eef4fb;
      }
    `,
  ];
  static override properties = {
    draft: { state: true },
    tab: { state: true },
    workers: { state: true },
    progress: { state: true },
    report: { state: true },
    reportSeconds: { state: true },
    psa: { state: true },
    dsa: { state: true },
    message: { state: true },
  };
  declare draft: ScenarioDraft;
  declare tab: Tab;
  declare workers: number;
  declare progress: RunProgressView | undefined;
  declare report: RunReport | undefined;
  declare reportSeconds: number;
  declare psa: PsaResult | undefined;
  declare dsa: DsaResult | undefined;
  declare message: { text: string; kind: 'error' | 'info' } | undefined;

  private readonly controller = new RunController();
  private abort: AbortController | undefined;

  constructor() {
    super();
    this.draft = defaultDraft();
    this.tab = 'scenario';
    this.workers = defaultBrowserWorkerCount();
    this.progress = undefined;
    this.report = undefined;
    this.reportSeconds = 0;
    this.psa = undefined;
    this.dsa = undefined;
    this.message = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.controller.dispose();
  }

  private async loadFromUrl(): Promise<void> {
    try {
      const shared = await decodeScenario(location.hash);
      if (shared === undefined) return;
      if (shared === null || typeof shared !== 'object' || Array.isArray(shared))
        throw new Error('the link does not hold a scenario');
      this.draft = { ...defaultDraft(), ...(shared as Partial<ScenarioDraft>) };
      const check = validateDraft(this.draft);
      this.message = check.ok
        ? { kind: 'info', text: 'Scenario loaded from the link. Press Run to reproduce its results.' }
        : {
            kind: 'error',
            text: `The link's scenario has ${check.problems.length} problem(s), marked beside the fields.`,
          };
    } catch (error) {
      this.message = {
        kind: 'error',
        text: `Could not open the shared scenario: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private async setDraft(draft: ScenarioDraft): Promise<void> {
    this.draft = draft;
    if (validateDraft(draft).ok) history.replaceState(null, '', await encodeScenario(draft));
  }

  private async run(): Promise<void> {
    const check = validateDraft(this.draft);
    if (!check.ok || this.progress !== undefined) return;
    const abort = new AbortController();
    this.abort = abort;
    this.message = undefined;
    const started = performance.now();
    this.progress = { done: 0, total: check.scenario.patients, etaSeconds: Number.NaN, unit: 'patients' };
    try {
      this.report = await this.controller.run(
        check.scenario,
        this.workers,
        (p) =>
          (this.progress = {
            done: p.individualsDone,
            total: p.individualsTotal,
            etaSeconds: p.etaSeconds,
            unit: 'patients',
          }),
        abort.signal,
      );
      this.reportSeconds = (performance.now() - started) / 1000;
    } catch (error) {
      this.message =
        error instanceof RunCancelledError
          ? { kind: 'info', text: 'Run cancelled; nothing partial was kept.' }
          : { kind: 'error', text: `The run failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.progress = undefined;
      this.abort = undefined;
    }
  }

  /** Runs a PSA or DSA with progress in `unit`s; cancellation and failures end in a message. */
  private async analyse<T>(
    unit: 'draws' | 'runs',
    name: string,
    work: (
      scenario: SarcomaScenario,
      onProgress: (done: number, total: number) => void,
      signal: AbortSignal,
    ) => Promise<T>,
  ): Promise<T | undefined> {
    const check = validateDraft(this.draft);
    if (!check.ok || check.scenario.model !== 'sarcoma' || this.progress !== undefined) return undefined;
    const abort = new AbortController();
    this.abort = abort;
    this.message = undefined;
    const started = performance.now();
    this.progress = { done: 0, total: 1, etaSeconds: Number.NaN, unit };
    try {
      return await work(
        check.scenario as SarcomaScenario,
        (done, total) => {
          const each = (performance.now() - started) / 1000 / done;
          this.progress = { done, total, etaSeconds: each * (total - done), unit };
        },
        abort.signal,
      );
    } catch (error) {
      this.message =
        error instanceof RunCancelledError
          ? { kind: 'info', text: `${name} cancelled; nothing partial was kept.` }
          : { kind: 'error', text: `The ${name} failed: ${error instanceof Error ? error.message : String(error)}` };
      return undefined;
    } finally {
      this.progress = undefined;
      this.abort = undefined;
    }
  }

  private async runPsa(): Promise<void> {
    const result = await this.analyse('draws', 'PSA', (scenario, onProgress, signal) =>
      this.controller.psa(scenario, this.workers, onProgress, signal),
    );
    if (result !== undefined) this.psa = result;
  }

  private async runDsa(pair: { strategy: string; comparator: string }): Promise<void> {
    const result = await this.analyse('runs', 'sensitivity analysis', (scenario, onProgress, signal) =>
      this.controller.dsa(scenario, pair, this.workers, onProgress, signal),
    );
    if (result !== undefined) this.dsa = result;
  }

  private startExercise(exercise: Exercise): void {
    void this.setDraft(exercise.apply(defaultDraft()));
    this.message = { kind: 'info', text: `Exercise “${exercise.title}”: ${exercise.hint}` };
    this.tab = 'results';
  }

  private async share(): Promise<void> {
    const url = `${location.origin}${location.pathname}${await encodeScenario(this.draft)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.message = { kind: 'info', text: 'Link copied: it reproduces this scenario (and, with Run, its results).' };
    } catch {
      this.message = { kind: 'info', text: `Share this link: ${url}` };
    }
  }

  private renderTab() {
    const check = validateDraft(this.draft);
    const problems = check.ok ? [] : check.problems;
    const strategies = this.draft.strategies.length;
    switch (this.tab) {
      case 'scenario':
        return html`<help-note heading="Building a scenario">
            <p>Pick the patients (cohort), the surveillance strategies to compare, and the analysis settings. Every change is
              checked at once; problems appear beside the field, and a scenario with problems cannot run. The page address
              always holds the scenario, so the link reproduces it.</p>
          </help-note>
          <cohort-editor .draft=${this.draft} .problems=${problems}></cohort-editor>
          <strategy-list .draft=${this.draft} .problems=${problems}></strategy-list>
          <settings-panel .draft=${this.draft} .problems=${problems}></settings-panel>`;
      case 'parameters':
        return html`<help-note heading="About the parameters">
            <p>Every number the model uses, with its source: a table and row of one of the five source documents, an external
              publication, or a stated assumption. Edited values are highlighted and used in the next run.</p>
          </help-note>
          <parameter-browser .draft=${this.draft} .problems=${problems}></parameter-browser>`;
      case 'results':
        return html`<run-panel .draft=${this.draft} .problems=${problems} .workers=${this.workers} .maxWorkers=${Math.max(8, this.workers)}
            .estimateSeconds=${this.controller.estimateSeconds(Number(this.draft.patients) * strategies, this.workers)}
            .progress=${this.progress?.unit === 'patients' ? this.progress : undefined}></run-panel>
          ${this.report === undefined ? html`<p class="note">No results yet: press Run.</p>` : html`<results-view .report=${this.report} .seconds=${this.reportSeconds}></results-view>`}`;
      case 'uncertainty':
        return html`${this.progress !== undefined && this.progress.unit !== 'patients' ? html`<run-progress .progress=${this.progress}></run-progress>` : ''}
          <psa-view .draft=${this.draft} .problems=${problems} .result=${this.psa} .running=${this.progress !== undefined}
            .estimateSeconds=${this.controller.estimateSeconds(this.draft.economics.psa.draws * Number(this.draft.patients) * strategies, this.workers)}></psa-view>
          <dsa-view .draft=${this.draft} .result=${this.dsa} .running=${this.progress !== undefined} .disabled=${problems.length > 0}
            .estimateSeconds=${this.controller.estimateSeconds(DSA_RUNS * Number(this.draft.patients) * strategies, this.workers)}></dsa-view>`;
      case 'calibration':
        return html`<calibration-view></calibration-view>`;
      default:
        return html`<learn-view></learn-view>`;
    }
  }

  private onTabKey(e: KeyboardEvent): void {
    const index = TABS.findIndex(([id]) => id === this.tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    this.tab = (TABS[(index + step + TABS.length) % TABS.length] as (typeof TABS)[number])[0];
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null)?.focus(),
    );
  }

  override render() {
    return html`<header>
        <h1>sarcsim</h1>
        <span class="note">liver metastases of soft-tissue sarcoma · surveillance strategies compared · version ${SARCSIM_VERSION}</span>
        <button class="secondary" @click=${this.share}>Copy link to this scenario</button>
      </header>
      ${this.message === undefined ? '' : html`<p class="banner ${this.message.kind === 'info' ? 'ok' : ''}" role="status">${this.message.text}</p>`}
      <nav role="tablist" aria-label="Views" @keydown=${this.onTabKey}>
        ${TABS.map(
          ([
            id,
            label,
          ]) => html`<button role="tab" id=${`tab-${id}`} aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? 0 : -1}
          aria-controls="panel" @click=${() => (this.tab = id)}>${label}</button>`,
        )}
      </nav>
      <main id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`}
        @draft-change=${(e: CustomEvent<ScenarioDraft>) => void this.setDraft(e.detail)}
        @workers-change=${(e: CustomEvent<number>) => (this.workers = e.detail)}
        @run-request=${() => void this.run()}
        @psa-request=${() => void this.runPsa()}
        @dsa-request=${(e: CustomEvent<{ strategy: string; comparator: string }>) => void this.runDsa(e.detail)}
        @cancel-request=${() => this.abort?.abort()}
        @exercise-start=${(e: CustomEvent<Exercise>) => this.startExercise(e.detail)}>
        ${this.renderTab()}
      </main>`;
  }
}
customElements.define('sarcsim-app', SarcsimApp);

declare global {
  interface HTMLElementTagNameMap {
    'sarcsim-app': SarcsimApp;
  }
}
