// Imaging modalities: per-lesion sensitivity by size class, per-scan specificity, cost and
// disutility. Sources are mostly colorectal-metastasis studies (EXTERNAL-EVIDENCE): no
// sarcoma-specific accuracy data exist; each note says how a figure was carried over.
import type { EvidenceRecord } from '../evidence-record.js';
import { gammaFromMeanInterval } from '../evidence-record.js';
import { assumed, fromExternal } from './record-builders.js';

export const MODALITIES = ['contrastCt', 'nonContrastCt', 'liverMri', 'chestCt'] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABELS: Record<Modality, string> = {
  contrastCt: 'Contrast-enhanced CT chest + abdomen',
  nonContrastCt: 'Non-contrast CT chest + abdomen',
  liverMri: 'Liver MRI (with chest CT)',
  chestCt: 'Chest CT only',
};

/** Upper edges of the lesion size classes, in mm; the last class is open. */
export const SIZE_CLASS_EDGES_MM = [5, 10, 20] as const;
export const SIZE_CLASSES = ['under5mm', '5to10mm', '10to20mm', 'atLeast20mm'] as const;

const KO_2017 =
  'Ko 2017, PLoS One, doi:10.1371/journal.pone.0189797: per-nodule CT sensitivity 1–5 mm 8%, 6–10 mm 55%, 11–15 mm 91%, 16–20 mm 95%, >20 mm 100%';
const UNENHANCED_RATIO =
  'Radiology 2004, PMID 15044747 (authors unverified): hypovascular metastases found by unenhanced CT 66.1% vs portal-venous 91.5% of lesions; ratio 0.72 applied to every size class';
export const MRI_SMALL =
  'JMRI 2011;34:326 (first author unverified): lesions ≤1 cm: gadoxetic MRI 92%, contrast CT 26%';

function beta(mean: number, strength: number) {
  return { kind: 'beta' as const, alpha: mean * strength, beta: (1 - mean) * strength };
}

function sensitivity(modality: Modality, sizeClass: (typeof SIZE_CLASSES)[number], value: number) {
  return {
    id: `imaging.${modality}.sensitivity.${sizeClass}`,
    label: `${MODALITY_LABELS[modality]}: per-lesion sensitivity, lesions ${sizeClass.replace('under', '< ').replace('atLeast', '≥ ').replace('to', '–')}`,
    topic: 'imaging' as const,
    value,
    unit: 'probability',
    bounds: { min: 0, max: 1 },
    distribution: value === 0 ? { kind: 'fixed' as const } : beta(value, 60),
  };
}

export const CONTRAST = [0.08, 0.55, 0.93, 0.99] as const;
export const UNENHANCED_FACTOR = 66.1 / 91.5;
export const MRI = [0.6, 0.92, 0.97, 0.99] as const;
const CHEST_ONLY = [0, 0, 0.05, 0.15] as const;

export const IMAGING_RECORDS: readonly EvidenceRecord[] = [
  ...SIZE_CLASSES.map((c, i) =>
    fromExternal(
      sensitivity('contrastCt', c, CONTRAST[i] as number),
      KO_2017,
      true,
      i === 2 ? 'Mean of the 11–15 and 16–20 mm classes.' : i === 3 ? 'Capped at 0.99 rather than 1.' : undefined,
    ),
  ),
  ...SIZE_CLASSES.map((c, i) =>
    fromExternal(
      sensitivity('nonContrastCt', c, Math.round((CONTRAST[i] as number) * UNENHANCED_FACTOR * 1000) / 1000),
      UNENHANCED_RATIO,
      true,
      'Contrast-CT sensitivity of the class times 0.72; Okamoto notes non-contrast CT may underestimate liver metastases (000).',
    ),
  ),
  ...SIZE_CLASSES.map((c, i) =>
    i === 1
      ? fromExternal(sensitivity('liverMri', c, MRI[i] as number), MRI_SMALL, true)
      : assumed(
          sensitivity('liverMri', c, MRI[i] as number),
          i === 0
            ? 'No per-size MRI figure below 5 mm; 0.6, between contrast CT (0.08) and MRI at 5–10 mm (0.92).'
            : 'MRI at least as sensitive as contrast CT for larger lesions (Chen 2012 gadoxetic MRI 0.93 overall; Floriani 2010 per-patient MRI 81% vs CT 75%).',
        ),
  ),
  ...SIZE_CLASSES.map((c, i) =>
    assumed(
      sensitivity('chestCt', c, CHEST_ONLY[i] as number),
      'A chest CT images only the liver dome; large lesions there are sometimes seen incidentally.',
    ),
  ),
  fromExternal(
    {
      id: 'imaging.contrastCt.specificity',
      label: 'Contrast CT: per-scan specificity for liver metastasis',
      topic: 'imaging',
      value: 0.95,
      unit: 'probability',
      bounds: { min: 0.5, max: 1 },
      distribution: beta(0.95, 200),
    },
    'Tsili 2020, Acta Radiol, doi:10.1177/0284185120925481: per-patient MDCT sensitivity 87%, specificity 95%',
    true,
  ),
  fromExternal(
    {
      id: 'imaging.nonContrastCt.specificity',
      label: 'Non-contrast CT: per-scan specificity',
      topic: 'imaging',
      value: 0.95,
      unit: 'probability',
      bounds: { min: 0.5, max: 1 },
      distribution: beta(0.95, 200),
    },
    'Floriani 2010, JMRI 31:19, doi:10.1002/jmri.22010: per-patient CT specificity 95.6%',
    true,
    'Not separated by contrast phase; taken as equal to contrast CT.',
  ),
  fromExternal(
    {
      id: 'imaging.liverMri.specificity',
      label: 'Liver MRI: per-scan specificity',
      topic: 'imaging',
      value: 0.972,
      unit: 'probability',
      bounds: { min: 0.5, max: 1 },
      distribution: beta(0.972, 200),
    },
    'Floriani 2010, JMRI 31:19: per-patient MRI specificity 97.2%',
    true,
  ),
  assumed(
    {
      id: 'imaging.chestCt.specificity',
      label: 'Chest CT: per-scan specificity for a liver finding',
      topic: 'imaging',
      value: 0.995,
      unit: 'probability',
      bounds: { min: 0.5, max: 1 },
      distribution: beta(0.995, 400),
    },
    'Liver findings on a chest CT are rarely reported; few false alarms.',
  ),
  fromExternal(
    {
      id: 'imaging.contrastCt.cost',
      label: 'Contrast CT chest + abdomen: cost per scan',
      topic: 'costs',
      value: 437,
      unit: 'USD 2025',
      bounds: { min: 0, max: 10_000 },
      distribution: gammaFromMeanInterval(437, 250, 650),
    },
    'US Medicare physician fee schedule 2026, national amounts: CT abdomen/pelvis with contrast (CPT 74177) $300.27, chest CT without contrast (CPT 71250) $137.14 (read in secondary billing sites)',
    false,
    'Sum of the two, in USD 2025: 2026 fee-schedule amounts are used without deflation (they differ from 2025 by the conversion factor, about 3%).',
  ),
  fromExternal(
    {
      id: 'imaging.nonContrastCt.cost',
      label: 'Non-contrast CT chest + abdomen: cost per scan',
      topic: 'costs',
      value: 325,
      unit: 'USD 2025',
      bounds: { min: 0, max: 10_000 },
      distribution: gammaFromMeanInterval(325, 180, 500),
    },
    'Japan fee schedule: CT 1,000 points, contrast add-on +500, interpretation 450',
    true,
    'The US contrast cost ($437) scaled by the Japanese ratio without/with contrast, (1,000 + 450)/(1,500 + 450) = 0.74.',
  ),
  fromExternal(
    {
      id: 'imaging.liverMri.cost',
      label: 'Liver MRI plus chest CT: cost per visit',
      topic: 'costs',
      value: 449,
      unit: 'USD 2025',
      bounds: { min: 0, max: 10_000 },
      distribution: gammaFromMeanInterval(449, 250, 700),
    },
    'Japan fee schedule: MRI 1.5T 1,330 points + contrast 250 + interpretation 450 = 2,030 vs contrast CT 1,950',
    true,
    'Abdominal share of the US contrast-CT cost ($300) × 2,030/1,950, plus a chest CT ($137) for the lungs.',
  ),
  fromExternal(
    {
      id: 'imaging.chestCt.cost',
      label: 'Chest CT: cost per scan',
      topic: 'costs',
      value: 137,
      unit: 'USD 2025',
      bounds: { min: 0, max: 10_000 },
      distribution: gammaFromMeanInterval(137, 80, 200),
    },
    'US Medicare physician fee schedule 2026, national amount: chest CT without contrast (CPT 71250) $137.14 (secondary billing site)',
    false,
    'USD 2025: the 2026 amount without deflation.',
  ),
  fromExternal(
    {
      id: 'imaging.scanQalyLoss',
      label: 'QALY loss per surveillance scan (anxiety, time)',
      topic: 'utilities',
      value: 0.0005,
      unit: 'QALY',
      bounds: { min: 0, max: 0.01 },
      distribution: { kind: 'uniform', min: 0, max: 0.0013 },
    },
    'Li 2019 review: QALY loss 0–0.0013 per screening event',
    true,
  ),
  fromExternal(
    {
      id: 'imaging.falsePositive.qalyLoss',
      label: 'QALY loss of a false-positive work-up',
      topic: 'utilities',
      value: 0.006,
      unit: 'QALY',
      bounds: { min: 0, max: 0.1 },
      distribution: { kind: 'uniform', min: 0.0026, max: 0.0093 },
    },
    '2024 PharmacoEconomics Open: false-positive work-up disutility −0.031 to −0.111',
    true,
    'Utility decrement assumed to last one month: 0.0026–0.0093 QALY.',
  ),
  assumed(
    {
      id: 'imaging.falsePositive.cost',
      label: 'Cost of a false-positive work-up (liver MRI)',
      topic: 'costs',
      value: 312,
      unit: 'USD 2025',
      bounds: { min: 0, max: 20_000 },
      distribution: gammaFromMeanInterval(312, 150, 800),
    },
    'An indeterminate liver finding is resolved by a liver MRI (001 recommendation 4.2); priced as the abdominal MRI above.',
  ),
  assumed(
    {
      id: 'imaging.adherence.default',
      label: 'Share of scheduled surveillance scans that take place (default adherence)',
      topic: 'imaging',
      value: 0.9,
      unit: 'probability',
      bounds: { min: 0, max: 1 },
      distribution: beta(0.9, 50),
    },
    'No adherence data for sarcoma follow-up; strategies may set their own.',
  ),
];
