import { pageWindow, SqlFilter } from './paged-query';

describe('paged queries', () => {
  it('numbers the parameters of the filters that are set', () => {
    const f = new SqlFilter(['t'], 'x.tenant_id = $1')
      .where('a', (p) => `x.a = ${p}`)
      .where(undefined, (p) => `x.b = ${p}`)
      .where('', (p) => `x.c = ${p}`)
      .and(undefined)
      .and('x.d IS NULL')
      .where('e', (p) => `x.e < ${p}::date`);
    expect(f.sql).toBe('x.tenant_id = $1 AND x.a = $2 AND x.d IS NULL AND x.e < $3::date');
    expect(f.params).toEqual(['t', 'a', 'e']);
  });

  it('clamps the page and its size', () => {
    expect(pageWindow({}, 50, 200)).toEqual({ page: 1, pageSize: 50 });
    expect(pageWindow({ page: 0, pageSize: 0 }, 25, 100)).toEqual({ page: 1, pageSize: 1 });
    expect(pageWindow({ page: 2.7, pageSize: 500 }, 25, 100)).toEqual({ page: 2, pageSize: 100 });
  });
});
