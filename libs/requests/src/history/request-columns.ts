/**
 * The requests list's columns, in order (issue 18 §1): the export writes them
 * (apps/api/src/requests/export, headings `requestExport.columns.<key>` in the
 * dashboard's catalogues) and the history import reads them back.
 */
export const REQUEST_EXPORT_COLUMNS = [
  'reference',
  'received',
  'channel',
  'type',
  'identityMethod',
  'identityConfirmedAt',
  'state',
  'handler',
  'dueDate',
  'extended',
  'extendedAt',
  'answeredAt',
  'onTime',
] as const;
export type RequestExportColumn = (typeof REQUEST_EXPORT_COLUMNS)[number];
