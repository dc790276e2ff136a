// Plain-text comparison table for the CLI: one row per strategy, mean ± MCSE per channel.
import type { RunReport } from '@sarcsim/model';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 1_000 ? 0 : Math.abs(value) >= 10 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   '),
    )
    .join('\n');
}

export function formatReport(report: RunReport): string {
  const channels = Object.keys(report.strategies[0]?.rewards ?? {});
  const section = (kind: 'discounted' | 'undiscounted') =>
    table([
      ['strategy', ...channels],
      ...report.strategies.map((s) => [
        s.label,
        ...channels.map((c) => {
          const e = s.rewards[c]?.[kind];
          return e === undefined ? '' : `${formatNumber(e.mean)} ± ${formatNumber(e.mcse)}`;
        }),
      ]),
    ]);
  const counters = Object.keys(report.strategies[0]?.counters ?? {});
  const counterTable =
    counters.length === 0
      ? ''
      : `\nPer patient\n${table([
          ['strategy', ...counters],
          ...report.strategies.map((s) => [
            s.label,
            ...counters.map((c) => formatNumber(s.counters[c]?.perIndividual ?? Number.NaN)),
          ]),
        ])}\n`;
  return [
    `sarcsim ${report.version} · model ${report.model} · ${report.patients.toLocaleString('en-US')} patients · seed ${report.seed} · horizon ${report.horizonYears} years`,
    `scenario ${report.scenarioHash.slice(0, 16)}`,
    '',
    'Discounted, per patient (mean ± Monte Carlo standard error)',
    section('discounted'),
    '',
    'Undiscounted, per patient',
    section('undiscounted'),
    counterTable,
  ].join('\n');
}
