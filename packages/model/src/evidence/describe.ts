// Records as text, one place for every reader: a distribution (`Beta(2, 198)`) and a
// record's source, in the style the reader wants (docs/parameters.md, the CLI's
// `sarcsim params`, the web app's parameter browser).
import { type Distribution, DOCUMENTS, type Source } from './evidence-record.js';

/** Four significant digits; whole numbers grouped by thin spaces. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US').replace(/,/g, ' ');
  return Number(value.toPrecision(4)).toString();
}

/** A distribution as text, e.g. `Beta(2, 198)`. */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return 'fixed';
    case 'beta':
      return `Beta(${formatNumber(d.alpha)}, ${formatNumber(d.beta)})`;
    case 'gamma':
      return `Gamma(shape ${formatNumber(d.shape)}, scale ${formatNumber(d.scale)})`;
    case 'lognormal':
      return `LogNormal(μ ${formatNumber(d.meanLog)}, σ ${formatNumber(d.sdLog)})`;
    case 'normal':
      return `Normal(${formatNumber(d.mean)}, ${formatNumber(d.sd)})`;
    case 'uniform':
      return `Uniform(${formatNumber(d.min)}, ${formatNumber(d.max)})`;
    case 'dirichlet':
      return `Dirichlet component (${d.group}), α ${formatNumber(d.alpha)}`;
  }
}

/**
 * Where a record's value comes from: 'docs' for the generated parameter table (Markdown),
 * 'plain' for a terminal (document id and file), 'citation' for a reader (the full citation).
 */
export type SourceStyle = 'docs' | 'plain' | 'citation';

export function sourceText(source: Source, style: SourceStyle): string {
  switch (source.kind) {
    case 'document': {
      const document = DOCUMENTS[source.document];
      const where = [source.table, source.row];
      if (style === 'citation')
        return [`${source.document}: ${document.citation}`, ...where.filter((x) => x !== undefined)].join(', ');
      if (style === 'plain') return `${source.document} ${document.file} ${where.filter(Boolean).join(', ')}`;
      return `${source.document} (${document.file}) ${where.filter((x) => x !== undefined).join(', ')}${note(source.note)}`;
    }
    case 'external':
      if (style === 'citation') return `${source.citation}${source.verified ? '' : ' (not verified)'}`;
      if (style === 'plain') return `external${source.verified ? '' : ' (unverified)'}: ${source.citation}`;
      return `External${source.verified ? '' : ' [unverified]'}: ${source.citation}${note(source.note)}`;
    case 'assumption':
      if (style === 'citation') return `Assumption: ${source.reason}`;
      if (style === 'plain') return `assumption: ${source.reason}`;
      return `**Assumption**: ${source.reason}`;
  }
}

const note = (text: string | undefined) => (text === undefined ? '' : `. Note: ${text}`);
