// The answer first: the preferred strategy at the threshold, its ICER against its neighbours on
// the efficiency frontier, its net benefit over the runner-up and, with a PSA of this scenario,
// the probability that it is the cost-effective choice.
import { css, html, LitElement } from 'lit';
import type { Verdict } from '../state/verdict.js';
import { intervalText } from '../state/verdict.js';
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

  private resolution() {
    const r = this.verdict.resolution;
    if (r === null) {
      return html`<p class="caveat note">Monte Carlo error of the increments is not available for these results (they
        carry no paired moments); rerun to see it.</p>`;
    }
    if (r.preferred && r.frontier) {
      return html`<p class="note" data-testid="verdict-resolved">With ${r.patients.toLocaleString('en-US')} patients the
        simulation resolves the decision: every comparison the preferred strategy and the frontier rest on is at least
        2 paired Monte Carlo standard errors from its boundary.</p>`;
    }
    const what = !r.preferred ? 'which strategy is preferred' : 'the order of the efficiency frontier';
    return html`<p class="caveat" role="note" data-testid="verdict-unresolved"><strong>This patient count cannot resolve ${what}.</strong>
      With ${r.patients.toLocaleString('en-US')} patients, ${r.unresolved.length} comparison(s) are within 2 paired Monte
      Carlo standard errors of their boundary (${r.unresolved.slice(0, 3).join('; ')}${r.unresolved.length > 3 ? '; …' : ''}).
      ${
        r.patientsToResolve === null
          ? 'A difference is exactly 0, so no patient count resolves it: the strategies tie.'
          : html`About <strong>${Math.ceil(r.patientsToResolve).toLocaleString('en-US')} patients</strong> would, if the
            current estimates were the truth.`
      }</p>`;
  }

  override render() {
    const v = this.verdict;
    const c = v.currency;
    return html`<section data-testid="verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" tabindex="-1">Verdict at ${money(v.willingnessToPay)} ${c} per QALY: ${v.preferred.label}</h2>
      <ul>
        <li>${
          v.cheaper === null
            ? html`It is the least costly strategy on the efficiency frontier (no ICER: nothing cheaper is worth comparing with).`
            : html`ICER against the next cheaper frontier strategy, ${v.cheaper.label}: <strong>${money(v.cheaper.icer)} ${c} per QALY</strong>${
                v.cheaper.interval === null
                  ? ''
                  : html` <span data-testid="verdict-interval">(${intervalText(v.cheaper.interval)})</span>`
              }.${
                v.cheaper.inmb === null
                  ? ''
                  : html` INMB against it: ${money(v.cheaper.inmb.mean)} ± ${money(v.cheaper.inmb.mcse)} ${c} (± 1 paired MCSE).`
              }`
        }</li>
        ${v.costlier === null ? '' : html`<li>The next costlier frontier strategy, ${v.costlier.label}, costs ${money(v.costlier.icer)} ${c} per extra QALY, above the threshold.</li>`}
        ${
          v.runnerUp === null
            ? ''
            : html`<li>Incremental net monetary benefit over the runner-up, ${v.runnerUp.label}: <strong>${money(v.runnerUp.inmb)} ${c}</strong>${
                v.runnerUp.mcse === null ? '' : html` ± ${money(v.runnerUp.mcse)}`
              } per patient.</li>`
        }
        <li>${
          v.probabilityCostEffective === null
            ? html`<span class="note">Probability cost-effective: ${this.psaNote}</span>`
            : html`Probability cost-effective (PSA): <strong>${(100 * v.probabilityCostEffective).toFixed(0)}%</strong>.`
        }</li>
      </ul>
      ${this.resolution()}
    </section>`;
  }
}
customElements.define('verdict-panel', VerdictPanel);

declare global {
  interface HTMLElementTagNameMap {
    'verdict-panel': VerdictPanel;
  }
}
