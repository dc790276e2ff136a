// Published outcomes outside Okamoto's registry: LMS metastasectomy (002), the LMS review (004)
// and the consensus outcome tables (001). Observations for calibration and validation.
import type { DocumentId, EvidenceRecord } from '../evidence-record.js';
import { observed } from './record-builders.js';

const proportion = (
  id: string,
  label: string,
  value: number,
  document: DocumentId,
  table: string,
  row: string,
  ci95?: { low: number; high: number },
): EvidenceRecord =>
  observed(
    {
      id,
      label,
      topic: 'treatment outcomes',
      value,
      unit: 'proportion',
      bounds: { min: 0, max: 1 },
      distribution: { kind: 'fixed' },
      ...(ci95 === undefined ? {} : { ci95 }),
    },
    document,
    table,
    row,
  );

const months = (
  id: string,
  label: string,
  value: number,
  document: DocumentId,
  table: string,
  row: string,
  ci95?: { low: number; high: number },
) =>
  observed(
    {
      id,
      label,
      topic: 'treatment outcomes',
      value,
      unit: 'months',
      bounds: { min: 0, max: 600 },
      distribution: { kind: 'fixed' },
      ...(ci95 === undefined ? {} : { ci95 }),
    },
    document,
    table,
    row,
  );

/** 002 Table 5, liver-metastasectomy rows: n and overall survival at years 1–5 (%). */
const DELISLE_LIVER_ROWS: readonly [string, number, readonly number[]][] = [
  ['Chen 1998', 11, [100, 72, 52, 35, 0]],
  ['Ercolani 2005', 10, [80, 60, 60, 50, 30]],
  ['Faraj 2015', 5, [60, 40, 20, 0, 0]],
  ['Goumard 2018', 55, [98, 89, 69, 58, 52]],
  ['Kim 2017', 10, [100, 58, 58, 58, 58]],
  ['Lang 2000', 23, [74, 57, 35, 17, 13]],
  ['Zacherl 2011', 9, [56, 56, 33, 11, 11]],
];

/** 001 liver-resection outcome table: study, median DFI/PFS, OS 1 y, OS 5 y, median OS (months). */
const CONSENSUS_RESECTION: readonly [string, number | null, number | null, number | null, number | null][] = [
  ['Goumard 2018', 12, null, 0.52, 58],
  ['Grimme 2019', 16, 0.86, 0.42, 46],
  ['Tirotta 2020', 33, 0.94, 0.18, 35],
  ['Outani 2022', null, null, 0.244, 25],
  ['González-Abós 2023', 27, 1, 0.429, 38],
];

/** 001 local-therapy table: study, therapy, OS 1 y, OS 2 y, median OS (months). */
const CONSENSUS_LOCAL: readonly [string, string, number | null, number | null, number | null][] = [
  ['Maluccio 2006', 'TAE', 0.61, 0.41, null],
  ['Chapiro 2015', 'TACE', null, null, 21.2],
  ['Miller 2018', 'TARE', null, null, 30],
  ['Awad 2024', 'RFA', 0.66, 0.4, null],
  ['Bourgouin 2022', 'MWA/cryoablation', 1, 0.89, null],
  ['Rodríguez 2024', 'SBRT', null, null, 27.7],
];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export const LITERATURE_OBSERVATIONS: readonly EvidenceRecord[] = [
  months(
    'delisle.liver.medianOs',
    'LMS liver metastasectomy: pooled median overall survival',
    34.8,
    '002',
    'Abstract / Results',
    'liver 34.8 months (95% CI 22.3–47.2)',
    { low: 22.3, high: 47.2 },
  ),
  proportion(
    'delisle.liver.dfs5y',
    'LMS liver metastasectomy: 5-year disease-free survival',
    0.22,
    '002',
    'Discussion',
    'five-year disease-free survival of liver metastasectomy 22%',
  ),
  months(
    'delisle.liver.medianDfsLow',
    'LMS liver metastasectomy: median disease-free survival, lower end',
    13,
    '002',
    'Discussion',
    'median disease-free survival between 13 and 16 months',
  ),
  months(
    'delisle.liver.medianDfsHigh',
    'LMS liver metastasectomy: median disease-free survival, upper end',
    16,
    '002',
    'Discussion',
    'median disease-free survival between 13 and 16 months',
  ),
  proportion(
    'delisle.pooled.os5y',
    'LMS metastasectomy, all sites: pooled 5-year overall survival',
    0.31,
    '002',
    'Discussion',
    'pooled five-year overall survival of 31% (95% CI 18–44%)',
    { low: 0.18, high: 0.44 },
  ),
  months(
    'delisle.lang.r0MedianOs',
    'Liver resection R0 (Lang 2000): median overall survival',
    32,
    '002',
    'Results',
    'R0: median OS 32 months (range 1–84), 5-year OS 20%',
  ),
  proportion(
    'delisle.lang.r0Os5y',
    'Liver resection R0 (Lang 2000): 5-year overall survival',
    0.2,
    '002',
    'Results',
    'R0: 5-year OS 20%',
  ),
  months(
    'delisle.lang.r1MedianOs',
    'Liver resection R1/2 (Lang 2000): median overall survival',
    21,
    '002',
    'Results',
    'R1/2: median OS 21 months (range 1–49), 5-year OS 0%',
  ),
  months(
    'delisle.lang.synchronousMedianOs',
    'Liver resection for synchronous disease (Lang 2000): median OS',
    22,
    '002',
    'Results',
    'synchronous 22 vs metachronous 32 months',
  ),
  months(
    'delisle.lang.metachronousMedianOs',
    'Liver resection for metachronous disease (Lang 2000): median OS',
    32,
    '002',
    'Results',
    'synchronous 22 vs metachronous 32 months',
  ),
  months(
    'delisle.lang.reresectionMedianOs',
    'Second and third liver metastasectomy (Lang 2000): median OS',
    31,
    '002',
    'Results',
    '31 months (range 5–51) among nine patients',
  ),
  proportion(
    'delisle.synchronousShare',
    'Metastasectomy patients with synchronous disease',
    14 / 61,
    '002',
    'Results',
    '14 (23%) synchronous, 47 (77%) metachronous',
  ),
  ...DELISLE_LIVER_ROWS.flatMap(([study, n, rates]) =>
    rates.map((rate, year) =>
      proportion(
        `delisle.table5.${slug(study)}.os${year + 1}y`,
        `LMS liver metastasectomy, ${study} (n=${n}): overall survival at ${year + 1} year${year === 0 ? '' : 's'}`,
        rate / 100,
        '002',
        'Table 5',
        `${study}, liver, ${year + 1}-year OS ${rate}%`,
      ),
    ),
  ),
  proportion(
    'mizoshiri.metastasisWithin1y',
    'Metastases occurring within 1 year of diagnosis (extremity/trunk LMS)',
    0.61,
    '004',
    'Discussion',
    '61% and 87% of metastases within 1 and 3 years',
  ),
  proportion(
    'mizoshiri.metastasisWithin3y',
    'Metastases occurring within 3 years of diagnosis (extremity/trunk LMS)',
    0.87,
    '004',
    'Discussion',
    '61% and 87% of metastases within 1 and 3 years',
  ),
  proportion(
    'mizoshiri.livermets.multiple',
    'Liver metastases that are multiple',
    0.89,
    '004',
    'Discussion',
    'most hepatic metastases are multiple (89%) and bilobar (74%)',
  ),
  proportion(
    'mizoshiri.livermets.bilobar',
    'Liver metastases that are bilobar',
    0.74,
    '004',
    'Discussion',
    'most hepatic metastases are multiple (89%) and bilobar (74%)',
  ),
  months(
    'mizoshiri.untreated.medianOs',
    'Untreated LMS with liver metastasis: median overall survival',
    14,
    '004',
    'Discussion',
    'median overall survival approximately 14 months without treatment',
  ),
  proportion(
    'mizoshiri.untreated.os5y',
    'LMS with liver metastasis, no resection: 5-year overall survival',
    0.04,
    '004',
    'Discussion',
    'without surgical resection 5-year survival only 4%',
  ),
  proportion(
    'mizoshiri.resected.os5yLow',
    'LMS liver metastasis after resection: 5-year OS, lower end',
    0.2,
    '004',
    'Discussion',
    '5-year survival after resection 20% to 30%',
  ),
  proportion(
    'mizoshiri.resected.os5yHigh',
    'LMS liver metastasis after resection: 5-year OS, upper end',
    0.3,
    '004',
    'Discussion',
    '5-year survival after resection 20% to 30%',
  ),
  proportion(
    'mizoshiri.firstSite.lung',
    'First metastatic site lung (extremity/trunk LMS)',
    0.88,
    '004',
    'Discussion',
    'lungs 88%, lymph nodes 6%, other soft tissue 6%',
  ),
  ...CONSENSUS_RESECTION.flatMap(([study, dfi, os1, os5, medianOs]) => [
    ...(dfi === null
      ? []
      : [
          months(
            `consensus.resection.${slug(study)}.medianDfi`,
            `Liver resection series ${study}: median DFI or PFS`,
            dfi,
            '001',
            'Liver resection outcomes table',
            study,
          ),
        ]),
    ...(os1 === null
      ? []
      : [
          proportion(
            `consensus.resection.${slug(study)}.os1y`,
            `Liver resection series ${study}: 1-year OS`,
            os1,
            '001',
            'Liver resection outcomes table',
            study,
          ),
        ]),
    ...(os5 === null
      ? []
      : [
          proportion(
            `consensus.resection.${slug(study)}.os5y`,
            `Liver resection series ${study}: 5-year OS`,
            os5,
            '001',
            'Liver resection outcomes table',
            study,
          ),
        ]),
    ...(medianOs === null
      ? []
      : [
          months(
            `consensus.resection.${slug(study)}.medianOs`,
            `Liver resection series ${study}: median OS`,
            medianOs,
            '001',
            'Liver resection outcomes table',
            study,
          ),
        ]),
  ]),
  ...CONSENSUS_LOCAL.flatMap(([study, therapy, os1, os2, medianOs]) => [
    ...(os1 === null
      ? []
      : [
          proportion(
            `consensus.local.${slug(study)}.os1y`,
            `${therapy} (${study}): 1-year OS`,
            os1,
            '001',
            'Local therapies outcomes table',
            `${study}, ${therapy}`,
          ),
        ]),
    ...(os2 === null
      ? []
      : [
          proportion(
            `consensus.local.${slug(study)}.os2y`,
            `${therapy} (${study}): 2-year OS`,
            os2,
            '001',
            'Local therapies outcomes table',
            `${study}, ${therapy}`,
          ),
        ]),
    ...(medianOs === null
      ? []
      : [
          months(
            `consensus.local.${slug(study)}.medianOs`,
            `${therapy} (${study}): median OS`,
            medianOs,
            '001',
            'Local therapies outcomes table',
            `${study}, ${therapy}`,
          ),
        ]),
  ]),
];
