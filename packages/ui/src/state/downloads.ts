// Saving results and charts: a Blob and a temporary link. An exported chart is a file that
// stands alone: its title, its colour legend and the reproducibility stamp are drawn into it.

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

export interface ChartLegendEntry {
  readonly label: string;
  readonly colour: string;
}

export interface ChartMeta {
  readonly title: string;
  readonly legend: readonly ChartLegendEntry[];
  /** The reproducibility stamp (version, seed, patients, scenario hash). */
  readonly stamp: string;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The chart as a standalone SVG document: title, legend, the plot, the stamp. */
export function composeChart(plot: SVGSVGElement, meta: ChartMeta): { text: string; width: number; height: number } {
  const plotWidth = Number(plot.getAttribute('width')) || plot.getBoundingClientRect().width || 560;
  const plotHeight = Number(plot.getAttribute('height')) || plot.getBoundingClientRect().height || 300;
  const width = Math.max(plotWidth, 420);
  const titleLines = wrap(meta.title, Math.floor(width / 8.5));
  let y = 8;
  const parts: string[] = [`<rect width="100%" height="100%" fill="#fff"/>`];
  for (const line of titleLines) {
    y += 20;
    parts.push(`<text x="8" y="${y}" font-size="15" font-weight="bold">${escapeXml(line)}</text>`);
  }
  y += 8;
  // Legend: swatches in rows, each entry as wide as its label needs.
  let x = 8;
  if (meta.legend.length > 0) y += 16;
  for (const entry of meta.legend) {
    const w = 22 + entry.label.length * 6.6;
    if (x + w > width - 8 && x > 8) {
      x = 8;
      y += 18;
    }
    parts.push(`<rect x="${x}" y="${y - 11}" width="14" height="14" fill="${escapeXml(entry.colour)}"/>`);
    parts.push(`<text x="${x + 19}" y="${y}" font-size="12">${escapeXml(entry.label)}</text>`);
    x += w + 14;
  }
  y += 10;
  const copy = plot.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(y));
  copy.setAttribute('width', String(plotWidth));
  copy.setAttribute('height', String(plotHeight));
  const inner = new XMLSerializer().serializeToString(copy);
  y += plotHeight;
  const stampLines = wrap(meta.stamp, Math.floor(width / 6));
  for (const line of stampLines) {
    y += 14;
    parts.push(`<text x="8" y="${y}" font-size="10" fill="#444">${escapeXml(line)}</text>`);
  }
  const height = Math.ceil(y + 8);
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" fill="#1a1a1a">${parts.join('')}${inner}</svg>`;
  return { text, width, height };
}

/** Renders a standalone SVG on a white canvas at twice its size and returns a PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(svg.width * 2);
    canvas.height = Math.ceil(svg.height * 2);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('PNG export: no 2D canvas in this browser');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob === null ? reject(new Error('PNG export failed')) : resolve(blob)), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** What Plot.plot returns: an element that can report its scales. */
type PlotElement = Element & { scale?: (name: string) => { domain?: unknown[]; range?: unknown[] } | undefined };

/** The colour legend of a Plot chart with a categorical colour scale (else none). */
export function legendOf(chart: Element): ChartLegendEntry[] {
  const colour = (chart as PlotElement).scale?.('color');
  const domain = colour?.domain ?? [];
  const range = colour?.range ?? [];
  if (!domain.every((d) => typeof d === 'string')) return [];
  return domain.map((d, i) => ({ label: d as string, colour: String(range[i % Math.max(1, range.length)] ?? '#000') }));
}

/** The plot's own SVG in a chart (a figure with a legend wraps it; the swatches are small SVGs). */
export function mainSvgOf(chart: Element): SVGSVGElement | null {
  const all = [...(chart instanceof SVGSVGElement ? [chart] : []), ...chart.querySelectorAll('svg')];
  const height = (s: Element) => Number(s.getAttribute('height')) || 0;
  return (all.sort((a, b) => height(b) - height(a))[0] as SVGSVGElement | undefined) ?? null;
}

/** A chart as a standalone SVG document, built off-page (for the HTML report). */
export function standaloneChart(chart: Element, title: string, stamp: string): string {
  const svg = mainSvgOf(chart);
  return svg === null ? '' : composeChart(svg, { title, legend: legendOf(chart), stamp }).text;
}
