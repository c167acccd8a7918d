import type { ControllerDefinition, Register } from '@regula/engine';
import { ConflictError, InvalidInputError, NotFoundError, contentHash } from '@regula/platform';
import { findTenant } from '@regula/tenants';
import { definitionErrors } from '@regula/engine';
import { RegisterEditService, RegisterLintFailedError } from './register-edit.service';

const TENANT = '00000000-0000-4000-8000-000000000001';
const ACTOR = { userId: '00000000-0000-4000-8000-0000000000aa', label: 'admin@ino.test (compliance-admin)', ip: '203.0.113.1' };

/**
 * RegisterEditService without a database: the stored definition comes from
 * the Inomedis tenant, the entity manager records what would be written.
 */
function setup(opts: { currentVersion?: number } = {}) {
  const def = structuredClone(findTenant('inomedis')!) as ControllerDefinition;
  const stored = (key: string) => def.registers.find((r) => r.id === key)!;
  const writes: { op: string; args: unknown[] }[] = [];
  const currentVersion = opts.currentVersion ?? 1;
  const em = {
    createQueryBuilder: () => {
      let key = '';
      const qb = {
        setLock: () => qb,
        where: (_sql: string, p: { key: string }) => ((key = p.key), qb),
        getOne: async () => (def.registers.some((r) => r.id === key) ? { id: `reg-${key}`, tenantId: TENANT, key, currentVersion } : null),
      };
      return qb;
    },
    findOneOrFail: async (_entity: unknown, q: { where: { registerId: string } }) => {
      const reg = stored(q.where.registerId.slice(4));
      return { id: 'ver-current', version: currentVersion, definition: reg, contentHash: contentHash(reg) };
    },
    update: async (...args: unknown[]) => void writes.push({ op: 'update', args }),
    create: (_entity: unknown, value: unknown) => value,
    save: async (value: unknown) => (writes.push({ op: 'save', args: [value] }), value),
  };
  const db = { forTenant: jest.fn(async (_t: string, work: (e: typeof em) => Promise<unknown>) => work(em)) };
  const definitions = { load: jest.fn(async () => ({ definition: structuredClone(def), registers: def.registers.map((r) => ({ key: r.id, version: 1 })) })) };
  const audit = { append: jest.fn(async () => ({})) };
  const afterCommit = { run: jest.fn(async (_em: unknown, work: () => Promise<unknown>) => void (await work())) };
  const queue = { add: jest.fn(async () => ({})) };
  const service = new RegisterEditService(db as never, definitions as never, audit as never, afterCommit as never, queue as never);
  return { service, def, stored, writes, db, audit, queue };
}

describe('RegisterEditService', () => {
  it('lints the whole controller with the register replaced, without saving', async () => {
    const { service, stored, db } = setup();
    expect(definitionErrors(await service.lint(TENANT, 'marketing', stored('marketing')))).toEqual([]);
    const findings = await service.lint(TENANT, 'marketing', { ...stored('marketing'), security: [] });
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'empty-section', severity: 'error', kind: 'definition', path: 'registers[marketing].security' })]));
    expect(db.forTenant).not.toHaveBeenCalled();
  });

  it('reports a definition too malformed to check as one error instead of failing', async () => {
    const { service } = setup();
    const findings = await service.lint(TENANT, 'marketing', { id: 'marketing', purposes: 7 });
    expect(definitionErrors(findings).length).toBeGreaterThan(0);
  });

  it('refuses a definition that is not an object, whose id is not the key, or an unknown key', async () => {
    const { service, stored } = setup();
    await expect(service.lint(TENANT, 'marketing', [])).rejects.toBeInstanceOf(InvalidInputError);
    await expect(service.lint(TENANT, 'marketing', { ...stored('marketing'), id: 'clients' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(service.lint(TENANT, 'Not A Key', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.lint(TENANT, 'nothing', { id: 'nothing' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to save while the linter reports an error: nothing is written', async () => {
    const { service, stored, writes, audit } = setup();
    const broken = { ...stored('marketing'), security: [] };
    await expect(service.saveVersion(TENANT, 'marketing', { definition: broken, changeSummary: 'broken' }, ACTOR)).rejects.toBeInstanceOf(RegisterLintFailedError);
    expect(writes).toEqual([]);
    expect(audit.append).not.toHaveBeenCalled();
  });

  it('saves a register whose errors are only legal ones: they refuse publishing a policy, not saving', async () => {
    const { service, stored, writes } = setup();
    const vague: Register = { ...stored('marketing'), recipients: [{ id: 'partners', kind: 'controller', name: { en: 'Partners', lv: 'Partneri' }, ref: [{ source: 'LEGAL-NOTES' }] }] };
    const out = await service.saveVersion(TENANT, 'marketing', { definition: vague, changeSummary: 'partners' }, ACTOR);
    expect(out.status).toBe('created');
    expect(out.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'recipient-vague', severity: 'error', kind: 'publication' })]));
    expect(writes.length).toBeGreaterThan(0);
  });

  it('saves nothing when the content did not change', async () => {
    const { service, stored, writes, audit } = setup();
    const out = await service.saveVersion(TENANT, 'marketing', { definition: stored('marketing'), changeSummary: 'same' }, ACTOR);
    expect(out).toMatchObject({ status: 'unchanged', version: 1 });
    expect(writes).toEqual([]);
    expect(audit.append).not.toHaveBeenCalled();
  });

  it('saves version N+1: closes the current one, audits, and queues no recompute when the retention rules are the same', async () => {
    const { service, stored, writes, audit, queue } = setup({ currentVersion: 3 });
    const edited: Register = { ...stored('marketing'), location: { ...stored('marketing').location, en: 'Elsewhere' } };
    const now = new Date('2026-11-22T10:00:00Z');
    const out = await service.saveVersion(TENANT, 'marketing', { definition: edited, changeSummary: '  Moved  ', baseVersion: 3 }, ACTOR, now);
    expect(out).toMatchObject({ status: 'created', key: 'marketing', version: 4, contentHash: contentHash(edited), retentionChanged: false });
    expect(writes[0]).toEqual({ op: 'update', args: [expect.anything(), { id: 'ver-current' }, { isCurrent: false, validTo: now }] });
    expect(writes[1]).toEqual({ op: 'update', args: [expect.anything(), { id: 'reg-marketing' }, { currentVersion: 4 }] });
    expect(writes[2].args[0]).toMatchObject({ version: 4, isCurrent: true, validFrom: now, validTo: null, author: ACTOR.label, changeSummary: 'Moved', contentHash: contentHash(edited) });
    expect(audit.append).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({
      tenantId: TENANT, actorId: ACTOR.userId, action: 'register.versioned', targetType: 'register', targetId: 'reg-marketing', ip: ACTOR.ip,
      details: expect.objectContaining({ key: 'marketing', version: 4, changeSummary: 'Moved', retentionChanged: false }),
    }));
    expect(queue.add).not.toHaveBeenCalled();
  });

  it('queues the recompute of the due dates after commit when the retention rules changed', async () => {
    const { service, stored, queue } = setup();
    const reg = stored('marketing');
    const retention = reg.retention.map((r, i) => (i === 0 ? { ...r, action: r.action === 'erase' ? ('anonymise' as const) : ('erase' as const) } : r));
    const out = await service.saveVersion(TENANT, 'marketing', { definition: { ...reg, retention }, changeSummary: 'anonymised instead' }, ACTOR);
    expect(out.retentionChanged).toBe(true);
    expect(queue.add).toHaveBeenCalledWith('retention-recompute', { tenantId: TENANT, registerKey: 'marketing' }, expect.objectContaining({ jobId: `retention-recompute-${TENANT}-marketing-v2` }));
  });

  it('a reworded retention rule (description only) queues no recompute', async () => {
    const { service, stored, queue } = setup();
    const reg = stored('marketing');
    const retention = reg.retention.map((r, i) => (i === 0 ? { ...r, description: { ...r.description, en: 'Reworded.' } } : r));
    const out = await service.saveVersion(TENANT, 'marketing', { definition: { ...reg, retention }, changeSummary: 'reworded' }, ACTOR);
    expect(out).toMatchObject({ status: 'created', retentionChanged: false });
    expect(queue.add).not.toHaveBeenCalled();
  });

  it('refuses (409) an edit that started from an older version than the current one', async () => {
    const { service, stored, writes } = setup({ currentVersion: 2 });
    const edited = { ...stored('marketing'), location: { ...stored('marketing').location, en: 'Elsewhere' } };
    await expect(service.saveVersion(TENANT, 'marketing', { definition: edited, changeSummary: 'stale', baseVersion: 1 }, ACTOR)).rejects.toBeInstanceOf(ConflictError);
    expect(writes).toEqual([]);
  });

  it('refuses an empty change summary', async () => {
    const { service, stored } = setup();
    await expect(service.saveVersion(TENANT, 'marketing', { definition: stored('marketing'), changeSummary: '  ' }, ACTOR)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
