// Plain-text table helpers shared by the CLI's reports.

export function formatNumber(value: number | null, digits?: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const d = digits ?? (Math.abs(value) >= 1_000 ? 0 : Math.abs(value) >= 10 ? 2 : 3);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const percent = (value: number | null) =>
  value !== null && Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : '–';

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   '),
    )
    .join('\n');
}
