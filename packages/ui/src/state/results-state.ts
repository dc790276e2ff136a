// Results that know their scenario: what a run, PSA or DSA was computed from, whether the
// current draft still matches it, and what can be recomputed without simulating again (the
// economics at a new threshold, from the stored costs and QALYs).
import { type DsaResult, type PsaResult, type StructuralResult, summarisePsa } from '@sarcsim/model/analyses';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { type RunEconomics, runEconomics } from '@sarcsim/model/economics';
import type { SimulationResults } from '@sarcsim/model/engine';
import { canonicalJson, type RunReport, type SarcomaScenario } from '@sarcsim/model/scenario';

/** The run's exact paired moments of every patient's discounted totals (for paired precision at any threshold). */
export type PairedMoments = SimulationResults['paired'];

/** A finished run with the validated scenario it ran. */
export interface RunRecord {
  readonly report: RunReport;
  readonly scenario: SarcomaScenario;
  readonly seconds: number;
  /** Kept so a new threshold or comparator gets its paired precision without simulating again. */
  readonly moments?: PairedMoments;
}

/** Top-level scenario fields (and economics.* settings) whose values differ between two scenarios. */
export function changedFields(a: SarcomaScenario, b: SarcomaScenario): string[] {
  const changed: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'blockSize') continue; // never changes results
    const x = (a as unknown as Record<string, unknown>)[key];
    const y = (b as unknown as Record<string, unknown>)[key];
    if (key === 'economics') {
      const ex = x as Record<string, unknown>;
      const ey = y as Record<string, unknown>;
      for (const k of new Set([...Object.keys(ex), ...Object.keys(ey)])) {
        if (canonicalJson(ex[k]) !== canonicalJson(ey[k])) changed.push(`economics.${k}`);
      }
    } else if (canonicalJson(x) !== canonicalJson(y)) changed.push(key);
  }
  return changed;
}

/** Fields that, changed, leave a result valid: its economics are recomputed (threshold) or unused. */
const RUN_KEEPS = new Set(['economics.willingnessToPay', 'economics.wtpGrid', 'economics.population', 'economics.psa']);
const PSA_KEEPS = new Set(['economics.willingnessToPay']);
/** The DSA's outcome is the incremental NMB at the threshold it ran at: a new threshold needs a new DSA. */
const DSA_KEEPS = new Set(['economics.wtpGrid', 'economics.population', 'economics.psa']);

export type Freshness = { readonly current: true } | { readonly current: false; readonly changed: readonly string[] };

function freshness(ran: SarcomaScenario, now: SarcomaScenario | undefined, keeps: Set<string>): Freshness {
  if (now === undefined) return { current: false, changed: ['(the scenario has problems)'] };
  const changed = changedFields(ran, now).filter((f) => !keeps.has(f));
  return changed.length === 0 ? { current: true } : { current: false, changed };
}

export const runFreshness = (ran: SarcomaScenario, now: SarcomaScenario | undefined) => freshness(ran, now, RUN_KEEPS);
export const psaFreshness = (ran: SarcomaScenario, now: SarcomaScenario | undefined) => freshness(ran, now, PSA_KEEPS);
export const dsaFreshness = (ran: SarcomaScenario, now: SarcomaScenario | undefined) => freshness(ran, now, DSA_KEEPS);
/** Like a DSA's, each level's preferred strategy is the one at the threshold it ran at. */
export const structuralFreshness = (ran: SarcomaScenario, now: SarcomaScenario | undefined) =>
  freshness(ran, now, DSA_KEEPS);

/**
 * The run's economics at a threshold: the incremental analysis (and, with the run's paired
 * moments, its paired precision) redone on the stored results.
 */
export function economicsAt(
  report: RunReport,
  willingnessToPay: number,
  moments?: PairedMoments,
): RunEconomics | undefined {
  if (report.economics === undefined) return undefined;
  if (report.economics.willingnessToPay === willingnessToPay) return report.economics;
  return runEconomics(report.strategies, willingnessToPay, moments);
}

/** The report as it reads at a threshold (its economics recomputed), for views and files. */
export function reportAt(report: RunReport, willingnessToPay: number, moments?: PairedMoments): RunReport {
  const economics = economicsAt(report, willingnessToPay, moments);
  return economics === undefined || economics === report.economics ? report : { ...report, economics };
}

/** The PSA summarised at another threshold from its stored draws (acceptability, EVPI, EVPPI). */
export function psaAt(result: PsaResult, willingnessToPay: number): PsaResult {
  if (result.summary.willingnessToPay === willingnessToPay) return result;
  const scenario = { ...result.scenario, economics: { ...result.scenario.economics, willingnessToPay } };
  return summarisePsa({ ...result, kind: 'sarcsim-psa-part', scenario }, COMMITTED_CALIBRATION);
}

/** A finished DSA with the scenario (the chosen pair of strategies) it ran. */
/** Finished structural scenarios with the scenario and the switches (ids) they ran. */
export interface StructuralRecord {
  readonly result: StructuralResult;
  readonly scenario: SarcomaScenario;
  readonly switches: readonly string[];
}

export interface DsaRecord {
  readonly result: DsaResult;
  readonly scenario: SarcomaScenario;
}
