// PSA charts: cost-effectiveness plane, acceptability curves with the frontier, EVPI.
import * as Plot from '@observablehq/plot';
import type { DsaResult, PsaResult } from '@sarcsim/model/analyses';
import { colourScale } from './palette.js';

const WIDTH = 560;

/** Each draw's cost and QALYs against the first strategy, for every other strategy. */
export function cePlaneChart(result: PsaResult) {
  const ids = result.strategies.map((s) => s.label);
  const reference = ids[0] ?? '';
  const points = result.draws.flatMap((d) =>
    ids.slice(1).map((id, k) => ({
      strategy: id,
      dq: (d.qalys[k + 1] as number) - (d.qalys[0] as number),
      dc: (d.costs[k + 1] as number) - (d.costs[0] as number),
    })),
  );
  const wtp = result.summary.willingnessToPay;
  return Plot.plot({
    width: WIDTH,
    height: 360,
    marginLeft: 60,
    x: { label: `Incremental QALYs vs ${reference}`, grid: true },
    y: { label: `Incremental cost vs ${reference} (USD)`, grid: true },
    color: colourScale(ids), // the same colour for a strategy as in every other chart
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY([0]),
      Plot.line(
        [
          { dq: Math.min(0, ...points.map((p) => p.dq)), dc: wtp * Math.min(0, ...points.map((p) => p.dq)) },
          { dq: Math.max(0, ...points.map((p) => p.dq)), dc: wtp * Math.max(0, ...points.map((p) => p.dq)) },
        ],
        { x: 'dq', y: 'dc', strokeDasharray: '4,3', stroke: '#555' },
      ),
      Plot.dot(points, { x: 'dq', y: 'dc', stroke: 'strategy', r: 2, tip: true }),
    ],
  });
}

export function ceacChart(result: PsaResult) {
  const ids = result.strategies.map((s) => s.label);
  const rows = result.summary.acceptability.flatMap((p) =>
    ids.map((id, i) => ({
      strategy: id,
      wtp: p.willingnessToPay,
      probability: p.probabilityCostEffective[i] as number,
      frontier: p.optimal === i,
    })),
  );
  return Plot.plot({
    width: WIDTH,
    height: 320,
    marginLeft: 50,
    x: { label: 'Willingness to pay (USD per QALY)', grid: true },
    y: { label: 'Probability cost-effective (%)', percent: true, domain: [0, 100], grid: true },
    color: colourScale(ids),
    marks: [
      Plot.lineY(rows, { x: 'wtp', y: 'probability', stroke: 'strategy', tip: true }),
      // The acceptability frontier: the strategy with the highest expected net benefit.
      Plot.dot(
        rows.filter((r) => r.frontier),
        { x: 'wtp', y: 'probability', fill: 'strategy', r: 3.5, symbol: 'diamond' },
      ),
    ],
  });
}

export function evpiChart(result: PsaResult) {
  const rows = result.summary.acceptability.map((p) => ({ wtp: p.willingnessToPay, evpi: p.evpiPerPatient }));
  return Plot.plot({
    width: WIDTH,
    height: 280,
    marginLeft: 60,
    x: { label: 'Willingness to pay (USD per QALY)', grid: true },
    y: { label: 'EVPI per patient (USD)', grid: true },
    marks: [Plot.lineY(rows, { x: 'wtp', y: 'evpi', stroke: '#0072B2', tip: true }), Plot.ruleY([0])],
  });
}

/** Rows whose two ends move the outcome the same way: a non-monotone effect or, more often at low patient counts, simulation noise. */
export const sameDirection = (r: DsaResult['tornado'][number], base: number) =>
  (r.outcomeLow - base) * (r.outcomeHigh - base) > 0;

/**
 * One-way sensitivity: the outcome at each end of each parameter's range, largest swing on
 * top, named by the registry's labels. The low end is drawn in the upper half of a row and the
 * high end in the lower half, so ends that move the same way do not hide each other; such rows
 * are flagged (⚠).
 */
export function tornadoChart(result: DsaResult, strategyLabel: (id: string) => string, shown = 15) {
  const base = result.base.outcome;
  const top = result.tornado.slice(0, shown);
  const name = (r: DsaResult['tornado'][number]) => `${sameDirection(r, base) ? '⚠ ' : ''}${r.label}`;
  const rows = top.flatMap((r) => [
    { parameter: name(r), end: 'low end of range', from: base, to: r.outcomeLow },
    { parameter: name(r), end: 'high end of range', from: base, to: r.outcomeHigh },
  ]);
  const what = result.outcome.kind === 'icer' ? 'ICER' : 'Incremental net monetary benefit';
  const rowHeight = 32;
  return Plot.plot({
    width: 760,
    height: 50 + rowHeight * Math.min(shown, result.tornado.length),
    marginLeft: 340,
    x: {
      label: `${what}, ${strategyLabel(result.outcome.strategy)} vs ${strategyLabel(result.outcome.comparator)} (USD)`,
      grid: true,
    },
    y: { label: null, domain: top.map(name), axis: null },
    color: { domain: ['low end of range', 'high end of range'], range: ['#56B4E9', '#D55E00'], legend: true },
    marks: [
      // Registry labels are long: wrapped onto two lines rather than cut.
      Plot.axisY({ lineWidth: 33, tickSize: 0 }),
      Plot.barX(
        rows.filter((r) => r.end === 'low end of range'),
        { y: 'parameter', x1: 'from', x2: 'to', fill: 'end', insetBottom: rowHeight / 2 - 1, tip: true },
      ),
      Plot.barX(
        rows.filter((r) => r.end === 'high end of range'),
        { y: 'parameter', x1: 'from', x2: 'to', fill: 'end', insetTop: rowHeight / 2 - 1, tip: true },
      ),
      Plot.ruleX([base], { stroke: '#000' }),
    ],
  });
}
