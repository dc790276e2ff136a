// For students: what the model does, and what-if exercises that set up a scenario.
import { html, LitElement } from 'lit';
import { EXERCISES, type Exercise } from '../state/exercises.js';
import { sharedStyles } from './shared-styles.js';

export class LearnView extends LitElement {
  static override styles = sharedStyles;

  private start(exercise: Exercise): void {
    this.dispatchEvent(new CustomEvent('exercise-start', { detail: exercise, bubbles: true, composed: true }));
  }

  override render() {
    return html`<h2>Learn</h2>
      <p>sarcsim follows simulated patients after treatment of a soft-tissue sarcoma. Some develop liver metastases, which
        grow until imaging or symptoms reveal them; small, few lesions can be resected or ablated, others get systemic
        therapy. Surveillance strategies differ in who is scanned, how often and with what. The model counts costs, life-years
        and quality-adjusted life-years for each strategy on the same patients, so you can see what earlier detection buys.</p>
      <h3>What-if exercises</h3>
      <ol>
        ${EXERCISES.map(
          (x) => html`<li>
            <strong>${x.title}.</strong> ${x.question} <span class="note">${x.hint}</span><br />
            <button class="secondary" @click=${() => this.start(x)} data-testid=${`exercise-${x.id}`}
              aria-label=${`Set up the exercise: ${x.title}`}>Set it up</button>
          </li>`,
        )}
      </ol>
      <p class="note">Each exercise starts from the default scenario with one change; run it and compare with the default run.</p>`;
  }
}
customElements.define('learn-view', LearnView);

declare global {
  interface HTMLElementTagNameMap {
    'learn-view': LearnView;
  }
}
