// What Okamoto's registry recorded (000): detected liver metastases by site and histology at
// three time points, hazard ratios, survival, follow-up. Observations for calibration and
// validation; the model's parameters are in the other record files.
import { HISTOLOGY_LABELS, type Histology, SITE_LABELS, type Site } from '../../domain/categories.js';
import {
  betaFromCount,
  betaFromMeanInterval,
  type Distribution,
  type EvidenceRecord,
  lognormalFromCi,
} from '../evidence-record.js';
import { observed } from './record-builders.js';

export const TIMEPOINTS = ['presentation', 'firstMetastasis', 'lastFollowUp'] as const;
export type Timepoint = (typeof TIMEPOINTS)[number];
const TIMEPOINT_LABELS: Record<Timepoint, string> = {
  presentation: 'at initial presentation',
  firstMetastasis: 'at first metastasis detected as the first relapse',
  lastFollowUp: 'at last day of follow-up',
};

/** 000 Table 3: liver metastases / patients by site at the three time points. */
export const TABLE_3: Readonly<Record<Site, { n: number; counts: readonly [number, number, number] }>> = {
  extremity: { n: 376, counts: [3, 8, 14] },
  bodyWall: { n: 124, counts: [0, 1, 3] },
  retroperitoneal: { n: 74, counts: [5, 8, 13] },
  thoracicPeritoneal: { n: 61, counts: [2, 3, 6] },
  headNeck: { n: 23, counts: [0, 0, 0] },
};

/** 000 Table 4: liver metastases / patients by histology at the three time points. */
export const TABLE_4: Readonly<Record<Histology, { n: number; counts: readonly [number, number, number] }>> = {
  adipocytic: { n: 209, counts: [1, 3, 5] },
  fibroblastic: { n: 94, counts: [1, 1, 4] },
  fibrohistiocytic: { n: 2, counts: [0, 0, 0] },
  smoothMuscle: { n: 69, counts: [6, 8, 13] },
  skeletalMuscle: { n: 12, counts: [1, 1, 2] },
  vascular: { n: 12, counts: [0, 0, 1] },
  nerveSheath: { n: 31, counts: [0, 2, 2] },
  uncertainDifferentiation: { n: 59, counts: [0, 1, 1] },
  undifferentiated: { n: 170, counts: [1, 4, 8] },
};

function countDistribution(events: number, total: number): Distribution {
  return events > 0 && events < total ? betaFromCount(events, total) : { kind: 'fixed' };
}

const TOPIC = 'registry observations' as const;

function countRecord(
  id: string,
  label: string,
  events: number,
  total: number,
  table: string,
  row: string,
): EvidenceRecord {
  const base = { id, label, topic: TOPIC, value: events / total, unit: `proportion (${events}/${total})` };
  return observed(
    { ...base, bounds: { min: 0, max: 1 }, distribution: countDistribution(events, total) },
    '000',
    table,
    row,
  );
}

function hazardRatioRecord(
  id: string,
  label: string,
  value: number,
  low: number,
  high: number,
  table: string,
  row: string,
  note?: string,
): EvidenceRecord {
  const base = { id, label, topic: TOPIC, value, unit: 'hazard ratio', bounds: { min: 0, max: 100 } };
  return observed(
    { ...base, distribution: lognormalFromCi(value, low, high), ci95: { low, high } },
    '000',
    table,
    row,
    note,
  );
}

function survivalRecord(
  id: string,
  label: string,
  value: number,
  low: number,
  high: number,
  row: string,
): EvidenceRecord {
  const base = { id, label, topic: TOPIC, value, unit: 'proportion', bounds: { min: 0, max: 1 } };
  return observed(
    { ...base, distribution: betaFromMeanInterval(value, low, high), ci95: { low, high } },
    '000',
    'Results',
    row,
  );
}

const TABLE_4_HR_NOTE =
  "Table 4's hazard-ratio columns are misaligned in print; the text attributes 4.085 (1.794–9.302) to liver metastasis at first metastasis, so all Table 4 HRs are read as 'at first metastasis' (univariate, vs undifferentiated).";
const TABLE_5_NOTE =
  "The abstract attributes the last-follow-up multivariate HRs (4.546, 4.588) to 'first distant metastasis'; the table's column headings are followed here.";

export const OKAMOTO_OBSERVATIONS: readonly EvidenceRecord[] = [
  ...Object.entries(TABLE_3).flatMap(([site, row]) =>
    TIMEPOINTS.map((timepoint, t) =>
      countRecord(
        `okamoto.livermets.site.${site}.${timepoint}`,
        `Detected liver metastases ${TIMEPOINT_LABELS[timepoint]}, ${SITE_LABELS[site as Site]}`,
        row.counts[t] ?? 0,
        row.n,
        'Table 3',
        `${SITE_LABELS[site as Site]}, ${TIMEPOINT_LABELS[timepoint]}`,
      ),
    ),
  ),
  ...Object.entries(TABLE_4).flatMap(([histology, row]) =>
    TIMEPOINTS.map((timepoint, t) =>
      countRecord(
        `okamoto.livermets.histology.${histology}.${timepoint}`,
        `Detected liver metastases ${TIMEPOINT_LABELS[timepoint]}, ${HISTOLOGY_LABELS[histology as Histology]}`,
        row.counts[t] ?? 0,
        row.n,
        'Table 4',
        `${HISTOLOGY_LABELS[histology as Histology]}, ${TIMEPOINT_LABELS[timepoint]}`,
      ),
    ),
  ),
  countRecord(
    'okamoto.livermets.retroperitonealLms',
    'Retroperitoneal leiomyosarcomas that developed liver metastases',
    8,
    16,
    'Results',
    'Eight of 16 retroperitoneal leiomyosarcomas (50%)',
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.bodyWall',
    'HR of liver metastasis as first metastasis, body wall vs extremity (univariate)',
    0.404,
    0.051,
    3.234,
    'Table 3',
    'Body wall, at first metastasis',
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.retroperitoneal',
    'HR of liver metastasis as first metastasis, retroperitoneal vs extremity (univariate)',
    5.793,
    2.164,
    15.509,
    'Table 3',
    'Retroperitoneal, at first metastasis',
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.thoracicPeritoneal',
    'HR of liver metastasis as first metastasis, thoracic/peritoneal vs extremity (univariate)',
    3.016,
    0.793,
    11.472,
    'Table 3',
    'Thoracic and peritoneal, at first metastasis',
  ),
  hazardRatioRecord(
    'okamoto.hr.lastFollowUp.bodyWall',
    'HR of liver metastasis by last follow-up, body wall vs extremity (univariate)',
    0.663,
    0.19,
    2.306,
    'Table 3',
    'Body wall, at last follow-up',
  ),
  hazardRatioRecord(
    'okamoto.hr.lastFollowUp.retroperitoneal',
    'HR of liver metastasis by last follow-up, retroperitoneal vs extremity (univariate)',
    5.981,
    2.793,
    12.808,
    'Table 3',
    'Retroperitoneal, at last follow-up (printed upper limit 12.80; the text gives 12.808)',
  ),
  hazardRatioRecord(
    'okamoto.hr.lastFollowUp.thoracicPeritoneal',
    'HR of liver metastasis by last follow-up, thoracic/peritoneal vs extremity (univariate)',
    3.355,
    1.283,
    8.775,
    'Table 3',
    'Thoracic and peritoneal, at last follow-up',
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.adipocytic',
    'HR of liver metastasis as first metastasis, adipocytic vs undifferentiated (univariate)',
    0.381,
    0.125,
    1.166,
    'Table 4',
    'Adipocytic tumors',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.fibroblastic',
    'HR of liver metastasis as first metastasis, fibroblastic vs undifferentiated (univariate)',
    0.289,
    0.05,
    1.671,
    'Table 4',
    'Fibroblastic/myofibroblastic tumors',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.smoothMuscle',
    'HR of liver metastasis as first metastasis, leiomyosarcoma vs undifferentiated (univariate)',
    4.085,
    1.794,
    9.302,
    'Table 4',
    'Smooth muscle tumors',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.skeletalMuscle',
    'HR of liver metastasis as first metastasis, skeletal muscle vs undifferentiated (univariate)',
    3.014,
    0.521,
    17.426,
    'Table 4',
    'Skeletal muscle tumors',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.nerveSheath',
    'HR of liver metastasis as first metastasis, nerve sheath vs undifferentiated (univariate)',
    1.813,
    0.491,
    6.688,
    'Table 4',
    'Nerve sheath tumors',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.firstMetastasis.uncertainDifferentiation',
    'HR of liver metastasis as first metastasis, uncertain differentiation vs undifferentiated (univariate)',
    0.575,
    0.1,
    3.321,
    'Table 4',
    'Tumors of uncertain differentiation',
    TABLE_4_HR_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.lastFollowUp.smoothMuscle',
    'HR of liver metastasis by last follow-up, leiomyosarcoma vs undifferentiated (univariate)',
    4.303,
    1.782,
    10.39,
    'Results',
    'leiomyosarcoma, last day of follow-up (text)',
  ),
  hazardRatioRecord(
    'okamoto.hr.multivariate.firstMetastasis.lms',
    'HR of liver metastasis as first metastasis, leiomyosarcoma (multivariate)',
    5.589,
    2.223,
    14.053,
    'Table 5',
    'Leiomyosarcoma, at first metastasis',
    TABLE_5_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.multivariate.firstMetastasis.retroperitoneal',
    'HR of liver metastasis as first metastasis, retroperitoneal (multivariate)',
    4.505,
    1.797,
    11.296,
    'Table 5',
    'Retroperitoneal, at first metastasis',
    TABLE_5_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.multivariate.lastFollowUp.lms',
    'HR of liver metastasis by last follow-up, leiomyosarcoma (multivariate)',
    4.546,
    2.275,
    9.086,
    'Table 5',
    'Leiomyosarcoma, at last follow-up',
    TABLE_5_NOTE,
  ),
  hazardRatioRecord(
    'okamoto.hr.multivariate.lastFollowUp.retroperitoneal',
    'HR of liver metastasis by last follow-up, retroperitoneal (multivariate)',
    4.588,
    2.28,
    9.231,
    'Table 5',
    'Retroperitoneal, at last follow-up',
    TABLE_5_NOTE,
  ),
  survivalRecord(
    'okamoto.os.2y',
    'Overall survival at 2 years from first visit',
    0.803,
    0.772,
    0.834,
    '2-year cumulative overall survival 80.3% (77.2–83.4)',
  ),
  survivalRecord(
    'okamoto.os.5y',
    'Overall survival at 5 years from first visit',
    0.7,
    0.661,
    0.74,
    '5-year cumulative overall survival 70.0% (66.1–74.0)',
  ),
  survivalRecord(
    'okamoto.osAfterLivermet.1y',
    'Overall survival 1 year after liver metastasis',
    0.361,
    0.187,
    0.536,
    '1-year survival after hepatic metastasis 36.1% (18.7–53.6)',
  ),
  survivalRecord(
    'okamoto.osAfterLivermet.2y',
    'Overall survival 2 years after liver metastasis',
    0.217,
    0.05,
    0.384,
    '2-year survival after hepatic metastasis 21.7% (5.0–38.4)',
  ),
  observed(
    {
      id: 'okamoto.followUp.medianMonths',
      label: 'Median follow-up (range 0–135 months); accrual 2007–2017',
      topic: TOPIC,
      value: 35,
      unit: 'months',
      bounds: { min: 0, max: 135 },
      distribution: { kind: 'fixed' },
    },
    '000',
    'Results',
    'median follow-up 35.0 months (range 0–135); registered 2007–2017',
  ),
];
