// Calibration targets against the model, on one axis whatever their units: the model's
// position relative to the target's 95% interval (−1 the lower limit, 0 the observed value,
// +1 the upper limit), so a dot inside [−1, 1] is a target hit.
import * as Plot from '@observablehq/plot';
import type { TargetCheck } from '@sarcsim/model/calibration';

/** Beyond this the dot is drawn at the edge (the table has the value). */
const SHOWN_LIMIT = 3;

export function intervalPosition(t: Pick<TargetCheck, 'observed' | 'low' | 'high' | 'simulated'>): number {
  const gap = t.simulated - t.observed;
  const halfWidth = gap >= 0 ? t.high - t.observed : t.observed - t.low;
  if (gap === 0) return 0;
  return halfWidth > 0 ? gap / halfWidth : Math.sign(gap) * Number.POSITIVE_INFINITY;
}

export function calibrationChart(targets: readonly TargetCheck[]) {
  const rows = targets.map((t) => {
    const position = intervalPosition(t);
    return {
      label: t.label,
      position: Math.max(-SHOWN_LIMIT, Math.min(SHOWN_LIMIT, position)),
      status: t.inside ? 'inside the 95% interval' : 'outside',
    };
  });
  return Plot.plot({
    width: 900,
    height: 50 + 28 * rows.length,
    marginLeft: 440,
    x: {
      domain: [-SHOWN_LIMIT, SHOWN_LIMIT],
      label: 'Model relative to the 95% interval (−1 lower limit, 0 observed, +1 upper limit)',
      grid: true,
    },
    y: { label: null, domain: rows.map((r) => r.label), axis: null },
    color: { domain: ['inside the 95% interval', 'outside'], range: ['#0072B2', '#D55E00'], legend: true },
    marks: [
      // Target labels are long: wrapped onto two lines rather than cut.
      Plot.axisY({ lineWidth: 44, tickSize: 0 }),
      Plot.rectX([{ x1: -1, x2: 1 }], { x1: 'x1', x2: 'x2', fill: '#e8e8e8' }),
      Plot.ruleX([0], { stroke: '#777' }),
      Plot.dot(rows, { y: 'label', x: 'position', fill: 'status', r: 4, tip: true }),
    ],
  });
}
