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

/** A cell's text as it is exported: a leading apostrophe before = + - @ tab CR, so no spreadsheet reads it as a formula. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet would read `text` as a formula (a cell an import refuses: never evaluated). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function csvCell(value: unknown): string {
  const s = neutralised(cellText(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: a header row, then one row per item; ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
