// Charts of one run, built with Observable Plot from the run report. Strategies are named by
// their labels and listed from cheapest to most costly, with one colour each in every chart.
import * as Plot from '@observablehq/plot';
import type { RunEconomics } from '@sarcsim/model/economics';
import type { CurveResult } from '@sarcsim/model/engine';
import type { ReportedStrategy, RunReport } from '@sarcsim/model/scenario';
import { colourScale, STRATEGY_COLOURS } from './palette.js';

const WIDTH = 560;
const Z95 = 1.959964;

/** The strategies of a chart in the order and with the names it shows. */
export interface ChartStrategies {
  /** Report strategies, cheapest first. */
  readonly ordered: readonly ReportedStrategy[];
  readonly labels: readonly string[];
}

export function chartStrategies(report: RunReport, order: readonly string[]): ChartStrategies {
  const ordered = order.flatMap((id) => report.strategies.filter((s) => s.id === id));
  return { ordered, labels: ordered.map((s) => s.label) };
}

/** Kaplan–Meier value and Greenwood variance at each grid time (time 0 first). */
function kaplanMeier(curve: CurveResult): { years: number; value: number; variance: number }[] {
  const points = [{ years: 0, value: 1, variance: 0 }];
  let previous = 1;
  let greenwood = 0;
  curve.timesYears.forEach((years, i) => {
    const value = curve.eventFree[i] ?? previous;
    const atRisk = curve.atRisk[i] ?? 0;
    const events = previous > 0 ? atRisk * (1 - value / previous) : 0;
    if (atRisk > events && atRisk > 0) greenwood += events / (atRisk * (atRisk - events));
    points.push({ years, value, variance: value * value * greenwood });
    previous = value;
  });
  return points;
}

/**
 * Survival of each strategy minus the comparator's, in percentage points, with a pointwise 95%
 * band. The band adds the two Greenwood variances as if the arms were independent; the arms
 * share their patients, so the true band is narrower: the drawn one is conservative.
 */
export function survivalDifferenceChart(
  report: RunReport,
  strategies: ChartStrategies,
  comparator: string,
  curveName: 'survival' | 'survivalFromDetection',
  xLabel: string,
) {
  const base = report.strategies.find((s) => s.id === comparator)?.curves[curveName];
  const baseLabel = report.strategies.find((s) => s.id === comparator)?.label ?? comparator;
  const others = strategies.ordered.filter((s) => s.id !== comparator && s.curves[curveName] !== undefined);
  const basePoints = base === undefined ? [] : kaplanMeier(base);
  const rows = others.flatMap((s) =>
    kaplanMeier(s.curves[curveName] as CurveResult).flatMap((p, i) => {
      const b = basePoints[i];
      if (b === undefined) return [];
      const difference = p.value - b.value;
      const half = Z95 * Math.sqrt(p.variance + b.variance);
      return [{ strategy: s.label, years: p.years, difference, low: difference - half, high: difference + half }];
    }),
  );
  const labels = others.map((s) => s.label);
  const colours = colourScale(strategies.labels);
  const range = labels.map((l) => colours.range[strategies.labels.indexOf(l)] as string);
  return Plot.plot({
    width: WIDTH,
    height: 300,
    marginLeft: 55,
    x: { label: xLabel },
    y: { label: `Alive, difference vs ${baseLabel} (percentage points)`, percent: true, grid: true },
    color: { domain: labels, range, legend: true },
    marks: [
      Plot.areaY(rows, { x: 'years', y1: 'low', y2: 'high', fill: 'strategy', fillOpacity: 0.15, curve: 'step-after' }),
      Plot.ruleY([0], { stroke: '#333' }),
      Plot.lineY(rows, { x: 'years', y: 'difference', stroke: 'strategy', curve: 'step-after', tip: true }),
    ],
  });
}

export function detectedIncidenceChart(strategies: ChartStrategies) {
  const data = strategies.ordered.flatMap((s) => {
    const curve = s.curves.livermetDetected;
    if (curve === undefined) return [];
    const values = curve.cumulativeIncidence.detected ?? [];
    return [
      { strategy: s.label, years: 0, value: 0 },
      ...curve.timesYears.map((years, i) => ({ strategy: s.label, years, value: values[i] ?? 0 })),
    ];
  });
  return Plot.plot({
    width: WIDTH,
    height: 300,
    marginLeft: 50,
    x: { label: 'Years since entry' },
    y: { label: 'Liver metastasis detected (%)', percent: true, grid: true },
    color: colourScale(strategies.labels),
    marks: [Plot.lineY(data, { x: 'years', y: 'value', stroke: 'strategy', curve: 'step-after', tip: true })],
  });
}

/** Strategies by cost and QALYs, the efficiency frontier joining the undominated ones, the threshold's slope. */
export function costEffectivenessPlane(economics: RunEconomics, strategies: ChartStrategies) {
  const byId = new Map(economics.strategies.map((s) => [s.id, s]));
  const points = strategies.ordered.flatMap((s) => {
    const e = byId.get(s.id);
    const row = economics.incremental.rows.find((r) => r.id === s.id);
    return e === undefined ? [] : [{ strategy: s.label, qalys: e.qalys, cost: e.cost, status: row?.status ?? '' }];
  });
  const frontier = economics.incremental.frontier.flatMap((id) => {
    const e = byId.get(id);
    return e === undefined ? [] : [{ qalys: e.qalys, cost: e.cost }];
  });
  const first = frontier[0];
  const qalyRange = points.map((p) => p.qalys);
  const threshold =
    first === undefined
      ? []
      : [Math.min(...qalyRange), Math.max(...qalyRange)].map((q) => ({
          qalys: q,
          cost: first.cost + economics.willingnessToPay * (q - first.qalys),
        }));
  return Plot.plot({
    width: WIDTH,
    height: 340,
    marginLeft: 70,
    x: { label: 'QALYs per patient (discounted)', grid: true },
    y: { label: `Cost per patient (${economics.currency}, discounted)`, grid: true },
    color: colourScale(strategies.labels),
    marks: [
      Plot.line(threshold, { x: 'qalys', y: 'cost', stroke: '#777', strokeDasharray: '4,3' }),
      Plot.line(frontier, { x: 'qalys', y: 'cost', stroke: '#1a1a1a', strokeWidth: 1.5 }),
      Plot.dot(points, {
        x: 'qalys',
        y: 'cost',
        fill: 'strategy',
        r: 5,
        symbol: (d: { status: string }) => (d.status === 'ND' ? 'circle' : 'times'),
        tip: true,
      }),
    ],
  });
}

function barChart(
  rows: { strategy: string; value: number; part?: string }[],
  label: string,
  strategies: ChartStrategies,
  percent = false,
) {
  const stacked = rows.some((r) => r.part !== undefined);
  return Plot.plot({
    width: WIDTH,
    height: 60 + 40 * strategies.labels.length,
    marginLeft: 200,
    x: { label, grid: true, percent },
    y: { label: null, domain: [...strategies.labels], axis: null },
    color: stacked ? { legend: true, range: STRATEGY_COLOURS } : colourScale(strategies.labels),
    marks: [
      // Labels wrapped onto up to three lines, so long strategy names are not cut off.
      Plot.axisY({ lineWidth: 19, tickSize: 0 }),
      Plot.barX(rows, { y: 'strategy', x: 'value', fill: stacked ? 'part' : 'strategy', tip: true }),
      Plot.ruleX([0]),
    ],
  });
}

export const burdenChart = (s: ChartStrategies) =>
  barChart(
    s.ordered.map((x) => ({ strategy: x.label, value: x.outcomes?.atDetection.meanLargestMm ?? 0 })),
    'Largest liver lesion at first detection (mm, mean)',
    s,
  );

export const resectedChart = (s: ChartStrategies) =>
  barChart(
    s.ordered.map((x) => ({ strategy: x.label, value: x.outcomes?.detectedEverResected ?? 0 })),
    'Detected liver metastasis ever resected (% of detected)',
    s,
    true,
  );

export const scansChart = (s: ChartStrategies) =>
  barChart(
    s.ordered.flatMap((x) => [
      { strategy: x.label, part: 'surveillance scans', value: x.outcomes?.surveillanceScans ?? 0 },
      { strategy: x.label, part: 'post-treatment follow-up scans', value: x.outcomes?.followUpScans ?? 0 },
    ]),
    'Scans per patient',
    s,
  );

export const falsePositivesChart = (s: ChartStrategies) =>
  barChart(
    s.ordered.map((x) => ({ strategy: x.label, value: x.outcomes?.falsePositives ?? 0 })),
    'False-positive work-ups per patient',
    s,
  );

export function deathsChart(report: RunReport, s: ChartStrategies) {
  return barChart(
    s.ordered.flatMap((x) => {
      const cancer = x.outcomes?.deaths.cancer ?? 0;
      const local = x.outcomes?.deaths.localRecurrence ?? 0;
      const other = x.outcomes?.deaths.otherCauses ?? 0;
      return [
        { strategy: x.label, part: 'died of metastatic sarcoma', value: cancer },
        { strategy: x.label, part: 'died of local recurrence', value: local },
        { strategy: x.label, part: 'died of other causes', value: other },
        {
          strategy: x.label,
          part: `alive at ${report.horizonYears} years`,
          value: Math.max(0, 1 - cancer - local - other),
        },
      ];
    }),
    `Patients by the horizon (${report.horizonYears} years, %)`,
    s,
    true,
  );
}
