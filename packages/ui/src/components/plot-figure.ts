// A chart (an Observable Plot figure) with its caption and SVG / PNG downloads. A download is a
// file that stands alone: the caption as its title, the colour legend and the stamp drawn in.
import { css, html, LitElement, type PropertyValues } from 'lit';
import {
  type ChartLegendEntry,
  composeChart,
  downloadBlob,
  downloadText,
  legendOf,
  mainSvgOf,
  svgToPng,
} from '../state/downloads.js';
import { sharedStyles } from './shared-styles.js';

export class PlotFigure extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      figure {
        margin: 0 0 1.5rem;
        max-width: 100%;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      .chart {
        overflow-x: auto;
      }
      .actions button {
        font-size: 0.8rem;
        padding: 0.2rem 0.5rem;
        margin-right: 0.4rem;
      }
    `,
  ];
  static override properties = { caption: {}, name: {}, stamp: {}, build: { attribute: false } };
  declare caption: string;
  /** File name stem for downloads. */
  declare name: string;
  /** Reproducibility stamp written into downloaded charts. */
  declare stamp: string;
  declare build: (() => Element) | undefined;
  private legend: ChartLegendEntry[] = [];

  constructor() {
    super();
    this.caption = '';
    this.name = 'chart';
    this.stamp = '';
    this.build = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('build')) return;
    const host = this.renderRoot.querySelector('.chart');
    const chart = this.build?.();
    host?.replaceChildren(...(chart === undefined ? [] : [chart]));
    this.legend = chart === undefined ? [] : legendOf(chart);
  }

  private file() {
    const svg = this.mainSvg();
    return svg === null ? null : composeChart(svg, { title: this.caption, legend: this.legend, stamp: this.stamp });
  }

  private saveSvg(): void {
    const file = this.file();
    if (file !== null) downloadText(`${this.name}.svg`, file.text, 'image/svg+xml');
  }

  private async savePng(): Promise<void> {
    const file = this.file();
    if (file !== null) downloadBlob(`${this.name}.png`, await svgToPng(file));
  }

  private mainSvg(): SVGSVGElement | null {
    const host = this.renderRoot.querySelector('.chart');
    return host === null ? null : mainSvgOf(host);
  }

  override render() {
    return html`<figure>
      <figcaption>${this.caption}</figcaption>
      <div class="chart" role="img" aria-label=${this.caption}></div>
      <div class="actions">
        <button class="secondary" @click=${this.saveSvg} aria-label=${`Download ${this.caption} as SVG`}>SVG</button>
        <button class="secondary" @click=${this.savePng} aria-label=${`Download ${this.caption} as PNG`}>PNG</button>
      </div>
    </figure>`;
  }
}
customElements.define('plot-figure', PlotFigure);

declare global {
  interface HTMLElementTagNameMap {
    'plot-figure': PlotFigure;
  }
}
