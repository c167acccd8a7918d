import { EntityManager } from 'typeorm';

/** The page a caller asks for (1-based); either part may be missing. */
export interface PageRequest {
  page?: number;
  pageSize?: number;
}

/** One page of a list and how many rows the whole list has. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The conditions of a WHERE clause with their numbered parameters (`$1`,
 * `$2`, ...), built from optional filters, and the LIMIT/OFFSET of one page.
 */
export class SqlFilter {
  private readonly conditions: string[];

  /** `params` are the parameters `conditions` (and the caller's SELECT) already use. */
  constructor(readonly params: unknown[], ...conditions: string[]) {
    this.conditions = conditions;
  }

  /** Adds `condition(placeholder)` when `value` is set (truthy), with `value` as its parameter. */
  where(value: unknown, condition: (placeholder: string) => string): this {
    if (value) this.conditions.push(condition(`$${this.params.push(value)}`));
    return this;
  }

  /** Adds a condition that needs no new parameter. */
  and(condition: string | undefined): this {
    if (condition) this.conditions.push(condition);
    return this;
  }

  /** The conditions joined with AND. */
  get sql(): string {
    return this.conditions.join(' AND ');
  }
}

/** `page` at least 1, `pageSize` between 1 and `max` (`size` when missing). */
export function pageWindow(req: PageRequest, size: number, max: number): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Math.floor(req.page ?? 1)),
    pageSize: Math.min(max, Math.max(1, Math.floor(req.pageSize ?? size))),
  };
}

/**
 * Counts the rows with `countSql` and reads one page with `rowsSql` (which
 * must end where `LIMIT $n OFFSET $m` goes), both with the filter's
 * parameters; each row becomes an item through `map`.
 */
export async function readPage<T>(
  em: EntityManager,
  filter: SqlFilter,
  window: { page: number; pageSize: number },
  sql: { count: string; rows: string },
  map: (row: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const { page, pageSize } = window;
  const params = filter.params;
  const [{ total }]: { total: number }[] = await em.query(sql.count, params);
  const rows: Record<string, unknown>[] = await em.query(`${sql.rows} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    pageSize,
    (page - 1) * pageSize,
  ]);
  return { items: rows.map(map), total, page, pageSize };
}
