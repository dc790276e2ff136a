// The answer a decision maker reads first: which strategy at the threshold, its ICER against
// the neighbouring frontier strategies, its net benefit over the runner-up and, when a PSA of
// the same scenario exists, how likely it is to be the cost-effective one.
import type { PsaResult } from '@sarcsim/model/analyses';
import type { IcerInterval, IncrementalRow, RunEconomics } from '@sarcsim/model/economics';

export interface Verdict {
  readonly willingnessToPay: number;
  readonly currency: string;
  readonly preferred: { readonly id: string; readonly label: string };
  /** The next cheaper frontier strategy and the preferred one's ICER against it (null: preferred is the cheapest). */
  readonly cheaper: {
    readonly id: string;
    readonly label: string;
    readonly icer: number;
    /** Fieller 95% interval of that ICER (null without paired precision). */
    readonly interval: IcerInterval | null;
    /** INMB against it, with its paired MCSE. */
    readonly inmb: { readonly mean: number; readonly mcse: number } | null;
  } | null;
  /** The next costlier frontier strategy and its ICER against the preferred one (above the threshold). */
  readonly costlier: { readonly id: string; readonly label: string; readonly icer: number } | null;
  /** The strategy with the next-highest net monetary benefit, and the preferred one's INMB over it. */
  readonly runnerUp: {
    readonly id: string;
    readonly label: string;
    readonly inmb: number;
    /** Paired MCSE of that INMB, when the run's precision has this contrast. */
    readonly mcse: number | null;
  } | null;
  /**
   * Whether this patient count resolves the decision (paired precision: every inequality the
   * preferred strategy and the frontier rest on at least 2 MCSE from its boundary), and the
   * patient count that would. Null without paired precision.
   */
  readonly resolution: {
    readonly patients: number;
    readonly preferred: boolean;
    readonly frontier: boolean;
    readonly patientsToResolve: number | null;
    /** The comparisons that are not resolved, as the model describes them. */
    readonly unresolved: readonly string[];
  } | null;
  /** Share of PSA draws in which the preferred strategy has the highest NMB (only with a current PSA). */
  readonly probabilityCostEffective: number | null;
}

export function verdictOf(economics: RunEconomics, psa?: PsaResult): Verdict {
  const { incremental } = economics;
  const label = (id: string) => economics.strategies.find((s) => s.id === id)?.label ?? id;
  const rows = new Map(incremental.rows.map((r) => [r.id, r]));
  const preferredId = incremental.preferred;
  const preferredRow = rows.get(preferredId) as IncrementalRow;
  const at = incremental.frontier.indexOf(preferredId);
  const cheaperId = at > 0 ? incremental.frontier[at - 1] : undefined;
  const costlierId = at >= 0 ? incremental.frontier[at + 1] : undefined;
  const costlierRow = costlierId === undefined ? undefined : rows.get(costlierId);
  const others = incremental.rows
    .filter((r) => r.id !== preferredId)
    .sort((a, b) => b.netMonetaryBenefit - a.netMonetaryBenefit);
  const runnerUp = others[0];
  const psaIndex = psa?.strategies.findIndex((s) => s.id === preferredId) ?? -1;
  const precision = economics.precision;
  const preferredPrecision = precision?.rows.find((r) => r.id === preferredId);
  const runnerUpPrecision = precision?.rows.find((r) => r.id === runnerUp?.id);
  // The runner-up's contrast is stored from its side when it is compared with the preferred one.
  const runnerUpMcse =
    preferredPrecision?.vsComparator?.against === runnerUp?.id
      ? preferredPrecision?.vsComparator?.netBenefit.mcse
      : runnerUpPrecision?.vsComparator?.against === preferredId
        ? runnerUpPrecision?.vsComparator?.netBenefit.mcse
        : undefined;
  const needed = [precision?.preferred.patientsToResolve, precision?.frontier.patientsToResolve].filter(
    (n): n is number => n !== null && n !== undefined,
  );
  return {
    willingnessToPay: economics.willingnessToPay,
    currency: economics.currency,
    preferred: { id: preferredId, label: label(preferredId) },
    cheaper:
      cheaperId === undefined || preferredRow.icer === null
        ? null
        : {
            id: cheaperId,
            label: label(cheaperId),
            icer: preferredRow.icer,
            interval: preferredPrecision?.icerInterval ?? null,
            inmb: preferredPrecision?.vsComparator?.netBenefit ?? null,
          },
    costlier:
      costlierId === undefined || costlierRow?.icer === null || costlierRow === undefined
        ? null
        : { id: costlierId, label: label(costlierId), icer: costlierRow.icer },
    runnerUp:
      runnerUp === undefined
        ? null
        : {
            id: runnerUp.id,
            label: label(runnerUp.id),
            inmb: preferredRow.netMonetaryBenefit - runnerUp.netMonetaryBenefit,
            mcse: runnerUpMcse ?? null,
          },
    resolution:
      precision === undefined
        ? null
        : {
            patients: precision.patients,
            preferred: precision.preferred.resolved,
            frontier: precision.frontier.resolved,
            patientsToResolve:
              precision.preferred.resolved && precision.frontier.resolved
                ? null
                : needed.length === 0
                  ? null
                  : Math.max(...needed),
            unresolved: [...precision.preferred.checks, ...precision.frontier.checks]
              .filter((c) => !c.resolved)
              .map((c) => withLabels(c.description, economics)),
          },
    probabilityCostEffective:
      psa === undefined || psaIndex < 0 ? null : (psa.summary.atThreshold.probabilityCostEffective[psaIndex] as number),
  };
}

/** The model's description of a comparison with strategy ids replaced by their labels (longest ids first). */
function withLabels(text: string, economics: RunEconomics): string {
  const byLength = [...economics.strategies].sort((a, b) => b.id.length - a.id.length);
  let out = text;
  for (const s of byLength)
    out = out.replace(new RegExp(`(?<![\\w-])${s.id.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g'), `“${s.label}”`);
  return out;
}

/** Strategy ids from cheapest to most costly (the order of every table and chart). */
export function byCost(economics: RunEconomics | undefined, ids: readonly string[]): string[] {
  if (economics === undefined) return [...ids];
  const cost = new Map(economics.strategies.map((s) => [s.id, s.cost]));
  return [...ids].sort((a, b) => (cost.get(a) ?? 0) - (cost.get(b) ?? 0));
}

const money = (v: number) => Math.round(v).toLocaleString('en-US');

/** A Fieller interval in words. */
export function intervalText(i: IcerInterval | null): string {
  if (i === null) return '';
  const level = `${Math.round(100 * i.level)}%`;
  if (i.kind === 'bounded') return `${level} interval ${money(i.low ?? Number.NaN)} to ${money(i.high ?? Number.NaN)}`;
  if (i.kind === 'excluding')
    return `${level} interval: at most ${money(i.low ?? Number.NaN)} or at least ${money(i.high ?? Number.NaN)} (the QALY gain is not distinguishable from 0)`;
  return `${level} interval unbounded (neither the cost nor the QALY difference is distinguishable from 0)`;
}
