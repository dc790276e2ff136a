// The committed calibration against its targets, simulated in a worker on request.
import { html, LitElement } from 'lit';
import { calibrationChart } from '../charts/calibration-chart.js';
import { fetchCalibrationReport, type CalibrationView as Report } from '../state/calibration-client.js';
import { Task } from '../state/task.js';
import { sharedStyles } from './shared-styles.js';
import './help-note.js';
import './plot-figure.js';

const show = (v: number, unit: string) => (unit === 'months' ? v.toFixed(1) : `${(100 * v).toFixed(1)}%`);

export class CalibrationView extends LitElement {
  static override styles = sharedStyles;
  private readonly task = new Task<Report>(this, 'calibration check', 'targets');

  private async check(): Promise<void> {
    await this.task.start(() => fetchCalibrationReport());
  }

  private get status(): string {
    if (this.task.running) return 'Simulating the calibration targets…';
    return this.task.status === 'failed' ? `Could not check the calibration: ${this.task.error}` : '';
  }

  override render() {
    const r = this.task.result;
    return html`<h2>Calibration</h2>
      <help-note heading="What calibration is">
        <p>Parameters that cannot be observed directly (true onset rates, growth, symptoms, death from liver disease) were
          fitted so the model reproduces published figures: the Hokkaido registry's counts and survival, and the
          leiomyosarcoma literature. Each target's bar is its 95% interval; the dot is the model, relative to the observed value.</p>
      </help-note>
      <button data-testid="check-calibration" @click=${this.check} ?disabled=${this.task.running}>Check the committed calibration</button>
      <p class="note" role="status">${this.status}</p>
      ${
        r === undefined
          ? ''
          : html`<p><strong>${r.targetsInside} of ${r.targets.length}</strong> targets inside their 95% intervals at the posterior mean (calibration set ${r.name}, ${r.meta.date}).</p>
            <plot-figure caption="The model (dot) against each target's 95% interval (grey band)" name="calibration" .build=${() => calibrationChart(r.targets)}></plot-figure>
            <div class="scroll"><table>
              <thead><tr><th scope="col">Target</th><th scope="col">Observed (95% interval)</th><th scope="col">Model ± MCSE</th><th scope="col">Inside</th></tr></thead>
              <tbody>${r.targets.map((t) => html`<tr><th scope="row">${t.label}</th><td>${show(t.observed, t.unit)} (${show(t.low, t.unit)}–${show(t.high, t.unit)})</td><td>${show(t.simulated, t.unit)} ± ${show(t.mcse, t.unit)}</td><td>${t.inside ? 'yes' : 'no'}</td></tr>`)}</tbody>
            </table></div>`
      }`;
  }
}
customElements.define('calibration-view', CalibrationView);

declare global {
  interface HTMLElementTagNameMap {
    'calibration-view': CalibrationView;
  }
}
