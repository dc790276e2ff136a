// How the simulated cohort is observed to replicate Okamoto's registry (000).
import { lognormalFromCi } from '../evidence-record.js';
import { assumed, fromDocument } from './record-builders.js';

export const REGISTRY_REPLICA_RECORDS = [
  fromDocument(
    {
      id: 'replica.accrualYears',
      label: 'Registry replica: registration spread uniformly over this many years before the analysis',
      topic: 'registry observations',
      value: 11,
      unit: 'years',
      bounds: { min: 1, max: 30 },
      distribution: { kind: 'fixed' },
    },
    '000',
    'Methods',
    'registered between January 2007 and December 2017; follow-up range 0–135 months',
  ),
  fromDocument(
    {
      id: 'replica.lossToFollowUpPerYear',
      label: 'Registry replica: loss to follow-up per year',
      topic: 'registry observations',
      value: 0.05,
      unit: 'per year',
      bounds: { min: 0, max: 2 },
      distribution: lognormalFromCi(0.05, 0.01, 0.25),
      calibrated: true,
    },
    '000',
    'Results',
    'median follow-up 35.0 months (range 0–135)',
    'Not reported; fitted so that the replica is still under observation at 35 months in half of its patients, as the registry was (staggered entry and deaths alone leave the median above 35 months).',
  ),
  fromDocument(
    {
      id: 'replica.localTherapyAvailability',
      label: 'Registry replica: share of planned liver resections or ablations that the registry hospital carried out',
      topic: 'registry observations',
      value: 0.07,
      unit: 'probability',
      bounds: { min: 0, max: 1 },
      distribution: { kind: 'fixed' },
    },
    '000',
    'Discussion (limitations)',
    'our hospital has only performed one surgical operation for hepatic metastasis',
    'One operation among 36 patients with detected liver metastasis; about 40% of detected patients are local-therapy candidates under the consensus rules, so about 7% of planned local treatments took place. Others received systemic therapy.',
  ),
  assumed(
    {
      id: 'replica.presentationWindowMonths',
      label: 'Registry replica: liver metastasis found within this time of diagnosis counts as "at presentation"',
      topic: 'registry observations',
      value: 1,
      unit: 'months',
      bounds: { min: 0, max: 12 },
      distribution: { kind: 'fixed' },
    },
    'Okamoto counts metastases "at initial presentation", i.e. found by staging; staging is complete within about a month.',
  ),
];
