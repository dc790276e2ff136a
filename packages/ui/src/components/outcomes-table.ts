// The model's outcomes per strategy, the rows of the CLI's outcomes table, cheapest strategy first.
import type { ReportedStrategy } from '@sarcsim/model/scenario';
import { OUTCOME_ROWS } from '@sarcsim/worker/browser';
import { css, html, LitElement } from 'lit';
import { sharedStyles } from './shared-styles.js';

export class OutcomesTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      tbody th {
        font-weight: normal;
        white-space: pre-wrap;
        min-width: 12rem;
      }
    `,
  ];
  static override properties = { strategies: { attribute: false } };
  declare strategies: readonly ReportedStrategy[];

  override render() {
    const shown = this.strategies.filter((s) => s.outcomes !== undefined);
    return html`<div class="scroll"><table data-testid="outcomes-table">
      <caption class="note">Counted from cohort entry unless marked; per patient or share of patients</caption>
      <thead><tr><th scope="col">Outcome</th>${shown.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
      <tbody>${OUTCOME_ROWS.map(
        ([label, value]) =>
          html`<tr><th scope="row">${label}</th>${shown.map((s) => html`<td>${value(s.outcomes as NonNullable<ReportedStrategy['outcomes']>)}</td>`)}</tr>`,
      )}</tbody>
    </table></div>`;
  }
}
customElements.define('outcomes-table', OutcomesTable);

declare global {
  interface HTMLElementTagNameMap {
    'outcomes-table': OutcomesTable;
  }
}
