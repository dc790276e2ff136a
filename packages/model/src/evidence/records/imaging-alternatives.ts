// Alternative sources for the imaging accuracy that the registry's values (imaging.ts) rest on:
// the structural scenario "imaging accuracy source" swaps them in. Each set names its
// publication (EXTERNAL-EVIDENCE, colorectal liver metastases: no sarcoma accuracy data exist)
// and how its figures became per-size-class sensitivities. The registry's own set stays the base.
import type { Source } from '../evidence-record.js';
import { CONTRAST, MRI, SIZE_CLASSES, UNENHANCED_FACTOR } from './imaging.js';

export interface AlternativeValues {
  readonly id: string;
  readonly label: string;
  /** Registry parameter values this source replaces (checked against the records' bounds when used). */
  readonly values: Readonly<Record<string, number>>;
  readonly source: Source;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Niekel 2010 pooled per-lesion sensitivity: MRI 80.3% vs CT 74.4%. */
const NIEKEL_MRI_TO_CT = 80.3 / 74.4;
const MAX_SENSITIVITY = 0.99; // the registry caps every class at 0.99 (imaging.ts)

export const IMAGING_ACCURACY_ALTERNATIVES: readonly AlternativeValues[] = [
  {
    id: 'within-study-small-lesions',
    label: 'CT 26% at 5–10 mm, as in the MRI study (JMRI 2011)',
    values: {
      'imaging.contrastCt.sensitivity.5to10mm': 0.26,
      'imaging.nonContrastCt.sensitivity.5to10mm': round3(0.26 * UNENHANCED_FACTOR),
    },
    source: {
      kind: 'external',
      citation: 'JMRI 2011;34:326 (first author unverified): lesions ≤1 cm: gadoxetic MRI 92%, contrast CT 26%',
      verified: true,
      note: "The registry pairs this study's MRI figure (92%) with Ko 2017's CT figure (55%) for 5–10 mm lesions; here both come from the one study, which widens MRI's advantage. Non-contrast CT keeps its ratio 0.72 to contrast CT.",
    },
  },
  {
    id: 'pooled-per-lesion',
    label: 'MRI = CT × 1.08 in every size (Niekel 2010 per lesion)',
    values: Object.fromEntries(
      SIZE_CLASSES.map((c, i) => [
        `imaging.liverMri.sensitivity.${c}`,
        round3(Math.min(MAX_SENSITIVITY, (CONTRAST[i] as number) * NIEKEL_MRI_TO_CT)),
      ]),
    ),
    source: {
      kind: 'external',
      citation:
        'Niekel 2010, Radiology 257:674, doi:10.1148/radiol.10100729: pooled per-lesion sensitivity CT 74.4%, MRI 80.3%',
      verified: true,
      note: `A meta-analysis across lesion sizes rather than a small-lesion study: liver MRI's sensitivity is contrast CT's (Ko 2017) times 80.3/74.4 in each size class, capped at ${MAX_SENSITIVITY}. It narrows MRI's advantage for small lesions (registry: ${MRI.join(', ')}).`,
    },
  },
];
