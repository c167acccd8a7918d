/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, a double
 * quote, CR or LF is enclosed in double quotes and its quotes doubled), made
 * safe for spreadsheets: a cell that starts with = + - @ (or a tab or CR,
 * which some spreadsheets skip before reading a formula) gets a leading
 * apostrophe so it is shown as text and never run as a formula (OWASP "CSV
 * injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text: strings as they are, null/undefined empty, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export function csvCell(value: unknown): string {
  let s = cellText(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: a header row, then one row per item; ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
