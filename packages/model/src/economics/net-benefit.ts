// Net monetary benefit: the one definition every analysis uses (incremental analysis, DSA,
// the PSA's acceptability curve and EVPPI).

/** Net monetary benefit of `effect` QALYs at `cost`, valued at `willingnessToPay` per QALY. */
export function netBenefit(willingnessToPay: number, effect: number, cost: number): number {
  return willingnessToPay * effect - cost;
}
