import { isValidLocalDate } from '@regula/engine';

/** The audit page's filters as its GET form sends them; anything else is ignored. */
export interface AuditFilters {
  /** An action code (AUDIT_ACTIONS): entries of that action; anything else: entries whose action starts with it ("membership."). */
  action?: string;
  /** `kind:subject`, `kind:system`, `kind:platform`: entries of that kind of actor; anything else: entries whose actor's label, name or e-mail address contains it (case-insensitive). */
  actor?: string;
  /** 'YYYY-MM-DD', in the controller's time zone, both days included. */
  from?: string;
  to?: string;
  page: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(v: string | undefined): string | undefined {
  const m = v ? DAY.exec(v) : null;
  return m && isValidLocalDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) ? v : undefined;
}

export function parseAuditFilters(q: Record<string, unknown>): AuditFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : undefined);
  const action = s('action');
  const actor = s('actor');
  const page = Number(s('page') ?? '1');
  return {
    action: action && /^[a-z0-9.:_-]{1,100}$/i.test(action) ? action : undefined,
    actor: actor ? actor.slice(0, 200) : undefined,
    from: day(s('from')),
    to: day(s('to')),
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
  };
}

/** The query string of the filters (paging links), without the page. */
export function auditFilterQuery(f: AuditFilters): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of ['action', 'actor', 'from', 'to'] as const) if (f[k]) q.set(k, f[k]!);
  return q;
}

/** A LIKE pattern matching `text` literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
