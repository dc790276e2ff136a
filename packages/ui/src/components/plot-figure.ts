// A chart (an Observable Plot figure) with its caption and SVG / PNG downloads.
import { css, html, LitElement, type PropertyValues } from 'lit';
import { downloadBlob, downloadText, svgText, svgToPng } from '../state/downloads.js';
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
  static override properties = { caption: {}, name: {}, build: { attribute: false } };
  declare caption: string;
  /** File name stem for downloads. */
  declare name: string;
  declare build: (() => Element) | undefined;

  constructor() {
    super();
    this.caption = '';
    this.name = 'chart';
    this.build = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('build')) return;
    const host = this.renderRoot.querySelector('.chart');
    host?.replaceChildren(...(this.build === undefined ? [] : [this.build()]));
  }

  private saveSvg(): void {
    const svg = this.mainSvg();
    if (svg !== null) downloadText(`${this.name}.svg`, svgText(svg), 'image/svg+xml');
  }

  private async savePng(): Promise<void> {
    const svg = this.mainSvg();
    if (svg !== null) downloadBlob(`${this.name}.png`, await svgToPng(svg));
  }

  /** The plot's own SVG (a figure with a legend wraps it). */
  private mainSvg(): SVGSVGElement | null {
    const host = this.renderRoot.querySelector('.chart');
    const all = [...(host?.querySelectorAll('svg') ?? [])] as SVGSVGElement[];
    return all.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0] ?? null;
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
