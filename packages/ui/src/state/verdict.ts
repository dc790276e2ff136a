// The answer a decision maker reads first: which strategy at the threshold, its ICER against
// the neighbouring frontier strategies, its net benefit over the runner-up and, when a PSA of
// the same scenario exists, how likely it is to be the cost-effective one.
import type { PsaResult } from '@sarcsim/model/analyses';
import type { IncrementalRow, RunEconomics } from '@sarcsim/model/economics';

export interface Verdict {
  readonly willingnessToPay: number;
  readonly currency: string;
  readonly preferred: { readonly id: string; readonly label: string };
  /** The next cheaper frontier strategy and the preferred one's ICER against it (null: preferred is the cheapest). */
  readonly cheaper: { readonly id: string; readonly label: string; readonly icer: number } | null;
  /** The next costlier frontier strategy and its ICER against the preferred one (above the threshold). */
  readonly costlier: { readonly id: string; readonly label: string; readonly icer: number } | null;
  /** The strategy with the next-highest net monetary benefit, and the preferred one's INMB over it. */
  readonly runnerUp: { readonly id: string; readonly label: string; readonly inmb: number } | null;
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
  return {
    willingnessToPay: economics.willingnessToPay,
    currency: economics.currency,
    preferred: { id: preferredId, label: label(preferredId) },
    cheaper:
      cheaperId === undefined || preferredRow.icer === null
        ? null
        : { id: cheaperId, label: label(cheaperId), icer: preferredRow.icer },
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
          },
    probabilityCostEffective:
      psa === undefined || psaIndex < 0 ? null : (psa.summary.atThreshold.probabilityCostEffective[psaIndex] as number),
  };
}

/** Strategy ids from cheapest to most costly (the order of every table and chart). */
export function byCost(economics: RunEconomics | undefined, ids: readonly string[]): string[] {
  if (economics === undefined) return [...ids];
  const cost = new Map(economics.strategies.map((s) => [s.id, s.cost]));
  return [...ids].sort((a, b) => (cost.get(a) ?? 0) - (cost.get(b) ?? 0));
}
