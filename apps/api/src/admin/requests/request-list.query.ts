import { REQUEST_STATES, REQUEST_TYPES, RequestState, RequestType } from '@regula/requests';
import type { RequestListFilter } from '@regula/requests';
import { addDays } from './request-urgency';

/** The queue's filters as the page's GET form sends them; anything else is ignored. */
export interface QueueFilters {
  state?: RequestState;
  type?: RequestType;
  overdue: boolean;
  /** Due within N days (0-366). */
  dueWithin?: number;
  /** Only the requests the signed-in member handles ("my requests"). */
  mine: boolean;
  /** Only the open requests nobody handles. */
  unassigned: boolean;
  page: number;
}

export function parseFilters(q: Record<string, unknown>): QueueFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  const state = s('state');
  const type = s('type');
  const within = s('dueWithin');
  const page = Number(s('page') ?? '1');
  return {
    state: state && (REQUEST_STATES as readonly string[]).includes(state) ? (state as RequestState) : undefined,
    type: type && Object.prototype.hasOwnProperty.call(REQUEST_TYPES, type) ? (type as RequestType) : undefined,
    overdue: s('overdue') === '1',
    mine: s('mine') === '1',
    unassigned: s('unassigned') === '1',
    dueWithin: within && /^\d{1,3}$/.test(within) && Number(within) <= 366 ? Number(within) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The filter of RequestsService.list (the same the REST API uses). */
export function listFilter(f: QueueFilters, today: string, pageSize: number, userId?: string): RequestListFilter {
  return {
    assigneeId: f.mine ? userId : undefined,
    state: f.state,
    type: f.type,
    overdue: f.overdue ? true : undefined,
    unassigned: f.unassigned || undefined,
    // "due within": the open requests (a closed one's due date has passed or no longer binds)
    open: f.unassigned || f.dueWithin !== undefined || undefined,
    dueBefore: f.dueWithin !== undefined ? addDays(today, f.dueWithin + 1) : undefined,
    page: f.page,
    pageSize,
  };
}

/** The query string of the filters (for paging links), without the page. */
export function filterQuery(f: QueueFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.type) q.set('type', f.type);
  if (f.overdue) q.set('overdue', '1');
  if (f.mine) q.set('mine', '1');
  if (f.unassigned) q.set('unassigned', '1');
  if (f.dueWithin !== undefined) q.set('dueWithin', String(f.dueWithin));
  return q;
}
