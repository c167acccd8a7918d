import { formatLocalDate, localDateOf } from '@regula/engine';
import { REQUEST_EXPORT_COLUMNS, localDateTime } from '@regula/requests';
import type { RequestExportColumn, RequestListItem } from '@regula/requests';

type T = (key: string, vars?: Record<string, unknown>) => string;

export { REQUEST_EXPORT_COLUMNS };
export type { RequestExportColumn };

/** Answered on time: closed on or before its due date (the controller's calendar); `open` while it is not closed. */
export type OnTime = 'yes' | 'no' | 'open';

export function onTimeOf(r: Pick<RequestListItem, 'closedAt' | 'dueDate'>, timeZone: string): OnTime {
  if (!r.closedAt) return 'open';
  return formatLocalDate(localDateOf(new Date(r.closedAt), timeZone)) <= r.dueDate ? 'yes' : 'no';
}

const when = (d: Date | null, timeZone: string) => (d ? localDateTime(new Date(d).toISOString(), timeZone) : '');

/**
 * The requests list as a table: headings and coded values (channel, type,
 * identity method, state, yes/no) in the catalogue's language `t`, instants
 * as local 'YYYY-MM-DD HH:MM' in the controller's time zone, dates
 * 'YYYY-MM-DD'. No requester name or e-mail address: the columns only.
 */
export function requestListSheet(items: readonly RequestListItem[], timeZone: string, t: T): { header: string[]; rows: string[][] } {
  const yesNo = (b: boolean) => t(b ? 'requestExport.yes' : 'requestExport.no');
  const cells = (r: RequestListItem): Record<RequestExportColumn, string> => ({
    reference: r.reference,
    received: when(r.receivedAt, timeZone),
    channel: t(`requestExport.channels.${r.channel}`),
    type: t(`types.${r.type}`),
    identityMethod: t(`identity.${r.identityMethod}`),
    identityConfirmedAt: when(r.identityVerifiedAt, timeZone),
    state: t(`states.${r.state}`),
    handler: r.assignee ? r.assignee.name : '',
    dueDate: r.dueDate,
    extended: yesNo(r.extended),
    extendedAt: when(r.extendedAt, timeZone),
    answeredAt: when(r.closedAt, timeZone),
    onTime: t(`requestExport.onTime.${onTimeOf(r, timeZone)}`),
  });
  return {
    header: REQUEST_EXPORT_COLUMNS.map((c) => t(`requestExport.columns.${c}`)),
    rows: items.map((r) => {
      const c = cells(r);
      return REQUEST_EXPORT_COLUMNS.map((k) => c[k]);
    }),
  };
}
