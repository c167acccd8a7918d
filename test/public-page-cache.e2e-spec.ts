import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditService } from '@regula/audit';
import { addLocalDays, formatLocalDate, localDateOf, startOfLocalDay } from '@regula/engine';
import { TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';
import { createApp } from '../apps/api/src/create-app';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { confirmAllFacts } from './support/demo-tenant';
import { command as demoConfirm } from '../apps/cli/src/commands/demo-confirm.command';
import { pageGenerationKey } from '@regula/tenancy';
import Redis from 'ioredis';

const DAY = 24 * 3600 * 1000;
const ZONE = 'Europe/Vilnius';

/**
 * The public page cache across two API nodes (two apps on one database and
 * one Redis, one CLOCK): a publish through node A shows on node B at once; the
 * day a version takes effect it is shown without anyone publishing; a
 * register saved through A changes B's form; ETags are the same on both nodes
 * and revalidate with 304; languages and tenants never share a body;
 * Cache-Control never reaches past the tenant's midnight; the page-view limit
 * counts pages served from the cache, on all nodes together; a generation Redis
 * lost is started afresh, never taken for the one kept.
 */
describe('public page cache on two nodes', () => {
  let now = new Date(Date.now());
  const clock = () => now;
  let a: Harness;
  let b: INestApplication;
  let limited: INestApplication;
  let limitedToo: INestApplication;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const onA = () => a.http();
  const onB = () => request(b.getHttpServer());
  const today = (plus = 0) => formatLocalDate(addLocalDays(localDateOf(now, ZONE), plus));

  beforeAll(async () => {
    a = await startApi({ PUBLIC_PAGE_MAX_AGE_SECONDS: '600' }, { clock });
    b = await createApp(a.config, { logger: false, clock });
    await b.init();
    limited = await createApp({ ...a.config, PUBLIC_PAGES_MAX_PER_IP: 3, TRUST_PROXY: 'true' }, { logger: false, clock });
    await limited.init();
    limitedToo = await createApp({ ...a.config, PUBLIC_PAGES_MAX_PER_IP: 3, TRUST_PROXY: 'true' }, { logger: false, clock });
    await limitedToo.init();
    await createStaff(a.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    admin = await a.login('admin@softera.test');
    // The notice leaves facts blank: stated for the test before any page is read.
    await confirmAllFacts(a.db.owner, 'softera-baltic');
  });
  afterAll(async () => {
    await limitedToo?.close();
    await limited?.close();
    await b?.close();
    await a?.close();
  });

  async function publish(body: Record<string, unknown>) {
    const draft = await onA().post('/api/v1/tenants/softera-baltic/policies/drafts').set(auth());
    expect(draft.status).toBe(201);
    const res = await onA().post(`/api/v1/tenants/softera-baltic/policies/drafts/${draft.body.id}/publish`).set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body.version;
  }

  /** Saves a register through node A with one purpose's English name changed. */
  async function renamePurpose(registerKey: string, purposeId: string, name: string) {
    const register = structuredClone(findTenant('softera-baltic')!.registers.find((r) => r.id === registerKey)!);
    const purpose = register.purposes.find((p) => p.id === purposeId)!;
    purpose.name = { ...purpose.name, en: name };
    const res = await onA().put(`/api/v1/tenants/softera-baltic/registers/${registerKey}`).set(auth()).send({ definition: register, changeSummary: `renamed ${purposeId}` });
    expect(res.status).toBe(200);
  }

  it('serves a publish through A from B at once, with the same ETag on both and 304 on revalidation', async () => {
    await publish({ changeSummary: { lt: 'Pirmoji versija.', en: 'First version.' }, material: false });
    const first = await onB().get('/t/softera-baltic/privacy?lang=en');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Version 1, in force since');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");

    // Kept by B: the same body again; and A (which never rendered it) names it by the same ETag.
    const again = await onB().get('/t/softera-baltic/privacy?lang=en');
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(etag);
    const fromA = await onA().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', etag);
    expect(fromA.status).toBe(304);
    expect(fromA.text ?? '').toBe('');
    expect(fromA.headers.etag).toBe(etag);
    expect((await onB().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', `"other", ${etag}`)).status).toBe(304);

    // Version 2, effective in two days: B shows the upcoming line at once, and no longer answers 304 for the old page.
    const def = structuredClone(findTenant('softera-baltic')!);
    const purpose = def.registers.flatMap((r) => r.purposes).find((p) => p.legalBases.some((l) => l.article === '6(1)(b)'))!;
    purpose.description = { ...purpose.description, en: 'Concluding and performing contracts with clients, including remote identification.' };
    await renameAndPublishV2(def);
    const stale = await onB().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', etag);
    expect(stale.status).toBe(200);
    expect(stale.headers.etag).not.toBe(etag);
    expect(stale.text).toContain('Version 1, in force since');
    expect(stale.text).toContain('Version 2 takes effect on');
  });

  /** A change of the registers (owner connection, as `regula tenants sync` writes) published through A as version 2, two days ahead. */
  async function renameAndPublishV2(def: ReturnType<typeof findTenant>) {
    await a.db.owner.transaction((em) => new TenantSyncService(new AuditService()).sync(em, def!, 'test'));
    await publish({ changeSummary: { lt: 'Nuotolinis identifikavimas.', en: 'Remote identification.' }, material: true, effectiveDate: today(2) });
  }

  it('shows version 2 on its effective day without a publish, on both nodes', async () => {
    const before = await onB().get('/t/softera-baltic/privacy?lang=en');
    const json1 = await onB().get('/t/softera-baltic/privacy.json?lang=en');
    expect(json1.body.policyVersion.number).toBe(1);
    now = new Date(now.getTime() + 2 * DAY);
    for (const node of [onA, onB]) {
      const after = await node().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', before.headers.etag as string);
      expect(after.status).toBe(200);
      expect(after.text).toContain('Version 2, in force since');
      expect(after.text).toContain('remote identification');
      const json = await node().get('/t/softera-baltic/privacy.json?lang=en');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body.policyVersion.number).toBe(2);
    }
    // The home page's banner now says the change took effect.
    expect((await onB().get('/t/softera-baltic/?lang=en')).text).toContain('Remote identification.');
  });

  it('keeps languages, tenants and versions apart', async () => {
    const en = await onB().get('/t/softera-baltic/privacy?lang=en');
    const lt = await onB().get('/t/softera-baltic/privacy?lang=lt');
    expect(lt.text).toContain('<html lang="lt">');
    expect(lt.headers.etag).not.toBe(en.headers.etag);
    // The language chosen from Accept-Language is the key's too.
    const byHeader = await onB().get('/t/softera-baltic/privacy').set('Accept-Language', 'lt');
    expect(byHeader.text).toBe(lt.text);
    expect(byHeader.headers.vary).toContain('Accept-Language');
    const other = await onB().get('/t/inomedis/privacy?lang=en');
    expect(other.text).not.toContain('softera');
    expect(other.headers.etag).not.toBe(en.headers.etag);
    const v1 = await onB().get('/t/softera-baltic/privacy/versions/1?lang=en');
    expect(v1.text).toContain('This is an archived version.');
    expect(v1.headers.etag).not.toBe(en.headers.etag);
    expect((await onB().get('/t/softera-baltic/privacy.jsonld?lang=lt')).headers.etag).not.toBe((await onB().get('/t/softera-baltic/privacy.jsonld?lang=en')).headers.etag);
  });

  it('lets caches keep a page at most until the tenant\'s midnight, one version\'s data a year', async () => {
    // Five minutes before midnight in Vilnius: less than the configured 600 seconds.
    const midnight = startOfLocalDay(addLocalDays(localDateOf(now, ZONE), 1), ZONE);
    now = new Date(midnight.getTime() - 300_000);
    const late = await onB().get('/t/softera-baltic/?lang=en');
    expect(late.headers['cache-control']).toBe('public, max-age=300');
    now = new Date(midnight.getTime() - 12 * 3600_000);
    expect((await onB().get('/t/softera-baltic/?lang=en')).headers['cache-control']).toBe('public, max-age=600');
    expect((await onB().get('/t/softera-baltic/privacy.json?lang=en&version=1')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Pages with personal data are never kept.
    expect((await onB().post('/t/softera-baltic/request/access?lang=en').type('form').send({})).headers['cache-control']).toBe('no-store');
  });

  it('shows a register saved through A on B\'s consent-withdrawal form at once', async () => {
    const before = await onB().get('/t/softera-baltic/request/consent-withdrawal?lang=en');
    expect(before.status).toBe(200);
    expect(before.text).not.toContain('Offers we think you will like');
    await renamePurpose('direct-marketing', 'direct-marketing', 'Offers we think you will like');
    const after = await onB().get('/t/softera-baltic/request/consent-withdrawal?lang=en');
    expect(after.text).toContain('Offers we think you will like');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('serves a change the command line made (`regula demo confirm`) at once: the command starts a new page generation in the nodes\' Redis', async () => {
    const before = await onB().get('/t/inomedis/?lang=lv');
    expect(before.status).toBe(200);
    const etag = before.headers.etag as string;
    expect((await onA().get('/t/inomedis/?lang=lv').set('If-None-Match', etag)).status).toBe(304);
    const [{ id }] = await a.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    const redis = new Redis(a.config.REDIS_URL);
    try {
      const generation = async () => Number(await redis.get(pageGenerationKey(id)));
      const first = await generation();

      // The command as `npm start` runs it: its own connection (DATABASE_URL), the nodes' REDIS_URL.
      const saved = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
      Object.assign(process.env, { DATABASE_URL: a.db.ownerUrl, REDIS_URL: a.config.REDIS_URL });
      const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await demoConfirm.run(['inomedis'])).toBe(0);
        expect(write.mock.calls.map(([line]) => String(line)).join('')).toMatch(/inomedis: [1-9]\d* facts? assumed by Regula confirmed/);
      } finally {
        write.mockRestore();
        for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }

      const second = await generation();
      expect(second).toBe(first + 1);
    } finally {
      await redis.quit();
    }
    const after = await onB().get('/t/inomedis/?lang=lv').set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('counts pages served from the cache against the page-view limit (PUBLIC_PAGES_MAX_PER_IP)', async () => {
    const statuses: number[] = [];
    // An address of its own (the nodes above count 127.0.0.1).
    for (let i = 0; i < 4; i++) statuses.push((await request(limited.getHttpServer()).get('/t/softera-baltic/privacy?lang=en').set('X-Forwarded-For', '203.0.113.7')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('counts the views of one address on every node together', async () => {
    // The nodes know the tenant (they read its generation in the rate-limit command): views of both count against one limit.
    const statuses: number[] = [];
    for (const node of [limited, limitedToo, limited, limitedToo]) {
      statuses.push((await request(node.getHttpServer()).get('/t/softera-baltic/privacy?lang=lt').set('X-Forwarded-For', '203.0.113.8')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await request(limited.getHttpServer()).get('/t/softera-baltic/privacy?lang=lt').set('X-Forwarded-For', '203.0.113.8');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('renders afresh when Redis lost the generation (a new count starts, never the kept one)', async () => {
    const before = await onB().get('/t/softera-baltic/privacy?lang=en');
    expect(before.status).toBe(200);
    expect((await onB().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', before.headers.etag as string)).status).toBe(304);
    const [{ id }] = await a.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const redis = new Redis(a.config.REDIS_URL);
    try {
      await redis.del(pageGenerationKey(id));
      const after = await onB().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', before.headers.etag as string);
      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.text).toBe(before.text);
      expect(await redis.get(pageGenerationKey(id))).toMatch(/^\d+$/);
      // Both nodes then agree on the new generation's ETag.
      expect((await onA().get('/t/softera-baltic/privacy?lang=en').set('If-None-Match', after.headers.etag as string)).status).toBe(304);
    } finally {
      await redis.quit();
    }
  });
});
