import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/**
 * "Never publish a guess" through the REST API on real PostgreSQL: a fact Regula
 * assumed, or one nobody stated, blocks publishing (each named); a compliance
 * admin confirms it (kept or replaced, with a note, audited), and only then is
 * the policy published. Auditors can read the list and confirm nothing.
 */
describe('facts to confirm', () => {
  let h: Harness;
  let admin: string;
  let auditor: string;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const SLUG = 'inomedis';
  type FactView = { path: string; provenance: string; definedAs: string; valueHash: string; sections: string[]; reason?: string; value: unknown };

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@facts.test', { tenant: SLUG });
    await createStaff(h.db.owner, 'auditor@facts.test', { tenant: SLUG, role: 'auditor' });
    admin = await h.login('admin@facts.test');
    auditor = await h.login('auditor@facts.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Plants an assumed legal basis and an unknown retention description in the clients register, as a new register version. */
  async function plant() {
    const reg = await h.http().get(`/api/v1/tenants/${SLUG}/registers/clients`).set(auth(admin));
    expect(reg.status).toBe(200);
    const def = reg.body.definition;
    def.purposes[0].legalBases[0].ref = [...def.purposes[0].legalBases[0].ref, { source: 'notice', provenance: 'assumed', note: 'planted: basis chosen by Regula' }];
    def.retention[0].ref = [...def.retention[0].ref, { source: 'notice', provenance: 'unknown', note: 'planted: nobody stated this period' }];
    const saved = await h.http().put(`/api/v1/tenants/${SLUG}/registers/clients`).set(auth(admin)).send({ definition: def, changeSummary: 'planted facts for the test' });
    expect(saved.status).toBe(200);
    return {
      basis: `registers[clients].purposes[${def.purposes[0].id}].legalBases[0]`,
      retention: `registers[clients].retention[${def.retention[0].id}]`,
    };
  }

  const toConfirm = async (token = admin): Promise<FactView[]> => {
    const res = await h.http().get(`/api/v1/tenants/${SLUG}/facts?status=to-confirm`).set(auth(token));
    expect(res.status).toBe(200);
    return res.body;
  };

  it('refuses publishing while facts are assumed or unknown, confirms them one by one, then publishes', async () => {
    const planted = await plant();
    const waiting = await toConfirm();
    const basis = waiting.find((f) => f.path === planted.basis)!;
    const retention = waiting.find((f) => f.path === planted.retention)!;
    expect(basis).toMatchObject({ provenance: 'assumed', reason: 'planted: basis chosen by Regula', sections: ['purposes-and-bases'] });
    expect(retention).toMatchObject({ provenance: 'unknown', sections: ['retention'] });

    const draft = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts`).set(auth(admin));
    expect(draft.status).toBe(201);
    const named = draft.body.problems.filter((p: { code: string }) => p.code === 'unconfirmed-fact').map((p: { path: string }) => p.path);
    expect(named).toEqual(expect.arrayContaining([planted.basis, planted.retention]));
    expect(named.length).toBe(waiting.length);
    const refused = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, material: false });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body.problems)).toContain(planted.basis);

    // Validation: a note is required, the hash must be the one shown, an unknown fact needs a value.
    const bad = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin)).send({ path: basis.path, valueHash: basis.valueHash });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('note');
    const stale = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin)).send({ path: basis.path, valueHash: 'a'.repeat(64), note: 'checked' });
    expect(stale.status).toBe(409);
    const noValue = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin)).send({ path: retention.path, valueHash: retention.valueHash, note: 'checked' });
    expect(noValue.status).toBe(400);
    expect(JSON.stringify(noValue.body.message)).toContain('replacement');
    const wrongShape = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin))
      .send({ path: retention.path, valueHash: retention.valueHash, note: 'checked', replacement: { description: 5 } });
    expect(wrongShape.status).toBe(400);
    expect(JSON.stringify(wrongShape.body.message)).toContain('replacement.description');
    expect((await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(auditor)).send({ path: basis.path, valueHash: basis.valueHash, note: 'auditor' })).status).toBe(403);
    expect((await toConfirm(auditor)).length).toBe(waiting.length); // auditors read the list

    // The unknown one gets a value; the rest are kept as they are.
    const stated = { en: 'Client records are kept for 5 years after the last visit (confirmed in the test).', lv: 'Klientu ierakstus glabā 5 gadus pēc pēdējā apmeklējuma (apstiprināts testā).' };
    const replaced = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin))
      .send({ path: retention.path, valueHash: retention.valueHash, note: 'period agreed with the clinic manager', replacement: { description: stated } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ provenance: 'stated', definedAs: 'unknown', confirmation: { replaced: true, note: 'period agreed with the clinic manager' } });
    for (const f of await toConfirm()) {
      const res = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin)).send({ path: f.path, valueHash: f.valueHash, note: `kept: checked ${f.path}` });
      expect({ path: f.path, status: res.status }).toEqual({ path: f.path, status: f.provenance === 'unknown' ? 400 : 200 });
    }
    expect(await toConfirm()).toEqual([]);
    const again = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth(admin)).send({ path: basis.path, valueHash: basis.valueHash, note: 'twice' });
    expect(again.status).toBe(409);

    const audit = await h.db.owner.query(`SELECT details FROM audit_log WHERE action = 'fact.confirmed' AND details->>'path' = $1`, [retention.path]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ previousClass: 'unknown', replaced: true, note: 'period agreed with the clinic manager' });

    const next = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts`).set(auth(admin));
    expect(next.body.problems.filter((p: { code: string }) => p.code === 'unconfirmed-fact')).toEqual([]);
    const preview = await h.http().get(`/api/v1/tenants/${SLUG}/policies/drafts/current/preview?lang=lv`).set(auth(admin));
    expect(preview.text).toContain(stated.lv);
    const published = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts/${next.body.id}/publish`).set(auth(admin)).send({ changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, material: false });
    expect({ status: published.status, problems: published.body.problems }).toEqual({ status: 201, problems: undefined });
  });

  it('a register change that alters a confirmed value makes it assumed again', async () => {
    const all: FactView[] = (await h.http().get(`/api/v1/tenants/${SLUG}/facts`).set(auth(admin))).body;
    const confirmedBasis = all.find((f) => f.reason === 'planted: basis chosen by Regula')!;
    // Confirmed by a person; the basis Regula corrected from the notice's label stays marked corrected.
    expect(confirmedBasis.provenance).toBe('corrected');
    const reg = (await h.http().get(`/api/v1/tenants/${SLUG}/registers/clients`).set(auth(admin))).body.definition;
    reg.purposes[0].legalBases[0].description.en += ' Reworded.';
    expect((await h.http().put(`/api/v1/tenants/${SLUG}/registers/clients`).set(auth(admin)).send({ definition: reg, changeSummary: 'reworded a basis' })).status).toBe(200);
    const after = (await toConfirm()).find((f) => f.path === confirmedBasis.path);
    expect(after).toMatchObject({ provenance: 'assumed' });
  });
});
