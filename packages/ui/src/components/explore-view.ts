// Exploring a policy space in the browser: the space as JSON and the search settings, checked
// by the model's schema; the run with its phase and cancel; then the cloud of candidates on the
// cost-effectiveness plane with the fresh frontier, the frontier with ICERs and Fieller
// intervals, the optimal schedule at the report thresholds, the selection correction, every
// candidate in a table (the chart's hover details, for the keyboard and screen readers) and
// "Add to scenario" for any of them. Method: docs/explore.md.
import type { CandidateRow, ExploreResult } from '@sarcsim/model/analyses';
import { exploreCsvFiles } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import { exploreCloudChart } from '../charts/explore-chart.js';
import { downloadText } from '../state/downloads.js';
import {
  BROWSER_SEARCH,
  checkExplore,
  defaultExploreInput,
  type ExploreInput,
  type ExploreRecord,
  type ExploreSettings,
  exploreChanges,
  exploreWorkload,
  lastEstimate,
} from '../state/exploration.js';
import { problemsAt } from '../state/scenario-draft.js';
import type { TaskProgress } from '../state/task.js';
import { intervalText } from '../state/verdict.js';
import { sharedStyles } from './shared-styles.js';
import './estimated-run-button.js';
import './field-problems.js';
import './help-note.js';
import './plot-figure.js';
import './repro-stamp.js';
import './run-progress.js';

const count = (v: number) => v.toLocaleString('en-US');
const money = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const pm = (e: { mean: number; mcse: number } | null, digits = 0) =>
  e === null
    ? '–'
    : digits === 0
      ? `${money(e.mean)} ± ${money(e.mcse)}`
      : `${e.mean.toFixed(digits)} ± ${e.mcse.toFixed(digits)}`;

const SETTINGS: readonly { key: keyof ExploreSettings; label: string; path: string; note: string }[] = [
  {
    key: 'screenPatients',
    label: 'Screen patients',
    path: 'search.screenPatients',
    note: 'every candidate at stage 1',
  },
  {
    key: 'finalPatients',
    label: 'Final patients',
    path: 'search.finalPatients',
    note: 'the fresh re-evaluation',
  },
  {
    key: 'budgetPatients',
    label: 'Budget (patient histories)',
    path: 'search.budgetPatients',
    note: 'for the selection stages',
  },
  { key: 'seed', label: 'Seed', path: 'seed', note: '' },
];

export class ExploreView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label.space {
        display: flex;
        width: min(52rem, 100%);
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
      }
      .settings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.2rem;
      }
      .selected {
        border-left: 4px solid #0b5394;
        background: #eef4fb;
        padding: 0.4rem 0.8rem;
      }
      td.status-frontier {
        font-weight: bold;
      }
    `,
  ];
  static override properties = {
    input: { attribute: false },
    record: { attribute: false },
    progress: { attribute: false },
    phase: { attribute: false },
    inScenario: { attribute: false },
    running: { type: Boolean },
    busy: { type: Boolean },
    estimateSeconds: { type: Number },
    selected: { state: true },
  };
  declare input: ExploreInput;
  declare record: ExploreRecord | undefined;
  declare progress: TaskProgress | undefined;
  declare phase: { readonly phase: string; readonly candidates: number } | undefined;
  /** Ids of the scenario draft's strategies (a candidate among them is marked, not added twice). */
  declare inScenario: readonly string[];
  /** This exploration is running. */
  declare running: boolean;
  /** Any analysis is running. */
  declare busy: boolean;
  declare estimateSeconds: number;
  /** The candidate picked on the chart. */
  declare selected: string | undefined;
  /** The chart's builder, made once per result, so picking a point does not redraw the chart. */
  private chart: { result: ExploreResult; build: () => Element } | undefined;
  private files: { result: ExploreResult; csv: Record<string, string> } | undefined;

  constructor() {
    super();
    this.input = defaultExploreInput();
    this.inScenario = [];
    this.selected = undefined;
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private setInput(input: ExploreInput): void {
    this.emit('explore-input', input);
  }

  /** `where` tells apart the buttons of one candidate in different tables (every button has its own name). */
  private addButton(id: string, label: string, where: string) {
    const added = this.inScenario.includes(id);
    return html`<button class="secondary" data-testid="add-to-scenario" data-id=${id} ?disabled=${added}
      aria-label=${`${added ? `${label} is in the scenario` : `Add ${label} to the scenario`} (${where})`}
      @click=${() => this.emit('strategy-add', id)}>${added ? 'In scenario' : 'Add to scenario'}</button>`;
  }

  private renderSetup(problems: readonly string[]) {
    const check = checkExplore(this.input);
    const settingPaths = SETTINGS.map((s) => s.path);
    const spaceProblems = problems.filter((p) => !settingPaths.some((path) => problemsAt([p], path).length > 0));
    const work = check.ok ? exploreWorkload(check.set) : undefined;
    return html`<label class="space">Policy space (JSON)
        <textarea rows="20" spellcheck="false" data-testid="explore-space" .value=${this.input.text}
          aria-invalid=${spaceProblems.length > 0 ? 'true' : 'false'}
          @change=${(e: Event) => this.setInput({ ...this.input, text: (e.target as HTMLTextAreaElement).value })}></textarea>
      </label>
      <div data-testid="explore-problems"><field-problems .problems=${spaceProblems}></field-problems></div>
      <p><button class="secondary" @click=${() => this.setInput({ ...this.input, text: defaultExploreInput().text })}>Reset to the default space</button></p>
      <div class="settings">
        ${SETTINGS.map((s) => {
          const mine = problemsAt(problems, s.path);
          return html`<label>${s.label}
            <input type="number" min="0" step="1" .value=${String(this.input.settings[s.key])}
              aria-invalid=${mine.length > 0 ? 'true' : 'false'}
              @change=${(e: Event) => this.setInput({ ...this.input, settings: { ...this.input.settings, [s.key]: Number((e.target as HTMLInputElement).value) } })} />
            ${s.note === '' ? '' : html`<span class="note">${s.note}</span>`}
            <field-problems .problems=${mine}></field-problems>
          </label>`;
        })}
      </div>
      <p class="note">Sized for a browser: ${count(BROWSER_SEARCH.screenPatients)} screen patients,
        ${count(BROWSER_SEARCH.finalPatients)} final patients, a budget of ${count(BROWSER_SEARCH.budgetPatients)} patient
        histories (the CLI's defaults are 1,000, 200,000 and 20,000,000). These fields override the space's own
        <code>search</code> values; its other settings (growth, keepWithinMcse, thresholds) are read from the JSON.</p>
      ${
        check.ok && work !== undefined
          ? html`<p data-testid="explore-summary">${count(check.set.candidates.length)} candidates${check.set.duplicates > 0 ? ` (${count(check.set.duplicates)} repeated level combinations left out)` : ''},
              each against ${check.set.comparator.label}; at most ${count(work.histories)} patient histories in
              ${count(work.tasks)} runs (fewer when the stages drop candidates).</p>`
          : ''
      }
      <estimated-run-button label="Explore" testid="run-explore" .estimateSeconds=${this.estimateSeconds}
        ?disabled=${this.busy || !check.ok} @confirmed-run=${() => this.emit('explore-request')}></estimated-run-button>
      ${
        this.progress === undefined
          ? ''
          : html`<p data-testid="explore-phase">${this.phase === undefined ? 'Starting…' : `${this.phase.phase}: ${count(this.phase.candidates)} candidates`}</p>
            <run-progress .progress=${this.progress}></run-progress>`
      }`;
  }

  private downloads(record: ExploreRecord) {
    const r = record.result;
    // The files of hundreds of candidates are written once per result, not at every render.
    if (this.files?.result !== r) this.files = { result: r, csv: exploreCsvFiles(r) };
    const files = this.files.csv;
    const json = () => JSON.stringify({ ...r, space: record.set.space, spaceHash: record.hash }, null, 2);
    return html`<p>
      <button class="secondary" @click=${() => downloadText('sarcsim-explore.json', json(), 'application/json')}>Download JSON</button>
      ${Object.keys(files).map((name) => html`<button class="secondary" @click=${() => downloadText(name, files[name] ?? '', 'text/csv')}>${name}</button> `)}
    </p>`;
  }

  private renderSelected(r: ExploreResult) {
    const row = r.rows.find((x) => x.id === this.selected);
    if (row === undefined)
      return html`<p class="note">Click a point to pick it, or use the candidates table below.</p>`;
    const e = lastEstimate(row);
    return html`<div class="selected" role="region" aria-label="Picked candidate" data-testid="explore-selected">
      <p><strong>${row.label}</strong> <code>${row.id}</code> · ${row.status} · N ${count(e.patients)}
        (${row.fresh === null ? 'last selection stage' : 'fresh re-evaluation'}) · cost ${pm(e.cost)} · QALYs ${pm(e.qalys, 4)}
        · Δcost ${pm(e.deltaCost)} · ΔQALYs ${pm(e.deltaQalys, 4)}</p>
      ${this.addButton(row.id, row.label, 'picked on the chart')}
    </div>`;
  }

  private frontierTable(r: ExploreResult) {
    return html`<div class="scroll"><table data-testid="explore-frontier">
      <caption>The fresh frontier, cheapest first (${r.currency} per patient, ± paired MCSE; ${count(r.fresh.patients)} patients)</caption>
      <thead><tr><th scope="col">Strategy</th><th scope="col">Cost</th><th scope="col">QALYs</th>
        <th scope="col">Δcost vs previous</th><th scope="col">ΔQALYs vs previous</th><th scope="col">ICER (95% Fieller interval)</th><th scope="col"></th></tr></thead>
      <tbody>${r.frontier.map(
        (f) => html`<tr data-testid="explore-frontier-row" data-id=${f.id}>
          <th scope="row">${f.label}<br><code class="note">${f.id}</code></th>
          <td>${pm(f.estimate.cost)}</td><td>${pm(f.estimate.qalys, 4)}</td>
          <td>${pm(f.incrementalCost)}</td><td>${pm(f.incrementalQalys, 5)}</td>
          <td>${f.icer === null ? '(least costly)' : html`${money(f.icer)}<br><span class="note">${intervalText(f.icerInterval)}</span>`}</td>
          <td>${this.addButton(f.id, f.label, 'frontier')}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  private thresholdTable(r: ExploreResult) {
    const label = (id: string | null) =>
      id === null ? '' : (r.rows.find((x) => x.id === id)?.label ?? (id === r.comparator.id ? r.comparator.label : id));
    return html`<div class="scroll"><table data-testid="explore-thresholds">
      <caption>The optimal schedule at each threshold: INMB against ${r.comparator.label} (${r.currency} per patient, ± paired MCSE)</caption>
      <thead><tr><th scope="col">Threshold</th><th scope="col">Optimal (fresh)</th><th scope="col">INMB, fresh</th>
        <th scope="col">INMB on the selection streams</th><th scope="col">Margin over the runner-up</th><th scope="col"></th></tr></thead>
      <tbody>${r.atReportThresholds.map(
        (t) => html`<tr>
          <th scope="row">${money(t.willingnessToPay)}</th><td>${t.optimalLabel}</td><td>${pm(t.inmbVsComparator)}</td>
          <td>${pm(t.selectedInmbVsComparator)}</td>
          <td>${t.marginOverRunnerUp === null ? '–' : `${pm(t.marginOverRunnerUp)} over ${label(t.runnerUp)}`}</td>
          <td>${this.addButton(t.optimal, t.optimalLabel, `optimal at ${money(t.willingnessToPay)}`)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  private correctionTable(r: ExploreResult) {
    const label = (id: string) => r.rows.find((x) => x.id === id)?.label ?? id;
    return html`<div class="scroll"><table data-testid="explore-correction">
      <caption>Selection correction: the last selection stage minus the fresh re-evaluation (positive: the selection streams flattered it), ± MCSE</caption>
      <thead><tr><th scope="col">Strategy</th><th scope="col">Selected at</th><th scope="col">Δcost</th><th scope="col">ΔQALYs</th>
        ${r.selectionCorrection[0]?.inmb.map((x) => html`<th scope="col">INMB at ${money(x.willingnessToPay)}</th>`)}</tr></thead>
      <tbody>${r.selectionCorrection.map(
        (
          c,
        ) => html`<tr><th scope="row">${label(c.id)}</th><td>${count(c.selectedPatients)}</td><td>${pm(c.deltaCost)}</td>
          <td>${pm(c.deltaQalys, 5)}</td>${c.inmb.map((x) => html`<td>${pm(x.correction)}</td>`)}</tr>`,
      )}</tbody>
    </table></div>`;
  }

  private candidatesTable(r: ExploreResult) {
    const row = (c: CandidateRow) => {
      const e = lastEstimate(c);
      const f = c.factors;
      return html`<tr data-testid="explore-candidate" data-id=${c.id} data-status=${c.status}>
        <th scope="row">${c.label}<br><code class="note">${c.id}</code></th><td class=${`status-${c.status}`}>${c.status}${c.droppedAtStage === null ? '' : ` (stage ${c.droppedAtStage + 1})`}</td>
        <td>${f.modality}</td><td>${f.intervalsMonths.join('/')}</td><td>${f.durationYears}</td><td>${f.riskGroup}</td><td>${f.othersGet}</td>
        <td>${count(e.patients)}${c.fresh === null ? '' : ' (fresh)'}</td><td>${pm(e.cost)}</td><td>${pm(e.qalys, 4)}</td>
        <td>${pm(e.deltaCost)}</td><td>${pm(e.deltaQalys, 4)}</td><td>${this.addButton(c.id, c.label, 'candidates table')}</td>
      </tr>`;
    };
    return html`<details><summary>Every candidate (${count(r.rows.length)}): the chart's points as a table</summary>
      <div class="scroll"><table data-testid="explore-candidates">
        <caption>Each candidate's last estimate (the fresh one when it was re-evaluated), ${r.currency} per patient, ± MCSE; Δ against ${r.comparator.label}</caption>
        <thead><tr><th scope="col">Candidate</th><th scope="col">Status</th><th scope="col">Modality</th><th scope="col">Intervals (months)</th>
          <th scope="col">Duration (years)</th><th scope="col">Risk group</th><th scope="col">Others get</th><th scope="col">N</th>
          <th scope="col">Cost</th><th scope="col">QALYs</th><th scope="col">Δcost</th><th scope="col">ΔQALYs</th><th scope="col"></th></tr></thead>
        <tbody>${r.rows.map(row)}</tbody>
      </table></div></details>`;
  }

  private chartBuilder(result: ExploreResult): () => Element {
    if (this.chart?.result !== result)
      this.chart = { result, build: () => exploreCloudChart(result, (id) => (this.selected = id)) };
    return this.chart.build;
  }

  private results(record: ExploreRecord, changed: readonly string[]) {
    const r = record.result;
    const stages = r.stages
      .map((s) => `${count(s.candidates)} at ${count(s.patients)} (${count(s.kept)} kept)`)
      .join(', ');
    return html`<h3>Results of the last exploration</h3>
      <p data-testid="explore-settings">${count(r.candidates)} candidates against ${r.comparator.label}, seed ${r.seed};
        selection stages: ${stages}; fresh re-evaluation of ${count(r.rows.filter((x) => x.fresh !== null).length)} at
        ${count(r.fresh.patients)} patients; ${count(r.historiesTotal)} patient histories in all; took ${record.seconds.toFixed(1)} s.</p>
      ${
        changed.length === 0
          ? ''
          : html`<p class="stale" role="status" data-testid="explore-stale">This exploration is of an earlier space or settings: changed since: ${changed.join(', ')}. Explore again for the current one.</p>`
      }
      <repro-stamp .version=${r.version} .seed=${r.seed} .patients=${r.fresh.patients} .hash=${record.hash}
        .extra=${` (fresh) · ${count(r.candidates)} candidates; the hash is of the policy space and seed`}></repro-stamp>
      ${this.downloads(record)}
      <plot-figure caption="Candidates on the cost-effectiveness plane (last estimate of each; line and rings: the fresh frontier; square: the comparator)"
        name="explore-cloud" stamp=${`sarcsim ${r.version} · seed ${r.seed} · ${count(r.fresh.patients)} patients (fresh) · policy space ${record.hash.slice(0, 16)}`}
        .build=${this.chartBuilder(r)}></plot-figure>
      ${this.renderSelected(r)}
      ${this.frontierTable(r)}
      ${this.thresholdTable(r)}
      ${this.correctionTable(r)}
      ${this.candidatesTable(r)}`;
  }

  override render() {
    const check = checkExplore(this.input);
    const problems = check.ok ? [] : check.problems;
    return html`<h2>Explore the policy space</h2>
      <help-note heading="What this does">
        <p>Every schedule the policy space describes (the product of its factors' levels) runs on the same simulated patients
          beside the comparator. Successive stages keep only candidates that might be on the frontier and rerun them with more
          patients; the final set is then re-evaluated on fresh, independent random numbers, and every figure below comes from
          that re-evaluation. The space's <code>scenario</code> field sets the model (horizon, parameters…), not the Scenario tab.</p>
      </help-note>
      ${this.renderSetup(problems)}
      ${this.record === undefined ? '' : this.results(this.record, exploreChanges(this.record, check))}`;
  }
}
customElements.define('explore-view', ExploreView);

declare global {
  interface HTMLElementTagNameMap {
    'explore-view': ExploreView;
  }
}
