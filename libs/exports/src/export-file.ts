import { createHash } from 'node:crypto';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPES;

/** A finished export: what the API sends and the audit log records. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  sha256: string;
}

export function sha256(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** A file name made of lower-case letters, digits, dots, hyphens and underscores only (safe in Content-Disposition). */
export function safeFileName(...parts: string[]): string {
  const name = parts.join('-').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return name.replace(/[^a-z0-9._-]+|\.{2,}/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '') || 'export';
}

export function exportFile(fileName: string, format: ExportFormat, body: Buffer | string): ExportFile {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { fileName, contentType: CONTENT_TYPES[format], body: buf, sha256: sha256(buf) };
}
