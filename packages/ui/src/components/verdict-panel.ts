// The answer first: the preferred strategy at the threshold, its ICER against its neighbours on
// the efficiency frontier, its net benefit over the runner-up and, with a PSA of this scenario,
// the probability that it is the cost-effective choice.
import { css, html, LitElement } from 'lit';
import type { Verdict } from '../state/verdict.js';
import { sharedStyles } from './shared-styles.js';

const money = (v: number) => Math.round(v).toLocaleString('en-US');

export class VerdictPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 2px solid #0b5394;
        border-radius: 6px;
        padding: 0.4rem 1rem 0.6rem;
        margin: 0.6rem 0 1rem;
        background: #f5f9fd;
      }
      h2 {
        margin-top: 0.4rem;
      }
      .caveat {
        border-left: 4px solid #8a5a00;
        background: #fff4d6;
        padding: 0.3rem 0.6rem;
      }
    `,
  ];
  static override properties = { verdict: { attribute: false }, psaNote: {} };
  declare verdict: Verdict;
  /** Why the PSA probability is missing (no PSA, or one of another scenario). */
  declare psaNote: string;

  override render() {
    const v = this.verdict;
    const c = v.currency;
    return html`<section data-testid="verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" tabindex="-1">Verdict at ${money(v.willingnessToPay)} ${c} per QALY: ${v.preferred.label}</h2>
      <ul>
        <li>${
          v.cheaper === null
            ? html`It is the least costly strategy on the efficiency frontier (no ICER: nothing cheaper is worth comparing with).`
            : html`ICER against the next cheaper frontier strategy, ${v.cheaper.label}: <strong>${money(v.cheaper.icer)} ${c} per QALY</strong>.`
        }</li>
        ${v.costlier === null ? '' : html`<li>The next costlier frontier strategy, ${v.costlier.label}, costs ${money(v.costlier.icer)} ${c} per extra QALY, above the threshold.</li>`}
        ${
          v.runnerUp === null
            ? ''
            : html`<li>Incremental net monetary benefit over the runner-up, ${v.runnerUp.label}: <strong>${money(v.runnerUp.inmb)} ${c}</strong> per patient.</li>`
        }
        <li>${
          v.probabilityCostEffective === null
            ? html`<span class="note">Probability cost-effective: ${this.psaNote}</span>`
            : html`Probability cost-effective (PSA): <strong>${(100 * v.probabilityCostEffective).toFixed(0)}%</strong>.`
        }</li>
      </ul>
      <p class="caveat note">Monte Carlo error of the increments (paired MCSE, an interval for the ICER and whether this patient
        count resolves the frontier) is not shown yet: it needs the paired precision of the model's economics, which this
        version does not compute. Rerun with more patients and see whether the verdict holds.</p>
    </section>`;
  }
}
customElements.define('verdict-panel', VerdictPanel);

declare global {
  interface HTMLElementTagNameMap {
    'verdict-panel': VerdictPanel;
  }
}
