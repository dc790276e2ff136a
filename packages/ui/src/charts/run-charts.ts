// Charts of one run, built with Observable Plot from the run report.
import * as Plot from '@observablehq/plot';
import type { CurveResult } from '@sarcsim/model/engine';
import type { RunReport } from '@sarcsim/model/scenario';
import { colourScale, STRATEGY_COLOURS } from './palette.js';

const WIDTH = 560;
const Z95 = 1.959964;

interface CurvePoint {
  strategy: string;
  years: number;
  value: number;
  low: number;
  high: number;
}

/**
 * Kaplan–Meier points with a pointwise 95% band from Greenwood's formula, the events per
 * interval recovered from the step in survival and the number at risk.
 */
function kaplanMeierPoints(strategy: string, curve: CurveResult): CurvePoint[] {
  const points: CurvePoint[] = [{ strategy, years: 0, value: 1, low: 1, high: 1 }];
  let previous = 1;
  let greenwood = 0;
  curve.timesYears.forEach((years, i) => {
    const value = curve.eventFree[i] ?? previous;
    const atRisk = curve.atRisk[i] ?? 0;
    const events = previous > 0 ? atRisk * (1 - value / previous) : 0;
    if (atRisk > events && atRisk > 0) greenwood += events / (atRisk * (atRisk - events));
    const se = value * Math.sqrt(greenwood);
    points.push({ strategy, years, value, low: Math.max(0, value - Z95 * se), high: Math.min(1, value + Z95 * se) });
    previous = value;
  });
  return points;
}

function curveChart(
  report: RunReport,
  curveName: string,
  series: (curve: CurveResult) => readonly number[] | undefined,
  options: { y: string; x: string; banded: boolean },
) {
  const ids = report.strategies.map((s) => s.id);
  const data = report.strategies.flatMap((s) => {
    const curve = s.curves[curveName];
    if (curve === undefined) return [];
    if (options.banded) return kaplanMeierPoints(s.id, curve);
    const values = series(curve) ?? [];
    return [
      { strategy: s.id, years: 0, value: 0, low: 0, high: 0 },
      ...curve.timesYears.map((years, i) => ({ strategy: s.id, years, value: values[i] ?? 0, low: 0, high: 0 })),
    ];
  });
  return Plot.plot({
    width: WIDTH,
    height: 300,
    marginLeft: 50,
    x: { label: options.x },
    y: { label: options.y, percent: true, grid: true, ...(options.banded ? { domain: [0, 100] } : {}) },
    color: colourScale(ids),
    marks: [
      ...(options.banded
        ? [
            Plot.areaY(data, {
              x: 'years',
              y1: 'low',
              y2: 'high',
              fill: 'strategy',
              fillOpacity: 0.15,
              curve: 'step-after',
            }),
          ]
        : []),
      Plot.lineY(data, { x: 'years', y: 'value', stroke: 'strategy', curve: 'step-after', tip: true }),
    ],
  });
}

export const survivalChart = (report: RunReport) =>
  curveChart(report, 'survival', (c) => c.eventFree, { y: 'Alive (%)', x: 'Years since entry', banded: true });

export const detectedIncidenceChart = (report: RunReport) =>
  curveChart(report, 'livermetDetected', (c) => c.cumulativeIncidence.detected, {
    y: 'Liver metastasis detected (%)',
    x: 'Years since entry',
    banded: false,
  });

export const leadTimeChart = (report: RunReport) =>
  curveChart(report, 'survivalFromDetection', (c) => c.eventFree, {
    y: 'Alive (%) — LEAD-TIME BIASED',
    x: 'Years since detection of liver metastasis',
    banded: true,
  });

function barChart(
  rows: { strategy: string; value: number; part?: string }[],
  label: string,
  options: { percent?: boolean; ids: string[] },
) {
  const stacked = rows.some((r) => r.part !== undefined);
  return Plot.plot({
    width: WIDTH,
    height: 60 + 34 * options.ids.length,
    marginLeft: 150,
    x: { label, grid: true, percent: options.percent ?? false },
    y: { label: null, domain: options.ids },
    color: stacked ? { legend: true, range: STRATEGY_COLOURS } : colourScale(options.ids),
    marks: [
      Plot.barX(rows, { y: 'strategy', x: 'value', fill: stacked ? 'part' : 'strategy', tip: true }),
      Plot.ruleX([0]),
    ],
  });
}

export function burdenChart(report: RunReport) {
  const ids = report.strategies.map((s) => s.id);
  return barChart(
    report.strategies.map((s) => ({ strategy: s.id, value: s.outcomes?.atDetection.meanLargestMm ?? 0 })),
    'Largest liver lesion at first detection (mm, mean)',
    { ids },
  );
}

export function resectedChart(report: RunReport) {
  const ids = report.strategies.map((s) => s.id);
  return barChart(
    report.strategies.map((s) => ({ strategy: s.id, value: s.outcomes?.detectedEverResected ?? 0 })),
    'Detected liver metastasis ever resected (% of detected)',
    { ids, percent: true },
  );
}

export function scansChart(report: RunReport) {
  const ids = report.strategies.map((s) => s.id);
  return barChart(
    report.strategies.flatMap((s) => [
      { strategy: s.id, part: 'surveillance scans', value: s.outcomes?.surveillanceScans ?? 0 },
      { strategy: s.id, part: 'post-treatment follow-up scans', value: s.outcomes?.followUpScans ?? 0 },
    ]),
    'Scans per patient',
    { ids },
  );
}

export function falsePositivesChart(report: RunReport) {
  const ids = report.strategies.map((s) => s.id);
  return barChart(
    report.strategies.map((s) => ({ strategy: s.id, value: s.outcomes?.falsePositives ?? 0 })),
    'False-positive work-ups per patient',
    { ids },
  );
}

export function deathsChart(report: RunReport) {
  const ids = report.strategies.map((s) => s.id);
  return barChart(
    report.strategies.flatMap((s) => {
      const cancer = s.outcomes?.deaths.cancer ?? 0;
      const local = s.outcomes?.deaths.localRecurrence ?? 0;
      const other = s.outcomes?.deaths.otherCauses ?? 0;
      return [
        { strategy: s.id, part: 'died of metastatic sarcoma', value: cancer },
        { strategy: s.id, part: 'died of local recurrence', value: local },
        { strategy: s.id, part: 'died of other causes', value: other },
        {
          strategy: s.id,
          part: `alive at ${report.horizonYears} years`,
          value: Math.max(0, 1 - cancer - local - other),
        },
      ];
    }),
    `Patients by the horizon (${report.horizonYears} years, %)`,
    { ids, percent: true },
  );
}
