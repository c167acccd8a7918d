import type { PackageFormat } from './access-package.writer';

/** The access package's three files: kind, name and type, in the order the subject sees them. */
export function accessFiles(reference: string): { format: PackageFormat; kind: string; fileName: string; contentType: string }[] {
  const base = `access-${reference}`;
  return [
    { format: 'html', kind: 'access-html', fileName: `${base}.html`, contentType: 'text/html; charset=utf-8' },
    { format: 'json', kind: 'access-json', fileName: `${base}.json`, contentType: 'application/json; charset=utf-8' },
    { format: 'csv', kind: 'access-csv', fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8' },
  ];
}
