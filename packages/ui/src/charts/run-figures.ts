// The figures of one run, with their titles: what the results view shows and the report embeds.
import type { RunEconomics } from '@sarcsim/model/economics';
import type { RunReport } from '@sarcsim/model/scenario';
import * as charts from './run-charts.js';

export interface RunFigure {
  readonly title: string;
  /** File name part for downloads. */
  readonly name: string;
  readonly build: () => Element;
}

export function runFigures(
  report: RunReport,
  economics: RunEconomics | undefined,
  order: readonly string[],
  comparator: string,
): RunFigure[] {
  const s = charts.chartStrategies(report, order);
  const vs = report.strategies.find((x) => x.id === comparator)?.label ?? comparator;
  return [
    ...(economics === undefined
      ? []
      : [
          {
            title: `Cost-effectiveness plane: the efficiency frontier (line), dominated strategies (×), the threshold of ${Math.round(economics.willingnessToPay).toLocaleString('en-US')} ${economics.currency} per QALY (dashed)`,
            name: 'ce-plane',
            build: () => charts.costEffectivenessPlane(economics, s),
          },
        ]),
    {
      title: `Overall survival from entry: difference vs ${vs} (conservative 95% bands)`,
      name: 'survival-difference',
      build: () => charts.survivalDifferenceChart(report, s, comparator, 'survival', 'Years since entry'),
    },
    {
      title: 'Cumulative incidence of detected liver metastasis',
      name: 'detected-liver-metastasis',
      build: () => charts.detectedIncidenceChart(s),
    },
    { title: 'Burden at first detection', name: 'burden-at-detection', build: () => charts.burdenChart(s) },
    {
      title: 'Detected liver metastasis ever resected',
      name: 'ever-resected',
      build: () => charts.resectedChart(s),
    },
    { title: 'Scans per patient', name: 'scans', build: () => charts.scansChart(s) },
    {
      title: 'False positives per patient',
      name: 'false-positives',
      build: () => charts.falsePositivesChart(s),
    },
    { title: 'Deaths by cause', name: 'deaths', build: () => charts.deathsChart(report, s) },
    {
      title: `Survival from detection: difference vs ${vs} — LEAD-TIME BIASED, do not compare strategies on it`,
      name: 'survival-from-detection-difference',
      build: () =>
        charts.survivalDifferenceChart(
          report,
          s,
          comparator,
          'survivalFromDetection',
          'Years since detection of liver metastasis',
        ),
    },
  ];
}

/** The stamp text a result carries into files. */
export const stampText = (r: Pick<RunReport, 'version' | 'seed' | 'patients' | 'scenarioHash'>) =>
  `sarcsim ${r.version} · seed ${r.seed} · ${r.patients.toLocaleString('en-US')} patients · scenario ${r.scenarioHash.slice(0, 16)}`;
