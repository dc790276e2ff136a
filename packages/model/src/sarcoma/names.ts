// The sarcoma model's names, declared once: counters, reward channels, random-stream purposes
// and curves. Every file of the model uses the handles made here, so a misspelt name does not
// compile, and every random draw comes from a stream declared in SARCOMA_PURPOSES, which is
// what keeps common random numbers between strategies: natural history draws only from the
// engine's 'natural' stream, imaging from 'imaging', treatment from 'treatment', follow-up
// imaging from 'followUp'.

import { channelHandles, counterHandles, curveHandles, purposeHandles } from '../engine/handles.js';
import type { CurveDefinition } from '../engine/model.js';

export const SARCOMA_COUNTERS = [
  'surveillanceScans',
  'missedScans',
  'followUpScans',
  'falsePositives',
  'detectedBySurveillance',
  'detectedBySymptoms',
  'detectedByFollowUp',
  'detectedByStaging',
  'firstDetections',
  'detectedInSynchronousWindow',
  'synchronousAtFirstDetection',
  'lesionsAtFirstDetection',
  'largestMmAtFirstDetection',
  'multipleAtFirstDetection',
  'symptomaticFirstDetections',
  'lesionsAtSymptomaticDetection',
  'largestMmAtSymptomaticDetection',
  'multipleAtSymptomaticDetection',
  'bilobarAtSymptomaticDetection',
  'oligometastaticAtSymptomaticDetection',
  'resectedAtSymptomaticDetection',
  'bilobarAtFirstDetection',
  'oligometastaticAtFirstDetection',
  'resectedAtFirstDetection',
  'resections',
  'reResections',
  'patientsEverResected',
  'solitaryAtFirstResection',
  'largeLesionAtFirstResection',
  'ablations',
  'systemicTherapies',
  'systemicFirstCourses',
  /** Reassessed after systemic therapy first (alive, disease not cleared meanwhile). */
  'systemicFirstReassessments',
  'progressedOnSystemicFirst',
  'perioperativeDeaths',
  'liverRecurrencesDetected',
  'extrahepaticMetastases',
  /** Patients who ever have liver metastasis (true disease, found or not). */
  'patientsWithLiverMetastasis',
  /** Patients who have had both liver and extrahepatic metastases (counted once, when the second appears). */
  'livermetWithExtrahepatic',
  'extrahepaticDetected',
  'extrahepaticDetectedBySymptoms',
  'stagingScans',
  'lungMetastasectomies',
  'extrahepaticSystemicTherapies',
  'localRecurrences',
] as const;

export const COUNTER = counterHandles(SARCOMA_COUNTERS);

/** The priced outcomes: paired channels, whose paired moments give the comparisons' errors. */
export const OUTCOME_CHANNELS = ['costs', 'qalys', 'lifeYears'] as const;

/**
 * Quantities: unpaired channels, each a discounted count or duration that one parameter prices
 * (valuation.ts), discounted at the rate of the channel it prices (costs or QALYs). Every cost
 * and QALY of the model is one of these times its price, so they can be priced again after
 * the simulation. Counts of scans include the staging and follow-up scans; a QALY-loss count
 * is the events that carry the loss (surveillance and follow-up scans, not staging scans).
 */
export const QUANTITY_CHANNELS = [
  'scans.contrastCt',
  'scans.nonContrastCt',
  'scans.liverMri',
  'scans.chestCt',
  'workups.falsePositive',
  'operations.liverResection',
  'operations.lungMetastasectomy',
  'operations.ablation',
  'courses.systemic',
  'events.localRecurrence',
  'events.endOfLife',
  'years.metastaticCare',
  'qalyLosses.scan',
  'qalyLosses.falsePositive',
  'qalyLosses.liverSurgery',
  'years.noEvidentDisease',
  'years.metastaticControlled',
  'years.metastaticProgressive',
] as const;
export type QuantityChannel = (typeof QUANTITY_CHANNELS)[number];

/** Reward channels, in the order of the model's `rewards` record. */
export const SARCOMA_CHANNELS = [...OUTCOME_CHANNELS, ...QUANTITY_CHANNELS] as const;
export const CHANNEL = channelHandles(SARCOMA_CHANNELS);

export const SARCOMA_PURPOSES = ['imaging', 'treatment', 'followUp'] as const;
export const PURPOSE = purposeHandles(SARCOMA_PURPOSES);

export const SARCOMA_CURVES = {
  livermetDetected: { causes: ['detected'] },
  survivalFromDetection: { causes: [], origin: 'marked' },
  firstDistantMetastasis: { causes: ['metastasis'] },
  /** The first metastasis found (liver or extrahepatic), as clinical series time it. */
  firstMetastasisFound: { causes: ['found'] },
  localRecurrence: { causes: ['recurrence'] },
  survivalFromResection: { causes: [], origin: 'marked' },
  diseaseFreeFromResection: { causes: ['recurrence'], origin: 'marked' },
} as const satisfies Readonly<Record<string, CurveDefinition>>;
export const CURVE = curveHandles(SARCOMA_CURVES);
