// The validation problems that belong to one field, shown beside it.
import { html, LitElement } from 'lit';
import { sharedStyles } from './shared-styles.js';

export class FieldProblems extends LitElement {
  static override styles = sharedStyles;
  static override properties = { problems: { attribute: false } };
  declare problems: readonly string[];

  constructor() {
    super();
    this.problems = [];
  }

  override render() {
    if (this.problems.length === 0) return html``;
    return html`<ul class="problems" role="alert">
      ${this.problems.map((p) => html`<li>${p}</li>`)}
    </ul>`;
  }
}
customElements.define('field-problems', FieldProblems);

declare global {
  interface HTMLElementTagNameMap {
    'field-problems': FieldProblems;
  }
}
