// Incremental cost-effectiveness analysis over any number of strategies: strong dominance,
// extended dominance, ICERs along the efficiency frontier, and net benefit at a threshold.
import { netBenefit } from './net-benefit.js';

export interface StrategyOutcome {
  readonly id: string;
  readonly cost: number;
  readonly effect: number;
}

/** ND: on the efficiency frontier; D: strongly dominated; ED: extendedly dominated. */
export type DominanceStatus = 'ND' | 'D' | 'ED';

export interface IncrementalRow extends StrategyOutcome {
  readonly status: DominanceStatus;
  /** The frontier strategy this one is compared with (the next cheaper one on the frontier). */
  readonly comparator: string | null;
  readonly incrementalCost: number | null;
  readonly incrementalEffect: number | null;
  /** Cost per unit of effect against `comparator`; null for the cheapest frontier strategy and off the frontier. */
  readonly icer: number | null;
  /** The strategy that dominates this one (for D) or the frontier pair it lies beyond (for ED). */
  readonly dominatedBy: string | null;
  /** Set when cost and effect equal an earlier-listed strategy's exactly; the row copies that one's status. */
  readonly sameAs: string | null;
  /** Net monetary benefit: effect × WTP − cost. */
  readonly netMonetaryBenefit: number;
  /** Net health benefit: effect − cost / WTP (null when WTP is 0). */
  readonly netHealthBenefit: number | null;
}

export interface IncrementalAnalysis {
  readonly willingnessToPay: number;
  /** Rows in the order the strategies were given. */
  readonly rows: readonly IncrementalRow[];
  /** Frontier strategy ids from cheapest to most costly. */
  readonly frontier: readonly string[];
  /** The strategy with the highest net monetary benefit (first listed on a tie). */
  readonly preferred: string;
}

function check(outcomes: readonly StrategyOutcome[], willingnessToPay: number): void {
  if (outcomes.length === 0) throw new RangeError('incremental analysis: needs at least one strategy');
  if (!(Number.isFinite(willingnessToPay) && willingnessToPay >= 0)) {
    throw new RangeError(`willingnessToPay: got ${willingnessToPay}, must be a finite number ≥ 0`);
  }
  const seen = new Set<string>();
  for (const o of outcomes) {
    if (seen.has(o.id)) throw new RangeError(`incremental analysis: strategy id '${o.id}' appears twice`);
    seen.add(o.id);
    if (!Number.isFinite(o.cost) || !Number.isFinite(o.effect)) {
      throw new RangeError(`strategy '${o.id}': cost and effect must be finite, got ${o.cost} and ${o.effect}`);
    }
  }
}

/**
 * Sorts by cost (then by effect, best first), removes strongly dominated strategies (no
 * cheaper-or-equal strategy is at least as effective), then extendedly dominated ones
 * (an ICER higher than the next frontier strategy's), and computes the frontier ICERs.
 * Strategies identical in cost and effect are analysed once and share the result.
 */
export function incrementalAnalysis(
  outcomes: readonly StrategyOutcome[],
  willingnessToPay: number,
): IncrementalAnalysis {
  check(outcomes, willingnessToPay);
  const sameAs = new Map<string, string>();
  const distinct: StrategyOutcome[] = [];
  for (const o of outcomes) {
    const twin = distinct.find((d) => d.cost === o.cost && d.effect === o.effect);
    if (twin === undefined) distinct.push(o);
    else sameAs.set(o.id, twin.id);
  }
  const byCost = [...distinct].sort((a, b) => a.cost - b.cost || b.effect - a.effect);

  const status = new Map<string, DominanceStatus>();
  const dominatedBy = new Map<string, string>();
  let best: StrategyOutcome | undefined;
  const undominated: StrategyOutcome[] = [];
  for (const o of byCost) {
    // Sorted by cost: `best` is the most effective strategy costing no more than `o`.
    if (best !== undefined && best.effect >= o.effect) {
      status.set(o.id, 'D');
      dominatedBy.set(o.id, best.id);
    } else {
      undominated.push(o);
      best = o;
    }
  }

  // Extended dominance: drop any strategy whose ICER exceeds the next one's, until ICERs rise.
  const frontier = [...undominated];
  let removed = true;
  while (removed) {
    removed = false;
    for (let i = 1; i + 1 < frontier.length; i++) {
      const [prev, cur, next] = frontier.slice(i - 1, i + 2) as [StrategyOutcome, StrategyOutcome, StrategyOutcome];
      const icerIn = (cur.cost - prev.cost) / (cur.effect - prev.effect);
      const icerOut = (next.cost - cur.cost) / (next.effect - cur.effect);
      if (icerIn > icerOut) {
        status.set(cur.id, 'ED');
        frontier.splice(i, 1);
        removed = true;
        break;
      }
    }
  }
  // An extendedly dominated strategy lies above the frontier segment spanning its cost.
  for (const o of undominated) {
    if (status.get(o.id) !== 'ED') continue;
    const right = frontier.findIndex((f) => f.cost > o.cost);
    dominatedBy.set(o.id, `${frontier[right - 1]?.id}–${frontier[right]?.id}`);
  }
  const comparator = new Map<string, StrategyOutcome>();
  frontier.forEach((o, i) => {
    status.set(o.id, 'ND');
    if (i > 0) comparator.set(o.id, frontier[i - 1] as StrategyOutcome);
  });

  const rows = outcomes.map((o): IncrementalRow => {
    const key = sameAs.get(o.id) ?? o.id;
    const ref = comparator.get(key);
    const rowStatus = status.get(key) as DominanceStatus;
    const incrementalCost = ref === undefined ? null : o.cost - ref.cost;
    const incrementalEffect = ref === undefined ? null : o.effect - ref.effect;
    return {
      ...o,
      status: rowStatus,
      comparator: ref?.id ?? null,
      incrementalCost,
      incrementalEffect,
      icer: incrementalCost === null || incrementalEffect === null ? null : incrementalCost / incrementalEffect,
      dominatedBy: dominatedBy.get(key) ?? null,
      sameAs: sameAs.get(o.id) ?? null,
      netMonetaryBenefit: netBenefit(willingnessToPay, o.effect, o.cost),
      netHealthBenefit: willingnessToPay > 0 ? o.effect - o.cost / willingnessToPay : null,
    };
  });
  let preferred = rows[0] as IncrementalRow;
  for (const row of rows) if (row.netMonetaryBenefit > preferred.netMonetaryBenefit) preferred = row;
  return { willingnessToPay, rows, frontier: frontier.map((o) => o.id), preferred: preferred.id };
}
