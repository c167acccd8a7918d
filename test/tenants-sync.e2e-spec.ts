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

  it('leaves what the dashboard did since the last sync (a register edited, one retired, one created, the facts) until the file itself changes', async () => {
    const [{ id: tenantId }] = await db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    const [edited, retired] = [base.registers[0].id, base.registers[1].id];
    // As the dashboard does, through the owner's connection here: a new version of one, another retired, a third created, the facts edited.
    await db.owner.query(
      `WITH r AS (SELECT id, current_version FROM registers WHERE tenant_id = $1 AND key = $2),
            closed AS (UPDATE register_versions SET is_current = false, valid_to = now() WHERE register_id = (SELECT id FROM r) AND is_current RETURNING definition)
       INSERT INTO register_versions (tenant_id, register_id, version, definition, content_hash, valid_from, is_current, author, change_summary)
       SELECT $1, r.id, r.current_version + 1, jsonb_set((SELECT definition FROM closed), '{description,en}', '"Edited in the dashboard"'), repeat('e', 64), now(), true, 'admin@micro.test', 'by form' FROM r`,
      [tenantId, edited],
    );
    await db.owner.query(`UPDATE registers SET current_version = current_version + 1 WHERE tenant_id = $1 AND key = $2`, [tenantId, edited]);
    await db.owner.query(`UPDATE registers SET retired_at = now(), retired_reason = 'no longer done' WHERE tenant_id = $1 AND key = $2`, [tenantId, retired]);
    await db.owner.query(`INSERT INTO registers (tenant_id, key, current_version, position) VALUES ($1, 'made-in-dashboard', 1, 99)`, [tenantId]);
    await db.owner.query(`UPDATE tenants SET legal_name = 'Micromedic AB (edited)' WHERE id = $1`, [tenantId]);

    const r = await run(base);
    expect([r.tenant, r.registers.versioned, r.registers.retired, r.registers.created]).toEqual(['unchanged', [], [], []]);
    const rows = await db.owner.query(`SELECT key, retired_at IS NOT NULL AS retired FROM registers WHERE tenant_id = $1 AND key = ANY($2) ORDER BY key`, [tenantId, [edited, retired, 'made-in-dashboard']]);
    expect(rows).toEqual(expect.arrayContaining([{ key: edited, retired: false }, { key: retired, retired: true }, { key: 'made-in-dashboard', retired: false }]));
    const [{ en }] = await db.owner.query(`SELECT v.definition->'description'->>'en' AS en FROM register_versions v JOIN registers g ON g.id = v.register_id WHERE g.tenant_id = $1 AND g.key = $2 AND v.is_current`, [tenantId, edited]);
    expect(en).toBe('Edited in the dashboard');
    expect((await db.owner.query(`SELECT legal_name FROM tenants WHERE id = $1`, [tenantId]))[0].legal_name).toBe('Micromedic AB (edited)');

    // The file changes that register: the file's text is written again, as a new version.
    const changed = structuredClone(base);
    changed.registers[0].description = { ...changed.registers[0].description, en: 'Changed in the file' };
    expect((await run(changed)).registers.versioned).toEqual([edited]);
    await run(base);
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
