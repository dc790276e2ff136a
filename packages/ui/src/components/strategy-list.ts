// Which strategies to compare: the shipped ones and the user's own (duplicated from one and
// edited), at most MAX_STRATEGIES at once (the schema's limit: a scenario the app builds is one it accepts).
// Unticking one of the user's strategies leaves it in their library, unticked; only Remove
// deletes it (and the page offers to undo that).
import { NAMED_STRATEGIES } from '@sarcsim/model/sarcoma';
import { MAX_STRATEGIES } from '@sarcsim/model/scenario';
import { css, html, LitElement } from 'lit';
import { strategyId as idOf, problemsAt, type ScenarioDraft, type StrategyDraft } from '../state/scenario-draft.js';
import { sharedStyles } from './shared-styles.js';
import './strategy-editor.js';

/** A strategy as editable data: a shipped one's definition, or the user's own. */
function resolved(s: string | StrategyDraft): StrategyDraft {
  if (typeof s !== 'string') return s;
  const named = NAMED_STRATEGIES.find((n) => n.id === s);
  if (named === undefined) throw new RangeError(`unknown strategy '${s}'`);
  return structuredClone(named) as StrategyDraft;
}

export class StrategyList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      li {
        list-style: none;
        margin: 0.3rem 0;
      }
      ul {
        padding: 0;
      }
      .row {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .row label {
        flex-direction: row;
        align-items: center;
        margin: 0;
      }
    `,
  ];
  static override properties = {
    draft: { attribute: false },
    problems: { attribute: false },
    library: { attribute: false },
    editing: { state: true },
  };
  declare draft: ScenarioDraft;
  declare problems: readonly string[];
  /** The user's own strategies, ticked or not. */
  declare library: readonly StrategyDraft[];
  declare editing: string | undefined;

  constructor() {
    super();
    this.problems = [];
    this.library = [];
    this.editing = undefined;
  }

  private change(strategies: (string | StrategyDraft)[]): void {
    this.dispatchEvent(
      new CustomEvent('draft-change', { detail: { ...this.draft, strategies }, bubbles: true, composed: true }),
    );
  }

  /** Every strategy the user can pick: shipped ones, then their own (as in the draft when ticked). */
  private get choices(): (string | StrategyDraft)[] {
    const own = this.draft.strategies.filter((s) => typeof s !== 'string');
    const unticked = this.library.filter((l) => !own.some((o) => o.id === l.id));
    return [...NAMED_STRATEGIES.map((n) => n.id), ...own, ...unticked];
  }

  private setLibrary(library: readonly StrategyDraft[]): void {
    this.dispatchEvent(new CustomEvent('library-change', { detail: library, bubbles: true, composed: true }));
  }

  private toggle(id: string, on: boolean): void {
    const chosen = this.draft.strategies;
    if (on) {
      const choice = this.choices.find((c) => idOf(c) === id);
      if (choice === undefined || chosen.some((c) => idOf(c) === id)) return;
      this.setLibrary(this.library.filter((l) => l.id !== id));
      this.change([...chosen, choice]);
    } else {
      const own = chosen.find((c) => typeof c !== 'string' && c.id === id);
      // The user's own strategy stays in the list, unticked, to be ticked again.
      if (own !== undefined && typeof own !== 'string') this.setLibrary([...this.library, own]);
      if (this.editing === id) this.editing = undefined;
      this.change(chosen.filter((c) => idOf(c) !== id));
    }
  }

  private duplicate(source: string | StrategyDraft): void {
    const base = resolved(source);
    let n = 2;
    while (this.draft.strategies.some((s) => idOf(s) === `${base.id}-${n}`)) n += 1;
    const copy: StrategyDraft = {
      ...structuredClone(base),
      id: `${base.id}-${n}`.slice(0, 41),
      label: `${base.label} (copy)`,
    };
    this.change([...this.draft.strategies, copy]);
    this.editing = copy.id;
  }

  private replace(index: number, strategy: StrategyDraft): void {
    const next = [...this.draft.strategies];
    next[index] = strategy;
    this.change(next);
  }

  override render() {
    const chosen = new Set(this.draft.strategies.map(idOf));
    const full = chosen.size >= MAX_STRATEGIES;
    const editingIndex = this.draft.strategies.findIndex((s) => typeof s !== 'string' && s.id === this.editing);
    const editing = this.draft.strategies[editingIndex];
    return html`
      <h2>Strategies (${chosen.size} of at most ${MAX_STRATEGIES})</h2>
      <field-problems .problems=${problemsAt(this.problems, 'strategies').filter((p) => p.startsWith('strategies:'))}></field-problems>
      <ul>
        ${this.choices.map((choice) => {
          const id = idOf(choice);
          const strategy = resolved(choice);
          const index = this.draft.strategies.findIndex((s) => idOf(s) === id);
          return html`<li>
            <div class="row">
              <label>
                <input type="checkbox" .checked=${chosen.has(id)} ?disabled=${full && !chosen.has(id)}
                  @change=${(e: Event) => this.toggle(id, (e.target as HTMLInputElement).checked)} />
                ${strategy.label}
              </label>
              <button class="secondary" @click=${() => this.duplicate(choice)} ?disabled=${full}
                aria-label=${`Duplicate ${strategy.label} and edit the copy`}>Duplicate &amp; edit</button>
              ${
                typeof choice === 'string'
                  ? ''
                  : html`<button class="secondary" ?disabled=${!chosen.has(id)} aria-label=${`${this.editing === id ? 'Close the editor of' : 'Edit'} ${strategy.label}`}
                      @click=${() => (this.editing = this.editing === id ? undefined : id)}>${this.editing === id ? 'Close editor' : 'Edit'}</button>
                    <button class="secondary" aria-label=${`Remove ${strategy.label}`}
                      @click=${() => this.dispatchEvent(new CustomEvent('strategy-remove', { detail: id, bubbles: true, composed: true }))}>Remove</button>`
              }
            </div>
            <field-problems .problems=${index < 0 ? [] : problemsAt(this.problems, `strategies[${index}]`)}></field-problems>
          </li>`;
        })}
      </ul>
      ${
        editing !== undefined && typeof editing !== 'string'
          ? html`<strategy-editor .strategy=${editing} @strategy-change=${(e: CustomEvent<StrategyDraft>) => {
              if (this.editing === editing.id) this.editing = e.detail.id;
              this.replace(editingIndex, e.detail);
            }}></strategy-editor>`
          : ''
      }
    `;
  }
}
customElements.define('strategy-list', StrategyList);

declare global {
  interface HTMLElementTagNameMap {
    'strategy-list': StrategyList;
  }
}
