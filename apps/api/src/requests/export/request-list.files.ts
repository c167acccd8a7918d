/** The requests list's export formats (written by the lists' shared CSV and XLSX writers, exports/table-files.ts). */
export const REQUEST_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RequestExportFormat = (typeof REQUEST_EXPORT_FORMATS)[number];
