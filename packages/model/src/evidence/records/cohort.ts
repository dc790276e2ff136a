// Cohort mix at entry: Okamoto's registry (000 Table 2, site × histology), age and sex.
import { HISTOLOGIES, HISTOLOGY_LABELS, SITE_LABELS, SITES } from '../../domain/categories.js';
import { betaFromCount, type EvidenceRecord } from '../evidence-record.js';

/** 000 Table 2 counts, rows in HISTOLOGIES order, columns in SITES order. */
const TABLE_2: readonly (readonly number[])[] = [
  [136, 23, 41, 9, 0],
  [58, 28, 1, 2, 5], // printed 0 for retroperitoneal; see the note on this cell
  [0, 1, 0, 1, 0],
  [20, 7, 16, 25, 1],
  [8, 1, 0, 2, 1],
  [2, 3, 0, 2, 5],
  [14, 6, 3, 2, 6],
  [36, 11, 1, 9, 2],
  [102, 44, 12, 9, 3],
];
const COHORT_SIZE = 658;

const FIBROBLASTIC_RP_NOTE =
  'Printed as 0, but the fibroblastic row total (94) and the retroperitoneal column total (74) are each one more than their printed cells sum to, and the grand total is 658; both discrepancies are resolved by this one cell being 1.';

export const COHORT_RECORDS: readonly EvidenceRecord[] = [
  ...HISTOLOGIES.flatMap((histology, h) =>
    SITES.map((site, s): EvidenceRecord => {
      const count = TABLE_2[h]?.[s] ?? 0;
      const fixedCell = histology === 'fibroblastic' && site === 'retroperitoneal';
      return {
        id: `cohort.mix.${site}.${histology}`,
        label: `Share of the cohort: ${SITE_LABELS[site]}, ${HISTOLOGY_LABELS[histology]}`,
        topic: 'cohort',
        role: 'parameter',
        value: count / COHORT_SIZE,
        unit: 'proportion',
        bounds: { min: 0, max: 1 },
        distribution: { kind: 'dirichlet', group: 'cohort.mix', alpha: count },
        source: {
          kind: 'document',
          document: '000',
          table: 'Table 2',
          row: `${HISTOLOGY_LABELS[histology]} × ${SITE_LABELS[site]} (${count}/${COHORT_SIZE})`,
          ...(fixedCell ? { note: FIBROBLASTIC_RP_NOTE } : {}),
        },
        calibrated: false,
      };
    }),
  ),
  {
    id: 'cohort.age.median',
    label: 'Age at entry, median',
    topic: 'cohort',
    role: 'parameter',
    value: 65,
    unit: 'years',
    bounds: { min: 18, max: 90 },
    distribution: { kind: 'fixed' },
    source: {
      kind: 'document',
      document: '000',
      table: 'Results',
      row: 'median age at first visit 65.0 years (range 1–96)',
    },
    calibrated: false,
  },
  {
    id: 'cohort.age.sd',
    label: 'Age at entry, standard deviation (normal, truncated to the reported range 1–96)',
    topic: 'cohort',
    role: 'parameter',
    value: 15,
    unit: 'years',
    bounds: { min: 1, max: 40 },
    distribution: { kind: 'fixed' },
    source: {
      kind: 'assumption',
      reason:
        '000 reports only the median (65) and range (1–96); a normal with SD 15 truncated to that range puts ~95% of ages between 35 and 95.',
    },
    calibrated: false,
  },
  {
    id: 'cohort.male',
    label: 'Share male',
    topic: 'cohort',
    role: 'parameter',
    value: 323 / 658,
    unit: 'proportion',
    bounds: { min: 0, max: 1 },
    distribution: betaFromCount(323, 658),
    source: { kind: 'document', document: '000', table: 'Results', row: '323 males, 335 females' },
    calibrated: false,
  },
];
