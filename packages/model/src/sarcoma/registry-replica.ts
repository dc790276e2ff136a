// Observing the simulated cohort the way Okamoto's registry observed its patients (000):
// staggered accrual and loss to follow-up censor each history, and detected liver
// metastases are counted by site and histology at presentation, as the first metastasis,
// and by the last day of follow-up. Used by calibration and validation, not by default runs.

import { HISTOLOGIES, LMS, SITES } from '../domain/categories.js';
import type { SimulationContext } from '../engine/model.js';
import type { ParameterValues } from '../evidence/registry.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';

type Ctx = SimulationContext<SarcomaState, Patient>;

export interface RegistryObservation {
  /** Patients were registered uniformly over this many years before the analysis date. */
  readonly accrualYears: number;
  /** Loss to follow-up (per year), which ends observation early. */
  readonly lossToFollowUpPerYear: number;
  /** A liver metastasis found this soon after diagnosis counts as "at presentation". */
  readonly presentationWindowYears: number;
  /** Share of planned resections and ablations the registry's hospital carried out. */
  readonly localTherapyAvailability: number;
}

/** The registry's observation process, from the evidence registry (`replica.*`). */
export function registryObservation(p: ParameterValues): RegistryObservation {
  return {
    accrualYears: p.get('replica.accrualYears'),
    lossToFollowUpPerYear: p.get('replica.lossToFollowUpPerYear'),
    presentationWindowYears: p.get('replica.presentationWindowMonths') / 12,
    localTherapyAvailability: p.get('replica.localTherapyAvailability'),
  };
}

export const REGISTRY_TIMEPOINTS = ['presentation', 'firstMetastasis', 'lastFollowUp'] as const;
export type RegistryTimepoint = (typeof REGISTRY_TIMEPOINTS)[number];

/**
 * Each registered patient falls in exactly one category per group: liver metastasis detected at
 * presentation, later but as the first distant metastasis, later still (after extrahepatic
 * disease), or never (by the end of follow-up). Counting categories, not the cumulative time
 * points, lets the likelihood count each patient once.
 */
export const REGISTRY_CATEGORIES = ['atPresentation', 'asFirstMetastasis', 'afterOtherMetastasis'] as const;
export type RegistryCategory = (typeof REGISTRY_CATEGORIES)[number];

/** Counter names: patients per group, and detected liver metastases per group and time point or category. */
export const registryCounter = {
  patients: (group: string) => `registry.patients.${group}`,
  detected: (timepoint: RegistryTimepoint, group: string) => `registry.${timepoint}.${group}`,
  category: (category: RegistryCategory, group: string) => `registry.category.${category}.${group}`,
};

export const RETROPERITONEAL_LMS = 'retroperitonealLms';

/** The groups a patient belongs to: site, histology, and retroperitoneal LMS where it applies. */
export function registryGroups(patient: Patient): string[] {
  const groups = [`site.${patient.site}`, `histology.${patient.histology}`, 'all'];
  if (patient.site === 'retroperitoneal' && patient.histology === LMS) groups.push(RETROPERITONEAL_LMS);
  return groups;
}

export function registryCounters(): string[] {
  const groups = [
    ...SITES.map((s) => `site.${s}`),
    ...HISTOLOGIES.map((h) => `histology.${h}`),
    'all',
    RETROPERITONEAL_LMS,
  ];
  return groups.flatMap((g) => [
    registryCounter.patients(g),
    ...REGISTRY_TIMEPOINTS.map((t) => registryCounter.detected(t, g)),
    ...REGISTRY_CATEGORIES.map((c) => registryCounter.category(c, g)),
  ]);
}

export function countRegisteredPatient(ctx: Ctx): void {
  for (const group of registryGroups(ctx.individual.attributes)) ctx.count(registryCounter.patients(group));
}

/** At the first detection of liver metastasis: which of Okamoto's time points it counts for. */
export function countRegistryDetection(
  ctx: Ctx,
  observation: RegistryObservation,
  extrahepaticKnownBefore: boolean,
): void {
  const patient = ctx.individual.attributes;
  const timepoints: RegistryTimepoint[] = ['lastFollowUp'];
  const atPresentation = ctx.individual.time <= observation.presentationWindowYears;
  // First distant metastasis: no extrahepatic disease had been found before (disease found
  // together at this staging counts as first).
  const first = atPresentation || !extrahepaticKnownBefore;
  if (first) timepoints.push('firstMetastasis');
  if (atPresentation) timepoints.push('presentation');
  const category: RegistryCategory = atPresentation
    ? 'atPresentation'
    : first
      ? 'asFirstMetastasis'
      : 'afterOtherMetastasis';
  for (const group of registryGroups(patient)) {
    for (const timepoint of timepoints) ctx.count(registryCounter.detected(timepoint, group));
    ctx.count(registryCounter.category(category, group));
  }
}
