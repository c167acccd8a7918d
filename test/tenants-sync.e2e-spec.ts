import { ControllerDefinition, definitionErrors, lintController } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { TenantDefinitionInvalidError, TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** `regula tenants sync`: idempotent, versioned, audited, refuses definitions with linter errors. */
describe('tenant sync', () => {
  let db: TestDatabase;
  const sync = new TenantSyncService(new AuditService());
  const base = structuredClone(findTenant('micromedic')!) as ControllerDefinition;

  beforeAll(async () => {
    db = await createTestDatabase(); // the template was synced once already by the test setup
  });
  afterAll(() => db?.drop());

  const auditCount = async () => (await db.owner.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
  const run = (def: ControllerDefinition) => db.owner.transaction((em) => sync.sync(em, def, 'test'));

  it('changes nothing when the definitions are unchanged', async () => {
    const before = await auditCount();
    const r = await run(base);
    expect(r.tenant).toBe('unchanged');
    expect(r.registers.created).toEqual([]);
    expect(r.registers.versioned).toEqual([]);
    expect(r.registers.unchanged.length).toBe(base.registers.length);
    expect(await auditCount()).toBe(before);
  });

  it('creates a new register version when a register changes, keeping the history', async () => {
    const changed = structuredClone(base);
    const reg = changed.registers[0];
    reg.description = { ...reg.description, en: reg.description.en + ' (revised)' };
    const r = await run(changed);
    expect(r.registers.versioned).toEqual([reg.id]);
    const rows = await db.owner.query(
      `SELECT v.version, v.is_current, v.valid_to IS NOT NULL AS closed, v.definition->'description'->>'en' AS en
         FROM register_versions v JOIN registers r ON r.id = v.register_id JOIN tenants t ON t.id = r.tenant_id
        WHERE t.slug = 'micromedic' AND r.key = $1 ORDER BY v.version`,
      [reg.id],
    );
    expect(rows).toEqual([
      { version: 1, is_current: false, closed: true, en: base.registers[0].description.en },
      { version: 2, is_current: true, closed: false, en: reg.description.en },
    ]);
    const [entry] = await db.owner.query(`SELECT action, details FROM audit_log WHERE action = 'register.versioned' ORDER BY id DESC LIMIT 1`);
    expect(entry.details).toMatchObject({ key: reg.id, version: 2 });
    // and running the changed definition again changes nothing more
    expect((await run(changed)).registers.versioned).toEqual([]);
  });

  it('retires a register that left the definition and brings it back as a new version', async () => {
    const fewer = structuredClone(base);
    const gone = fewer.registers.pop()!;
    expect((await run(fewer)).registers.retired).toEqual([gone.id]);
    const back = await run(base);
    expect(back.registers.versioned).toContain(gone.id);
  });

  it('refuses a definition with errors the schema cannot hold and writes nothing', async () => {
    const broken = structuredClone(base);
    broken.registers[0].purposes = [];
    const before = await auditCount();
    await expect(run(broken)).rejects.toBeInstanceOf(TenantDefinitionInvalidError);
    expect(await auditCount()).toBe(before);
  });

  it('syncs a definition whose errors are only legal ones (they refuse publishing, not syncing)', async () => {
    const flawed = structuredClone(base);
    flawed.requests.identity.default = 'qualified-e-signature';
    const errors = lintController(flawed).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.code)).toContain('request-form-disproportionate');
    expect(definitionErrors(errors)).toEqual([]);
    expect((await run(flawed)).tenant).toBe('updated');
    expect((await run(base)).tenant).toBe('updated');
  });

  it('updates the tenant row when controller facts change', async () => {
    const moved = structuredClone(base);
    moved.contact = { ...moved.contact, phone: '+46 8 000 00 00' };
    expect((await run(moved)).tenant).toBe('updated');
    const [row] = await db.owner.query(`SELECT definition->'contact'->>'phone' AS phone FROM tenants WHERE slug = 'micromedic'`);
    expect(row.phone).toBe('+46 8 000 00 00');
  });
});
