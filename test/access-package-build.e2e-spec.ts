import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { AccessPackageBuilds } from '@regula/requests';
import { QueueName } from '@regula/platform';
import { Harness, startApi } from './support/api-harness';
import { insertSubjectRecords } from './support/bulk-records';
import { fulfilmentFixtures } from './support/fulfilment-fixtures';
import { settledFulfilment } from './support/package-build-wait';
import { createStaff } from './support/staff';

/**
 * Access packages built in the worker (issue 16 §5): the confirmation answers
 * 202 at once with the build, the packages queue's worker builds the three
 * files from the records read in batches, and the request closes (the subject
 * told) only when they are complete. A subject with 3,000 records across three
 * registers: each record once in each format, each register's facts once, all
 * three formats parse, each file's hash is that of its bytes. A build started
 * again (a worker that stopped) is redone from the start; a done build is not
 * built twice. No timing is asserted (the bench measures).
 */
describe('access package built in the worker', () => {
  const MM = 'medical-management';
  let h: Harness;
  let tenantId: string;
  let token: string;
  let f: ReturnType<typeof fulfilmentFixtures>;
  const shares = [
    { register: 'customer-relationship', categories: ['crm-name', 'contact-details', 'correspondence'], records: 1500 },
    { register: 'portal-accounts', categories: ['account-email', 'account-data'], records: 1000 },
    { register: 'log-data', categories: ['session-entries', 'sign-in-attempts'], records: 500 },
  ];
  const TOTAL = 3000;

  beforeAll(async () => {
    h = await startApi({}, { packageWorker: true });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [MM]);
    await createStaff(h.db.owner, `admin@${MM}.test`, { tenant: MM, role: 'compliance-admin' });
    token = await h.login(`admin@${MM}.test`);
    f = fulfilmentFixtures(h.db.owner, () => tenantId);
  });
  afterAll(() => h?.close());

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const base = (reference: string) => `/api/v1/tenants/${MM}/requests/${reference}`;
  const download = (path: string) => h.http().get(path).set(auth()).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

  async function subjectWithRecords(valueChars = 40) {
    const subject = await f.subject(MM, `bulk-${Math.random()}@example.ee`, 'Bulk Subject');
    const systemId = await f.system(MM, 'crm');
    await insertSubjectRecords(h.db.owner, { tenantId, subjectId: subject, systemId, shares, valueChars });
    const ids: { id: string }[] = await h.db.owner.query(`SELECT id FROM personal_data_records WHERE subject_id = $1`, [subject]);
    return { subject, ids: ids.map((r) => r.id).sort() };
  }

  it('answers 202 at once, builds the package in the worker, and closes the request only when the files are complete', async () => {
    const { subject, ids } = await subjectWithRecords(700);
    const r = await f.request(MM, 'access', subject);
    const preview = await h.http().post(`${base(r.reference)}/fulfil/preview`).set(auth()).send({});
    expect(preview.status).toBe(200);
    expect(preview.body.plan.records).toHaveLength(TOTAL);

    const confirmed = await h.http().post(`${base(r.reference)}/fulfil?previewId=${preview.body.previewId}`).set(auth()).send({});
    expect(confirmed.status).toBe(202);
    expect(confirmed.body).toMatchObject({ reference: r.reference, type: 'access', state: 'in-progress', build: { status: 'building', previewId: preview.body.previewId } });
    // Confirming again while it is built starts nothing new: the same build.
    const again = await h.http().post(`${base(r.reference)}/fulfil?previewId=${preview.body.previewId}`).set(auth()).send({});
    expect(again.status).toBe(202);
    expect(again.body.build.id).toBe(confirmed.body.build.id);

    const done = await settledFulfilment(h.http, MM, r.reference, token, confirmed);
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('completed');
    expect(done.body.outcome.counts).toEqual({ records: TOTAL, registers: 3 });
    expect(done.body.result.difference.same).toBe(true);
    const status = await h.http().get(`${base(r.reference)}/package-build`).set(auth());
    expect(status.body.build).toMatchObject({ status: 'done', recordsWritten: TOTAL, recordsTotal: TOTAL });
    const [{ n: builds }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM access_package_builds WHERE request_id = $1`, [r.id]);
    expect(builds).toBe(1);

    const files: Record<string, { staffPath: string; sha256: string; sizeBytes: number }> = Object.fromEntries(
      done.body.outcome.downloads.map((d: { kind: string }) => [d.kind, d]));
    const bodies: Record<string, Buffer> = {};
    for (const kind of ['access-json', 'access-html', 'access-csv']) {
      const res = await download(files[kind].staffPath);
      expect(res.status).toBe(200);
      bodies[kind] = res.body as Buffer;
      expect(bodies[kind].length).toBe(files[kind].sizeBytes);
      expect(createHash('sha256').update(bodies[kind]).digest('hex')).toBe(files[kind].sha256);
    }
    // Bodies larger than one stored piece come back whole and in order.
    const [{ pieces }] = await h.db.owner.query(`SELECT count(*)::int AS pieces FROM request_artifact_chunks WHERE build_id = $1 AND kind = 'access-json'`, [confirmed.body.build.id]);
    expect(pieces).toBeGreaterThan(1);

    // JSON: each record once; each register's facts once, the per-record output without them.
    const pkg = JSON.parse(bodies['access-json'].toString('utf8'));
    expect(pkg.format).toBe('regula/access-package@2');
    expect(pkg.registers.map((x: { id: string }) => x.id).sort()).toEqual(['customer-relationship', 'log-data', 'portal-accounts']);
    const recordIds = pkg.registers.flatMap((x: { records: { recordId: string }[] }) => x.records.map((y) => y.recordId)).sort();
    expect(recordIds).toEqual(ids);
    for (const reg of pkg.registers) {
      expect(reg.records).toHaveLength(shares.find((s) => s.register === reg.id)!.records);
      expect(Object.keys(reg.records[0]).sort()).toEqual(['categoryId', 'collectedAt', 'erasureDue', 'recordId', 'restricted', 'sourceSystem', 'value']);
      expect(reg.categories.every((c: { purposes: string[] }) => Array.isArray(c.purposes))).toBe(true);
    }
    const json = bodies['access-json'].toString('utf8');
    expect(json.split('"legalBases":[{"article"').length - 1).toBe(pkg.registers.reduce((n: number, x: { purposes: unknown[] }) => n + x.purposes.length, 0));

    // CSV: a header and one row per record, each record once.
    const csv = bodies['access-csv'].toString('utf8').split('\r\n').filter(Boolean);
    expect(csv).toHaveLength(1 + TOTAL);
    expect(csv.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1)).sort()).toEqual(ids);

    // HTML: one page, one section per register, one table row per record.
    const html = bodies['access-html'].toString('utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.split('<section class="register">').length - 1).toBe(3);
    expect(html.split('<tr><td>').length - 1).toBe(TOTAL);
  });

  it('redoes a build a stopped worker left (its pieces dropped), and builds a done package no second time', async () => {
    const { subject, ids } = await subjectWithRecords();
    const r = await f.request(MM, 'access', subject);
    // The queue paused: the build waits, as when no worker runs.
    const queue = new Queue(QueueName.Packages, { connection: { url: h.config.REDIS_URL } });
    await queue.pause();
    try {
      const preview = await h.http().post(`${base(r.reference)}/fulfil/preview`).set(auth()).send({});
      const confirmed = await h.http().post(`${base(r.reference)}/fulfil?previewId=${preview.body.previewId}`).set(auth()).send({});
      expect(confirmed.status).toBe(202);
      const buildId = confirmed.body.build.id;
      // What a worker that stopped half-way left: a piece of each file, and progress.
      for (const kind of ['access-json', 'access-html', 'access-csv']) {
        await h.db.owner.query(`INSERT INTO request_artifact_chunks (tenant_id, request_id, build_id, kind, seq, data) VALUES ($1, $2, $3, $4, 0, 'left over')`, [tenantId, r.id, buildId, kind]);
      }
      await h.db.owner.query(`UPDATE access_package_builds SET records_written = 1000, attempts = 1 WHERE id = $1`, [buildId]);
      const builds = h.app.get(AccessPackageBuilds);
      expect(await builds.run(tenantId, buildId)).toEqual({ status: 'done', records: TOTAL });
      expect(await builds.run(tenantId, buildId)).toEqual({ status: 'done', records: TOTAL });
      const [row] = await h.db.owner.query(`SELECT status, attempts, records_written FROM access_package_builds WHERE id = $1`, [buildId]);
      expect(row).toEqual({ status: 'done', attempts: 2, records_written: TOTAL });
      const status = await h.http().get(`${base(r.reference)}/package-build`).set(auth());
      expect(status.body.state).toBe('completed');
      const csv = (await download(status.body.outcome.downloads.find((d: { kind: string }) => d.kind === 'access-csv').staffPath)).body.toString('utf8');
      expect(csv).not.toContain('left over');
      expect(csv.split('\r\n').filter(Boolean).slice(1).map((l: string) => l.slice(l.lastIndexOf(',') + 1)).sort()).toEqual(ids);
      const [{ n: fulfilled }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.fulfilled' AND target_id = $1`, [r.id]);
      expect(fulfilled).toBe(1);
    } finally {
      await queue.resume();
      await queue.close();
    }
  });
});
