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

/** Reward channels, in the order of the model's `rewards` record. */
export const SARCOMA_CHANNELS = ['costs', 'qalys', 'lifeYears'] as const;
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
