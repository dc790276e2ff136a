// The app: layout and routing. It holds the scenario draft (the URL's fragment always carries
// it) and passes it down with the analyses' tasks (state/analyses.ts); views send edits and
// requests up as events.
import { STRUCTURAL_SWITCHES } from '@sarcsim/model/analyses';
import { SARCSIM_VERSION } from '@sarcsim/model/engine';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import { defaultBrowserWorkerCount } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import { Analyses } from '../state/analyses.js';
import type { Exercise } from '../state/exercises.js';
import { addToDraft, checkExplore, defaultExploreInput, type ExploreInput } from '../state/exploration.js';
import {
  dsaFreshness,
  psaFreshness,
  type RunRecord,
  runFreshness,
  structuralFreshness,
} from '../state/results-state.js';
import {
  defaultDraft,
  draftFrom,
  type Opened,
  type ScenarioDraft,
  type StrategyDraft,
  strategyId,
  validateDraft,
} from '../state/scenario-draft.js';
import { openScenarioFile, saveScenarioFile } from '../state/scenario-files.js';
import { decodeScenario, encodeScenario } from '../state/share-url.js';
import type { ResultsView } from './results-view.js';
import { sharedStyles } from './shared-styles.js';
import './calibration-view.js';
import './cohort-editor.js';
import './dsa-view.js';
import './explore-view.js';
import './structural-view.js';
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
  ['explore', 'Explore'],
  ['calibration', 'Calibration'],
  ['learn', 'Learn'],
] as const;
type Tab = (typeof TABS)[number][0];

type Message = { text: string; kind: 'error' | 'info' };
interface Undo {
  readonly text: string;
  readonly draft: ScenarioDraft;
  readonly library: readonly StrategyDraft[];
}

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
        overflow-wrap: anywhere;
      }
      .ok {
        border-left-color: #0b5394;
        background: #eef4fb;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .files {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.4rem;
      }
      .open-file {
        margin: 0;
        font-size: 0.8rem;
      }
      .open-file input {
        border: none;
        padding: 0;
        font-size: 0.8rem;
      }
    `,
  ];
  static override properties = {
    draft: { state: true },
    library: { state: true },
    tab: { state: true },
    workers: { state: true },
    message: { state: true },
    undo: { state: true },
    pinned: { state: true },
    announcement: { state: true },
    structuralSwitches: { state: true },
    exploreInput: { state: true },
  };
  declare draft: ScenarioDraft;
  /** The user's own strategies that are not ticked (kept so they can be ticked again). */
  declare library: readonly StrategyDraft[];
  declare tab: Tab;
  declare workers: number;
  declare message: Message | undefined;
  declare undo: Undo | undefined;
  declare pinned: RunRecord | undefined;
  /** Read out by screen readers when an analysis ends. */
  declare announcement: string;
  /** Switch ids the next structural scenario analysis runs. */
  declare structuralSwitches: readonly string[];
  /** The policy space and search settings of the Explore tab. */
  declare exploreInput: ExploreInput;

  private readonly analyses = new Analyses(this);
  /** The fragment the app itself last wrote (a hash change to anything else is a new link). */
  private ownHash = '';
  /** Links opened so far (tests wait on it). */
  private linksOpened = 0;
  private readonly onHashChange = () => {
    if (location.hash !== this.ownHash) void this.loadFromUrl();
  };

  constructor() {
    super();
    this.draft = defaultDraft();
    this.library = [];
    this.tab = 'scenario';
    this.workers = defaultBrowserWorkerCount();
    this.message = undefined;
    this.undo = undefined;
    this.pinned = undefined;
    this.announcement = '';
    this.structuralSwitches = STRUCTURAL_SWITCHES.map((s) => s.id);
    this.exploreInput = defaultExploreInput();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.loadFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Opens a scenario from outside (link or file) through the schema and says what happened. */
  private open(opened: Opened, from: string): void {
    this.draft = opened.draft;
    this.message =
      opened.problems.length === 0
        ? { kind: 'info', text: `Scenario loaded from the ${from}. Press Run to reproduce its results.` }
        : {
            kind: 'error',
            text: `The ${from}'s scenario has ${opened.problems.length} problem(s): ${opened.problems.slice(0, 6).join('; ')}${opened.problems.length > 6 ? '; …' : ''}. ${opened.replaced.length === 0 ? '' : `Replaced by the defaults: ${opened.replaced.join(', ')}.`}`,
          };
  }

  private async loadFromUrl(): Promise<void> {
    const hash = location.hash;
    this.ownHash = hash;
    try {
      const shared = await decodeScenario(hash);
      if (shared !== undefined) this.open(draftFrom(shared), 'link');
    } catch (error) {
      this.draft = defaultDraft();
      this.message = {
        kind: 'error',
        text: `Could not open the shared scenario: ${error instanceof Error ? error.message : String(error)}. The default scenario is shown.`,
      };
    } finally {
      this.linksOpened += 1;
      this.dataset.linksOpened = String(this.linksOpened);
    }
  }

  private async setDraft(draft: ScenarioDraft): Promise<void> {
    this.draft = draft;
    if (validateDraft(draft).ok) {
      const hash = await encodeScenario(draft);
      if (this.draft !== draft) return; // a later edit has already replaced this one
      this.ownHash = hash;
      history.replaceState(null, '', hash);
    }
  }

  private get scenario(): SarcomaScenario | undefined {
    const check = validateDraft(this.draft);
    return check.ok && check.scenario.model === 'sarcoma' ? check.scenario : undefined;
  }

  /** Counts analyses that ended (done, failed or cancelled), on the element for tests to wait on. */
  private ended(): void {
    this.dataset.tasksEnded = String(Number(this.dataset.tasksEnded ?? '0') + 1);
  }

  private announce(text: string): void {
    // Cleared first, so the same words twice are read twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private async run(): Promise<void> {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    this.message = undefined;
    this.tab = 'results';
    const record = await this.analyses.startRun(scenario, this.workers);
    this.message = this.analyses.run.outcomeMessage;
    this.ended();
    if (record === undefined) {
      this.announce(this.message?.text ?? '');
      return;
    }
    const preferred = record.report.economics?.incremental.preferred;
    const label = record.report.strategies.find((s) => s.id === preferred)?.label;
    this.announce(`Run finished: ${label === undefined ? 'results shown' : `${label} is preferred`}.`);
    await this.updateComplete;
    await (this.renderRoot.querySelector('results-view') as ResultsView | null)?.focusVerdict();
  }

  private async runPsa(): Promise<void> {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    this.message = undefined;
    const result = await this.analyses.startPsa(scenario, this.workers);
    this.message = this.analyses.psa.outcomeMessage;
    this.ended();
    this.announce(result === undefined ? (this.message?.text ?? '') : 'PSA finished: results shown.');
  }

  private async runDsa(pair: { strategy: string; comparator: string }): Promise<void> {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    this.message = undefined;
    const record = await this.analyses.startDsa(scenario, pair, this.workers);
    this.message = this.analyses.dsa.outcomeMessage;
    this.ended();
    this.announce(record === undefined ? (this.message?.text ?? '') : 'Sensitivity analysis finished: results shown.');
  }

  private async runStructural(switchIds: readonly string[]): Promise<void> {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    this.message = undefined;
    const record = await this.analyses.startStructural(scenario, switchIds, this.workers);
    this.message = this.analyses.structural.outcomeMessage;
    this.ended();
    this.announce(record === undefined ? (this.message?.text ?? '') : 'Structural scenarios finished: results shown.');
  }

  private async explore(): Promise<void> {
    const checked = checkExplore(this.exploreInput);
    if (!checked.ok) return;
    this.message = undefined;
    const record = await this.analyses.startExplore(checked, this.workers);
    this.message = this.analyses.explore.outcomeMessage;
    this.ended();
    this.announce(record === undefined ? (this.message?.text ?? '') : 'Exploration finished: results shown.');
  }

  /** Adds an explored candidate's strategy to the scenario (once), which marks earlier results stale. */
  private addExplored(id: string): void {
    const set = this.analyses.explore.result?.set;
    const outcome = set === undefined ? undefined : addToDraft(this.draft, set, id);
    if (outcome === undefined) return;
    if (outcome.added) void this.setDraft(outcome.draft);
    this.message = outcome.added
      ? {
          kind: 'info',
          text: `Added “${outcome.label}” to the scenario's strategies (Scenario tab); results so far are now of an earlier scenario.`,
        }
      : { kind: 'error', text: outcome.reason };
  }

  private startExercise(exercise: Exercise): void {
    void this.setDraft(exercise.apply(defaultDraft()));
    this.message = { kind: 'info', text: `Exercise “${exercise.title}”: ${exercise.hint}` };
    this.tab = 'results';
  }

  private keepForUndo(text: string): void {
    this.undo = { text, draft: this.draft, library: this.library };
  }

  private removeStrategy(id: string): void {
    const label =
      [...this.draft.strategies, ...this.library].find((s) => typeof s !== 'string' && s.id === id) ?? undefined;
    this.keepForUndo(`“${typeof label === 'object' ? label.label : id}”`);
    this.library = this.library.filter((s) => s.id !== id);
    void this.setDraft({ ...this.draft, strategies: this.draft.strategies.filter((s) => strategyId(s) !== id) });
  }

  private restore(): void {
    const undo = this.undo;
    if (undo === undefined) return;
    this.undo = undefined;
    this.library = undo.library;
    void this.setDraft(undo.draft);
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

  private async openFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    try {
      const opened = await openScenarioFile(file);
      this.open(opened, opened.from);
      await this.setDraft(this.draft);
    } catch (error) {
      this.message = {
        kind: 'error',
        text: `Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private renderResults(problems: readonly string[]) {
    const record = this.analyses.run.result;
    const scenario = this.scenario;
    const psa = this.analyses.psaShown(this.draft.economics.willingnessToPay);
    const psaMatches = psa !== undefined && record !== undefined && runFreshness(psa.scenario, record.scenario).current;
    return html`<run-panel .draft=${this.draft} .problems=${problems} .workers=${this.workers} .maxWorkers=${Math.max(8, this.workers)}
        .estimateSeconds=${this.analyses.estimates(this.draft, this.workers).run}
        .progress=${this.analyses.run.progress}></run-panel>
      ${
        record === undefined
          ? html`<p class="note">No results yet: press Run.</p>`
          : html`<results-view .record=${record} .willingnessToPay=${scenario?.economics.willingnessToPay ?? record.scenario.economics.willingnessToPay}
              .freshness=${runFreshness(record.scenario, scenario)} .psa=${psaMatches ? psa : undefined} .pinned=${this.pinned}
              psaNote=${psa === undefined ? 'run a PSA (Uncertainty tab) to see it.' : 'the last PSA is of another scenario (patients, parameters or strategies differ).'}></results-view>`
      }`;
  }

  private renderUncertainty(problems: readonly string[]) {
    const scenario = this.scenario;
    const { psa: psaTask, dsa: dsaTask, structural: structuralTask, busy } = this.analyses;
    const psa = this.analyses.psaShown(this.draft.economics.willingnessToPay);
    const dsa = dsaTask.result;
    const structural = structuralTask.result;
    const progress = psaTask.progress ?? dsaTask.progress ?? structuralTask.progress;
    const estimates = this.analyses.estimates(this.draft, this.workers);
    return html`${progress === undefined ? '' : html`<run-progress .progress=${progress}></run-progress>`}
      <psa-view .draft=${this.draft} .problems=${problems} .result=${psa} .running=${busy} .seconds=${psaTask.seconds}
        .freshness=${psa === undefined ? undefined : psaFreshness(psa.scenario, scenario)}
        .estimateSeconds=${estimates.psa}></psa-view>
      <dsa-view .draft=${this.draft} .record=${dsa} .running=${busy} .disabled=${problems.length > 0}
        .freshness=${dsa === undefined ? undefined : dsaFreshness(dsa.scenario, scenario === undefined ? undefined : { ...scenario, strategies: dsa.scenario.strategies })}
        .estimateSeconds=${estimates.dsa}></dsa-view>
      <structural-view .patients=${Number(this.draft.patients)} .record=${structural} .running=${busy} .disabled=${problems.length > 0}
        .chosen=${this.structuralSwitches}
        .freshness=${structural === undefined ? undefined : structuralFreshness(structural.scenario, scenario)}
        .estimateSeconds=${this.analyses.structuralEstimate(scenario, this.structuralSwitches, this.workers)}></structural-view>`;
  }

  private renderTab() {
    const check = validateDraft(this.draft);
    const problems = check.ok ? [] : check.problems;
    switch (this.tab) {
      case 'scenario':
        return html`<help-note heading="Building a scenario">
            <p>Pick the patients (cohort), the surveillance strategies to compare, and the analysis settings. Every change is
              checked at once; problems appear beside the field, and a scenario with problems cannot run. The page address
              always holds the scenario, so the link reproduces it.</p>
          </help-note>
          <cohort-editor .draft=${this.draft} .problems=${problems}></cohort-editor>
          <strategy-list .draft=${this.draft} .problems=${problems} .library=${this.library}></strategy-list>
          <settings-panel .draft=${this.draft} .problems=${problems}></settings-panel>`;
      case 'parameters':
        return html`<help-note heading="About the parameters">
            <p>Every number the model uses, with its source: a table and row of one of the five source documents, an external
              publication, or a stated assumption. Edited values are highlighted and used in the next run.</p>
          </help-note>
          <parameter-browser .draft=${this.draft} .problems=${problems}></parameter-browser>`;
      case 'results':
        return this.renderResults(problems);
      case 'uncertainty':
        return this.renderUncertainty(problems);
      case 'explore': {
        const task = this.analyses.explore;
        return html`<explore-view .input=${this.exploreInput} .record=${task.result} .progress=${task.progress}
          .phase=${this.analyses.explorePhase} .inScenario=${this.draft.strategies.map(strategyId)} ?running=${task.running}
          ?busy=${this.analyses.busy} .estimateSeconds=${this.analyses.exploreEstimate(checkExplore(this.exploreInput), this.workers)}></explore-view>`;
      }
      case 'calibration':
        return html`<calibration-view></calibration-view>`;
      default:
        return html`<learn-view></learn-view>`;
    }
  }

  private selectTab(tab: Tab, focus: boolean): void {
    this.tab = tab;
    if (focus)
      void this.updateComplete.then(() =>
        (this.renderRoot.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null)?.focus(),
      );
  }

  private onTabKey(e: KeyboardEvent): void {
    const index = TABS.findIndex(([id]) => id === this.tab);
    const next =
      e.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    this.selectTab((TABS[next] as (typeof TABS)[number])[0], true);
  }

  private renderBanner() {
    if (this.undo !== undefined) {
      return html`<p class="banner ok" role="status">Removed ${this.undo.text}.
        <button class="secondary" @click=${this.restore}>Undo</button>
        <button class="secondary" aria-label="Dismiss the undo offer" @click=${() => (this.undo = undefined)}>×</button></p>`;
    }
    return this.message === undefined
      ? ''
      : html`<p class="banner ${this.message.kind === 'info' ? 'ok' : ''}" role="status" data-testid="banner">${this.message.text}</p>`;
  }

  override render() {
    return html`<header>
        <h1>sarcsim</h1>
        <span class="note">liver metastases of soft-tissue sarcoma · surveillance strategies compared · version ${SARCSIM_VERSION}</span>
        <div class="files">
          <button class="secondary" @click=${this.share}>Copy link to this scenario</button>
          <button class="secondary" data-testid="save-scenario" @click=${() => saveScenarioFile(this.draft)}>Save scenario file</button>
          <label class="open-file">Open a scenario or results file
            <input type="file" accept=".json,application/json" data-testid="open-scenario" @change=${this.openFile} />
          </label>
        </div>
      </header>
      ${this.renderBanner()}
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">${this.announcement}</div>
      <nav role="tablist" aria-label="Views" @keydown=${this.onTabKey}>
        ${TABS.map(
          ([
            id,
            label,
          ]) => html`<button role="tab" id=${`tab-${id}`} aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? 0 : -1}
          aria-controls="panel" @click=${() => this.selectTab(id, false)}>${label}</button>`,
        )}
      </nav>
      <main id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`}
        @draft-change=${(e: CustomEvent<ScenarioDraft>) => void this.setDraft(e.detail)}
        @library-change=${(e: CustomEvent<StrategyDraft[]>) => (this.library = e.detail)}
        @strategy-remove=${(e: CustomEvent<string>) => this.removeStrategy(e.detail)}
        @removing=${(e: CustomEvent<string>) => this.keepForUndo(e.detail)}
        @workers-change=${(e: CustomEvent<number>) => (this.workers = e.detail)}
        @run-request=${() => void this.run()}
        @psa-request=${() => void this.runPsa()}
        @dsa-request=${(e: CustomEvent<{ strategy: string; comparator: string }>) => void this.runDsa(e.detail)}
        @structural-switches=${(e: CustomEvent<readonly string[]>) => (this.structuralSwitches = e.detail)}
        @structural-request=${(e: CustomEvent<readonly string[]>) => void this.runStructural(e.detail)}
        @pin-request=${(e: CustomEvent<RunRecord | undefined>) => (this.pinned = e.detail)}
        @explore-input=${(e: CustomEvent<ExploreInput>) => (this.exploreInput = e.detail)}
        @explore-request=${() => void this.explore()}
        @strategy-add=${(e: CustomEvent<string>) => this.addExplored(e.detail)}
        @cancel-request=${() => this.analyses.cancel()}
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
