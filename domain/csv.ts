/** Starts a spreadsheet formula (CSV injection): = + - @, and tab or carriage return before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula — a name such as
 * `=HYPERLINK(…)` typed into the configuration — is prefixed with `'`, so it shows as typed (the
 * OWASP advice); numbers stay numbers.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row. */
export function toCsv<T extends object>(rows: T[], columns: Array<keyof T & string>): string {
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}
