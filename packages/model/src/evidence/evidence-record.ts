// The typed evidence record: every number the sarcoma model uses, with its source.
//
// A record is either a model parameter (the model reads it; scenarios may override it) or
// an observation (a published count, rate or survival figure kept for calibration and
// validation). Each carries a PSA distribution and a source: a document with table and row,
// an external publication, or an explicit assumption with its reason.

export const DOCUMENTS = {
  '000': {
    file: '000_06112d07f770a279.txt',
    citation: 'Okamoto et al., Cancer Med 2020: hospital-based registry of 658 STS patients, Hokkaido 2007–2017',
  },
  '001': {
    file: '001_3b181430475482de.txt',
    citation: 'Lopes-Brás et al., Cancers 2025: Ibero-American consensus on liver metastases of STS',
  },
  '002': {
    file: '002_767dd9b69e61c4b0.txt',
    citation: 'Delisle et al., Cancers 2022: LMS metastasectomy, systematic review and pooled survival',
  },
  '003': { file: '003_f868e02af018685d.txt', citation: 'UpToDate (2017): surgery for metastatic STS' },
  '004': {
    file: '004_b7a6f4fa6bf82d90.txt',
    citation: 'Mizoshiri et al., Medicine 2018: extremity-LMS liver metastases, two cases and review',
  },
} as const;

export type DocumentId = keyof typeof DOCUMENTS;

export type Source =
  | {
      readonly kind: 'document';
      readonly document: DocumentId;
      readonly table?: string;
      readonly row?: string;
      readonly note?: string;
    }
  | { readonly kind: 'external'; readonly citation: string; readonly verified: boolean; readonly note?: string }
  | { readonly kind: 'assumption'; readonly reason: string };

/** PSA distributions. A Dirichlet mix is one record per component sharing a `group`. */
export type Distribution =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'gamma'; readonly shape: number; readonly scale: number }
  | { readonly kind: 'lognormal'; readonly meanLog: number; readonly sdLog: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'dirichlet'; readonly group: string; readonly alpha: number };

export type Topic =
  | 'cohort'
  | 'registry observations'
  | 'natural history'
  | 'liver disease growth'
  | 'imaging'
  | 'treatment rules'
  | 'treatment outcomes'
  | 'costs'
  | 'utilities';

export interface EvidenceRecord {
  readonly id: string;
  readonly label: string;
  readonly topic: Topic;
  readonly role: 'parameter' | 'observation';
  readonly value: number;
  readonly unit: string;
  /** Lowest and highest values a scenario may set (validation, DSA ranges stay inside). */
  readonly bounds: { readonly min: number; readonly max: number };
  readonly distribution: Distribution;
  readonly source: Source;
  /** Set by calibration: the value here is the prior's centre until calibration commits one. */
  readonly calibrated: boolean;
  /** For observations with a published interval: the 95% CI. */
  readonly ci95?: { readonly low: number; readonly high: number };
  /** For costs: the price as published and how it became USD of the model's price year. */
  readonly price?: PriceConversion;
}

/** A published price converted to the model's currency and year (see price-conversion.ts). */
export interface PriceConversion {
  readonly amount: number;
  readonly currency: 'USD' | 'EUR' | 'GBP' | 'JPY';
  readonly year: number;
  /** Multiplier from the published amount to USD of the price year. */
  readonly factor: number;
  /** The exchange rate and price-index figures used, with their sources. */
  readonly conversion: string;
}

const Z95 = 1.959964;

/** Lognormal whose median is `value` and whose 95% interval is (low, high) on the log scale. */
export function lognormalFromCi(value: number, low: number, high: number): Distribution {
  if (!(low > 0 && high > low && value > 0))
    throw new RangeError(`lognormalFromCi: need 0 < low < high, got ${low}, ${high}`);
  return { kind: 'lognormal', meanLog: Math.log(value), sdLog: (Math.log(high) - Math.log(low)) / (2 * Z95) };
}

/** Beta from a count: k events in n (both k and n − k must be positive). */
export function betaFromCount(events: number, total: number): Distribution {
  if (!(events > 0 && total > events))
    throw new RangeError(`betaFromCount: need 0 < events < total, got ${events}/${total}`);
  return { kind: 'beta', alpha: events, beta: total - events };
}

/** Beta with the given mean whose SD is the half-width of a 95% interval / 1.96 (method of moments). */
export function betaFromMeanInterval(mean: number, low: number, high: number): Distribution {
  const sd = (high - low) / (2 * Z95);
  const common = (mean * (1 - mean)) / (sd * sd) - 1;
  if (!(mean > 0 && mean < 1 && common > 0)) {
    throw new RangeError(`betaFromMeanInterval: interval (${low}, ${high}) too wide for mean ${mean}`);
  }
  return { kind: 'beta', alpha: mean * common, beta: (1 - mean) * common };
}

/** Gamma with the given mean and a 95% interval of roughly (low, high), via SD = width / 3.92. */
export function gammaFromMeanInterval(mean: number, low: number, high: number): Distribution {
  const sd = (high - low) / (2 * Z95);
  if (!(mean > 0 && sd > 0)) throw new RangeError(`gammaFromMeanInterval: need mean > 0 and high > low`);
  return { kind: 'gamma', shape: (mean / sd) ** 2, scale: (sd * sd) / mean };
}
