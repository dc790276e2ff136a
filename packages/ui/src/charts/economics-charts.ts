// PSA charts: cost-effectiveness plane, acceptability curves with the frontier, EVPI.
import * as Plot from '@observablehq/plot';
import type { DsaResult, PsaResult } from '@sarcsim/model/analyses';
import { colourScale } from './palette.js';

const WIDTH = 560;

/** Each draw's cost and QALYs against the first strategy, for every other strategy. */
export function cePlaneChart(result: PsaResult) {
  const ids = result.strategies.map((s) => s.id);
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
  const ids = result.strategies.map((s) => s.id);
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

/** One-way sensitivity: the outcome at each end of each parameter's range, largest swing on top. */
export function tornadoChart(result: DsaResult, shown = 15) {
  const rows = result.tornado.slice(0, shown).flatMap((r) => [
    { parameter: r.id, end: 'low end of range', from: result.base.outcome, to: r.outcomeLow },
    { parameter: r.id, end: 'high end of range', from: result.base.outcome, to: r.outcomeHigh },
  ]);
  const what = result.outcome.kind === 'icer' ? 'ICER' : 'Incremental net monetary benefit';
  return Plot.plot({
    width: 760,
    height: 50 + 22 * Math.min(shown, result.tornado.length),
    marginLeft: 280,
    x: { label: `${what}, ${result.outcome.strategy} vs ${result.outcome.comparator} (USD)`, grid: true },
    y: { label: null, domain: result.tornado.slice(0, shown).map((r) => r.id) },
    color: { domain: ['low end of range', 'high end of range'], range: ['#56B4E9', '#D55E00'], legend: true },
    marks: [
      Plot.barX(rows, { y: 'parameter', x1: 'from', x2: 'to', fill: 'end', tip: true }),
      Plot.ruleX([result.base.outcome], { stroke: '#000' }),
    ],
  });
}
