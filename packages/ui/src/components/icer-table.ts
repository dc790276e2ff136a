// The incremental analysis as a table, cheapest strategy first: status and ICER come right
// after the name so they stay in view on a narrow screen.
import type { RunEconomics } from '@sarcsim/model/economics';
import { css, html, LitElement } from 'lit';
import { intervalText } from '../state/verdict.js';
import { sharedStyles } from './shared-styles.js';

const money = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : Math.round(v).toLocaleString('en-US'));
const qaly = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : v.toFixed(4));
const STATUS = { ND: 'on the frontier', D: 'dominated', ED: 'extendedly dominated' } as const;

export class IcerTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      tbody th {
        max-width: 11rem;
        font-weight: normal;
      }
    `,
  ];
  static override properties = { economics: { attribute: false } };
  declare economics: RunEconomics;

  override render() {
    const e = this.economics;
    const label = new Map(e.strategies.map((s) => [s.id, s.label]));
    const name = (id: string | null) => (id === null ? '' : (label.get(id) ?? id));
    const rows = [...e.incremental.rows].sort((a, b) => a.cost - b.cost || b.effect - a.effect);
    const precision = new Map((e.precision?.rows ?? []).map((p) => [p.id, p]));
    const pm = (mcse: number | undefined, format: (v: number) => string) =>
      mcse === undefined ? '' : html`<br /><span class="note">± ${format(mcse)}</span>`;
    return html`<div class="scroll"><table data-testid="icer-table">
        <caption class="note">Discounted per patient, cheapest first; ${e.currency}; net monetary benefit at ${money(e.willingnessToPay)} ${e.currency} per QALY</caption>
        <thead><tr><th scope="col">Strategy</th><th scope="col">Status</th><th scope="col">ICER</th><th scope="col">Cost</th><th scope="col">QALYs</th><th scope="col">Compared with</th><th scope="col">Δ cost</th><th scope="col">Δ QALYs</th><th scope="col">NMB</th>${e.precision === undefined ? '' : html`<th scope="col">ICER 95% interval (Fieller)</th>`}</tr></thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row">${name(r.id)}${e.incremental.preferred === r.id ? html` <strong>(preferred)</strong>` : ''}</th>
              <td><abbr title=${STATUS[r.status]}>${r.status}</abbr>${r.sameAs === null ? '' : ` (= ${name(r.sameAs)})`}</td>
              <td>${money(r.icer)}</td>
              <td>${money(r.cost)}</td>
              <td>${qaly(r.effect)}</td>
              <td>${r.comparator !== null ? name(r.comparator) : r.dominatedBy === null ? '' : `by ${name(r.dominatedBy)}`}</td>
              <td>${money(r.incrementalCost)}${r.comparator === null ? '' : pm(precision.get(r.id)?.vsComparator?.cost.mcse, (v) => money(v))}</td>
              <td>${qaly(r.incrementalEffect)}${r.comparator === null ? '' : pm(precision.get(r.id)?.vsComparator?.qalys.mcse, (v) => qaly(v))}</td>
              <td>${money(r.netMonetaryBenefit)}</td>
              ${e.precision === undefined ? '' : html`<td class="note">${intervalText(precision.get(r.id)?.icerInterval ?? null)}</td>`}
            </tr>`,
          )}
        </tbody>
      </table></div>
      <p class="note">ND: on the efficiency frontier · D: dominated (another strategy costs no more and gains at least as much) · ED: extendedly dominated (a mix of two frontier strategies would do better). ICERs compare each frontier strategy with the next cheaper one.${
        e.precision === undefined
          ? ''
          : ` ± is the paired Monte Carlo standard error of the increment (${e.precision.patients.toLocaleString('en-US')} patients, every strategy on the same patients).`
      }</p>`;
  }
}
customElements.define('icer-table', IcerTable);

declare global {
  interface HTMLElementTagNameMap {
    'icer-table': IcerTable;
  }
}
