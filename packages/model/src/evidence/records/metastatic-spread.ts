// Who metastasises, where, and what local disease does: grade by histology and its effect,
// the latent propensity shared by liver and extrahepatic spread, site effects on extrahepatic
// (mostly lung) metastasis (003), its detection and treatment, and death from local recurrence.
import { HISTOLOGIES, HISTOLOGY_LABELS, type Histology } from '../../domain/categories.js';
import { betaFromMeanInterval, type EvidenceRecord, lognormalFromCi } from '../evidence-record.js';
import { assumed, fromDocument, fromExternal } from './record-builders.js';

const NH = 'natural history' as const;

/** High-grade share by histology (two tiers: high vs low/intermediate). */
const HIGH_GRADE: Readonly<Record<Histology, { share: number; low: number; high: number; reason: string }>> = {
  adipocytic: {
    share: 0.3,
    low: 0.15,
    high: 0.5,
    reason:
      'Well-differentiated liposarcomas are low grade, dedifferentiated and pleomorphic ones high grade (Luo 2018: retroperitoneal dedifferentiated liposarcoma 36% high, 64% intermediate); the mix is not reported for this cohort.',
  },
  smoothMuscle: {
    share: 0.75,
    low: 0.62,
    high: 0.86,
    reason: 'Gladdy 2013, Ann Surg Oncol 20:1851: 75% of 353 primary LMS were high grade (MSKCC two-tier grading).',
  },
  undifferentiated: {
    share: 0.9,
    low: 0.75,
    high: 0.98,
    reason:
      'Undifferentiated pleomorphic sarcomas score the maximum for differentiation and are mostly grade 3 (FNCLCC).',
  },
  fibroblastic: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
  fibrohistiocytic: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
  skeletalMuscle: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
  vascular: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
  nerveSheath: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
  uncertainDifferentiation: { share: 0.574, low: 0.35, high: 0.78, reason: '' },
};
const ALL_STS_HIGH_GRADE =
  'Canter 2010, J Am Coll Surg 210:191 (SEER 1988–2004, 17,364 STS): of known grade 19.5% low, 23.1% intermediate, 57.4% high; no histology-specific figure found, so the all-STS share with a wide interval.';

export const METASTATIC_SPREAD_RECORDS: readonly EvidenceRecord[] = [
  ...HISTOLOGIES.map((histology) => {
    const g = HIGH_GRADE[histology];
    return assumed(
      {
        id: `nh.grade.highShare.${histology}`,
        label: `High-grade share: ${HISTOLOGY_LABELS[histology]}`,
        topic: NH,
        value: g.share,
        unit: 'proportion',
        bounds: { min: 0, max: 1 },
        distribution: betaFromMeanInterval(g.share, g.low, g.high),
      },
      g.reason === '' ? ALL_STS_HIGH_GRADE : g.reason,
    );
  }),
  fromExternal(
    {
      id: 'nh.grade.hr.metastasis',
      label: 'Metastasis (liver and extrahepatic) onset hazard ratio: high vs low grade',
      topic: NH,
      value: 4.5,
      unit: 'hazard ratio',
      bounds: { min: 1, max: 30 },
      distribution: lognormalFromCi(4.5, 2.5, 8),
    },
    'Biau 2012, Cancer 118 (1,668 localized extremity/trunk STS, Toronto): hazard ratio for metastasis by grade 4.5',
    true,
    'Interval assumed (the abstract gives none). Okamoto (000) did not adjust for grade, so the site and histology ratios are refitted with grade in the model.',
  ),
  fromExternal(
    {
      id: 'nh.grade.hr.localRecurrence',
      label: 'Local recurrence hazard ratio: high vs low grade',
      topic: NH,
      value: 2.1,
      unit: 'hazard ratio',
      bounds: { min: 0.5, max: 10 },
      distribution: lognormalFromCi(2.1, 1.5, 3),
    },
    'Biau 2012, Cancer 118: hazard ratio for local recurrence by grade 2.1; Sun Yat-sen cohort (Front Oncol 2020): G3 vs G1 2.57 (1.66–3.98)',
    true,
  ),
  assumed(
    {
      id: 'nh.metastasis.propensitySdLog',
      label: 'Latent metastatic propensity shared by liver and extrahepatic spread: SD of its log',
      topic: NH,
      value: 0.7,
      unit: 'log scale',
      bounds: { min: 0, max: 3 },
      distribution: { kind: 'uniform', min: 0.2, max: 2 },
      calibrated: true,
    },
    'Unobservable, so fitted (it shapes which metastasis comes first, 000 Tables 3–4), with a flat prior over 0.2–2 (a first fit pressed against an upper limit of 1.1, which had no basis). Beyond site, histology and grade, some tumours spread more than others (size and depth carry hazard ratios of 3.3 and 3.2 for metastasis, Biau 2012), and liver and lung metastases co-occur (002 Table 2, Van Cann: 33 of 122 metastatic LMS had liver disease, 10 liver only). A mean-one lognormal multiplier on both onset hazards; its spread is not measured (range 0.3–1.1).',
  ),
  assumed(
    {
      id: 'nh.livermet.growthSdLog',
      label: 'Between-patient spread of the liver-lesion doubling time: SD of its log',
      topic: 'liver disease growth',
      value: 0.5,
      unit: 'log scale',
      bounds: { min: 0, max: 2 },
      distribution: { kind: 'uniform', min: 0.25, max: 0.8 },
    },
    'Sarcoma lung metastases double in volume in under 40 days in some patients and well over in others (Casson 1992, Cancer 69:662); colorectal liver metastases: 86 ± 12 days occult, 155 ± 34 overt. A mean-one lognormal multiplier per patient.',
  ),
  fromDocument(
    {
      id: 'nh.extrahepatic.hr.visceral',
      label: 'Extrahepatic metastasis onset hazard ratio: retroperitoneal and visceral vs limb, trunk, head and neck',
      topic: NH,
      value: 0.6,
      unit: 'hazard ratio',
      bounds: { min: 0.05, max: 5 },
      distribution: lognormalFromCi(0.6, 0.3, 1.2),
    },
    '003',
    'Patterns of spread',
    'lung is the first site for extremity, trunk and head and neck primaries; locoregional failure and liver for retroperitoneal and visceral primaries',
    'The document gives the pattern, not a ratio; 0.6 (0.3–1.2) is an assumption.',
  ),
  fromExternal(
    {
      id: 'nh.extrahepatic.synchronousProbability',
      label:
        'Extrahepatic (lung) metastasis already present at diagnosis, reference group (scaled by the onset hazard ratios)',
      topic: NH,
      value: 0.03,
      unit: 'probability',
      bounds: { min: 0, max: 0.5 },
      distribution: lognormalFromCi(0.03, 0.01, 0.08),
      calibrated: true,
    },
    'Rizk 2024, J Cancer Metastasis Treat (SEER 2010–2018, extremity and pelvic STS): 7.9% had lung metastases at diagnosis',
    true,
    "The reference group is low grade and not LMS; with the grade mix (high grade × 4.5) the cohort's share is about three times the reference value. Unobservable in the documents' terms (000 counts liver metastases only), so fitted with this prior; it gives the early deaths that 000's 2-year survival shows.",
  ),
  assumed(
    {
      id: 'nh.extrahepatic.hr.lms',
      label: 'Extrahepatic metastasis onset hazard ratio: leiomyosarcoma vs other histologies',
      topic: NH,
      value: 1.5,
      unit: 'hazard ratio',
      bounds: { min: 0.2, max: 10 },
      distribution: lognormalFromCi(1.5, 0.9, 2.5),
    },
    'LMS predicts distant recurrence (Pisters 1996, J Clin Oncol 14:1679); first sites lung 88% (004). No ratio reported; an assumption with a wide interval.',
  ),
  fromExternal(
    {
      id: 'imaging.chest.extrahepaticSensitivity',
      label: 'Chest CT finds extrahepatic (lung) metastases present at a scan',
      topic: 'imaging',
      value: 0.85,
      unit: 'probability',
      bounds: { min: 0, max: 1 },
      distribution: betaFromMeanInterval(0.85, 0.65, 0.97),
    },
    'Salminen 2024, Sci Rep 14:7181: of 9 asymptomatic lung metastases found by ultra-low-dose CT, chest X-ray showed 3',
    true,
    'CT is the reference there, so its own sensitivity is not measured; 85% (65–97%) allows for small nodules and non-pulmonary sites (assumption).',
  ),
  fromExternal(
    {
      id: 'nh.extrahepatic.symptomRate',
      label: 'Clinical presentation of extrahepatic metastases, per year once present',
      topic: NH,
      value: 0.6,
      unit: 'per year',
      bounds: { min: 0, max: 10 },
      distribution: lognormalFromCi(0.6, 0.25, 1.5),
    },
    'Whooley 2000, Ann Surg Oncol 7:9: 21 of 57 distant recurrences were found by symptoms under 3–6-monthly chest X-ray',
    true,
    'A rate that lets about a third present clinically between scans (assumption).',
  ),
  fromExternal(
    {
      id: 'tx.lungMetastasectomy.deathHr',
      label: 'Extrahepatic death hazard ratio after metastasectomy of limited lung disease',
      topic: 'treatment outcomes',
      value: 0.45,
      unit: 'hazard ratio',
      bounds: { min: 0.05, max: 1 },
      distribution: lognormalFromCi(0.45, 0.25, 0.8),
    },
    'Billingsley 1999, Ann Surg 229:602 (MSKCC, 719 patients with lung metastases): median OS 33 months after complete resection vs 11 months without surgery; van Geel 1996 (EORTC): 38% 5-year OS after complete resection',
    true,
    'The ratio of medians (11/33 ≈ 0.33) includes selection; 0.45 (0.25–0.8) credits part of it to the operation (assumption).',
  ),
  fromExternal(
    {
      id: 'nh.localRecurrence.deathRate',
      label: 'Death from uncontrolled local disease after local recurrence: limb, trunk, head and neck (per year)',
      topic: NH,
      value: 0.03,
      unit: 'per year',
      bounds: { min: 0, max: 5 },
      distribution: lognormalFromCi(0.03, 0.01, 0.09),
    },
    'Whooley 2000, Ann Surg Oncol 7:9: 25 of 29 extremity local recurrences were resected',
    true,
    'Most limb recurrences are salvaged; a low death rate from local disease itself (assumption).',
  ),
  fromExternal(
    {
      id: 'nh.localRecurrence.deathRateVisceral',
      label: 'Death from uncontrolled local disease after local recurrence: retroperitoneal and visceral (per year)',
      topic: NH,
      value: 0.25,
      unit: 'per year',
      bounds: { min: 0, max: 5 },
      distribution: lognormalFromCi(0.25, 0.08, 0.7),
    },
    'Chouliaras 2019, J Surg Oncol 120:340 (498 resected primary retroperitoneal sarcomas): median OS 2.5 years from recurrence; Grobmyer: local recurrence remains the major cause of death in retroperitoneal sarcoma',
    true,
    'A median of 2.5 years from any recurrence is 0.28/year; the share of those deaths due to local disease is not reported, so 0.25 with a wide interval (0.08–0.7) is an assumption.',
  ),
];
