// The scenario's economic settings: the threshold, the PSA and the population for EVPI.
// These are the analyst's choices, not model parameters; each default says where it comes from.
import { z } from '../engine/zod.js';

/** Costs in the registry are US dollars (see the cost records' units). */
export const CURRENCY = 'USD';

/**
 * Default threshold, USD per QALY. Assumption: a commonly used US threshold (Neumann,
 * Cohen & Weinstein, NEJM 2014;371:796–797 argue for $100,000–150,000); set your own.
 */
export const DEFAULT_WILLINGNESS_TO_PAY = 100_000;

/**
 * Default population for EVPI: new US soft-tissue sarcoma cases a year. Assumption from the
 * American Cancer Society's estimate of about 13,500 a year (Cancer Facts & Figures 2024,
 * unverified here); the decision's horizon of 10 years is the analyst's choice.
 */
export const DEFAULT_ANNUAL_PATIENTS = 13_500;
export const DEFAULT_DECISION_YEARS = 10;

export const MAX_PSA_DRAWS = 100_000;
export const MAX_WILLINGNESS_TO_PAY = 10_000_000;

const money = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be ≥ 0' })
  .max(MAX_WILLINGNESS_TO_PAY, { error: `must be ≤ ${MAX_WILLINGNESS_TO_PAY}` });

function wholeNumber(min: number, max: number) {
  return z
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ≥ ${min}` })
    .max(max, { error: `must be ≤ ${max}` });
}

export const economicSettingsSchema = z
  .strictObject({
    willingnessToPay: money.default(DEFAULT_WILLINGNESS_TO_PAY),
    /** Thresholds for the acceptability curves: `points` evenly spaced from 0 to `max`. */
    wtpGrid: z
      .strictObject({
        max: money.refine((v) => v > 0, { error: 'must be > 0' }).default(200_000),
        points: wholeNumber(2, 1001).default(41),
      })
      .prefault({}),
    population: z
      .strictObject({
        annualPatients: wholeNumber(0, 100_000_000).default(DEFAULT_ANNUAL_PATIENTS),
        years: wholeNumber(1, 100).default(DEFAULT_DECISION_YEARS),
      })
      .prefault({}),
    psa: z
      .strictObject({
        draws: wholeNumber(1, MAX_PSA_DRAWS).default(500),
        calibratedParameters: z
          .enum(['posterior', 'fixed'], {
            error: "must be 'posterior' (joint draws of the calibration posterior) or 'fixed' (its mean)",
          })
          .default('posterior'),
        /** Parameter groups for EVPPI, by name; default: one group per registry topic. */
        evppiGroups: z
          .record(z.string().min(1), z.array(z.string()).min(1, { error: 'must name at least one parameter' }))
          .optional(),
      })
      .prefault({}),
  })
  .prefault({});

export type EconomicSettings = z.output<typeof economicSettingsSchema>;
