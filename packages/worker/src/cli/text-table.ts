// Plain-text table helpers shared by the CLI's reports.

export { formatNumber, percent } from '../csv/outcome-rows.js';

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   '),
    )
    .join('\n');
}
