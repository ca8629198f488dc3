/** Plain aligned columns for `--output table`: a header row, then one row per item. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '(none)\n';
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

/** `key: value` lines for one object, skipping empty values. */
export function renderFields(fields: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string {
  const shown = fields.filter(([, value]) => value !== undefined && value !== '');
  const width = Math.max(0, ...shown.map(([key]) => key.length));
  return `${shown.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${String(value)}`).join('\n')}\n`;
}

/** A Date as ISO text, or '' when absent. */
export function formatTime(date: Date | undefined): string {
  return date ? date.toISOString() : '';
}
