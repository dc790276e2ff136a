// The run's results as tidy CSV: one row per strategy and measure.
import type { RunReport } from '@sarcsim/model';
import { toCsv } from '@sarcsim/worker/browser';

export function outcomesCsv(report: RunReport): string {
  const rows: (string | number)[][] = [];
  for (const s of report.strategies) {
    for (const [reward, e] of Object.entries(s.rewards)) {
      rows.push([s.id, `${reward}_discounted`, e.discounted.mean, e.discounted.mcse]);
      rows.push([s.id, `${reward}_undiscounted`, e.undiscounted.mean, e.undiscounted.mcse]);
    }
    const flat = (prefix: string, value: unknown): void => {
      if (typeof value === 'number' || value === null) rows.push([s.id, prefix, value ?? Number.NaN, Number.NaN]);
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) flat(prefix === '' ? k : `${prefix}.${k}`, v);
      }
    };
    flat('', s.outcomes ?? {});
  }
  return toCsv(['strategy', 'measure', 'value', 'mcse'], rows).replace(
    /^/,
    `# sarcsim ${report.version}, seed ${report.seed}, scenario ${report.scenarioHash}, ${report.patients} patients\n`,
  );
}
