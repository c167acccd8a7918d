import { EntityManager } from 'typeorm';
import { tenantTables } from '@regula/tenancy';
import { sha256 } from '../export-file';
import { ManifestEntry, sha256sums } from '../evidence/manifest';
import { ZipWriter } from '../evidence/zip-writer';

/** The archive's format name, in its manifest: what a reader of it can rely on. */
export const TENANT_ARCHIVE_FORMAT = 'regula/tenant-archive@1';
/** Rows read per FETCH, and bytes per part file (each part is one zip entry, held whole while written). */
const FETCH_ROWS = 2_000;
const PART_BYTES = 8 * 1024 * 1024;

export interface TenantArchiveTable {
  table: string;
  rows: number;
  files: string[];
}

export interface TenantArchiveManifest {
  format: string;
  tenant: { id: string; slug: string };
  createdAt: string;
  tables: TenantArchiveTable[];
  files: ManifestEntry[];
}

const README = (slug: string, createdAt: string) => `Regula tenant archive (${TENANT_ARCHIVE_FORMAT})

Everything Regula held for the controller "${slug}" at ${createdAt}, read in one
consistent snapshot of the database:

  tenant.json             the controller's row (facts as last synced, suspension)
  tables/<table>/part-NNNN.jsonl
                          every row of every table that has a tenant_id column,
                          one JSON object per line, columns by their database
                          names; a table without rows has no part file
  manifest.json           the format, the tenant, each table with its row count
                          and part files, and every file's SHA-256 and size
  SHA256SUMS              the same hashes, checkable with "sha256sum -c SHA256SUMS"

The request history (rights_requests, request_events, ...), the audit chain
(audit_log, verifiable with its keys: the hash of each entry covers the one
before) and the uploaded files kept in the database (request_artifact_chunks)
are tables like the others. Secrets are stored only as hashes.
`;

/**
 * A whole tenant as a documented zip (issue 17 §1, before a deletion): every
 * table with a tenant_id (tenantTables), its rows as JSON Lines in parts of
 * about 8 MB read with a cursor, the tenant row, a README, a manifest with
 * each file's SHA-256 and row counts, and SHA256SUMS. `em` must be a
 * read-only REPEATABLE READ transaction of the tenant (TenantDb.forTenantSnapshot):
 * row-level security confines every read to it. Yields the zip's bytes as
 * they are made; memory holds one part at a time.
 */
export async function* tenantArchive(em: EntityManager, tenant: { id: string; slug: string }, createdAt: Date): AsyncGenerator<Buffer> {
  const zip = new ZipWriter(createdAt);
  const files: ManifestEntry[] = [];
  const add = async function* (path: string, body: Buffer) {
    files.push({ path, sha256: sha256(body), size: body.length });
    yield* await zip.entry(path, body);
  };
  const stamp = createdAt.toISOString();
  yield* add('README.txt', Buffer.from(README(tenant.slug, stamp)));
  const [row] = await em.query(`SELECT row_to_json(t)::text AS json FROM tenants t WHERE id = $1`, [tenant.id]);
  yield* add('tenant.json', Buffer.from(`${row.json}\n`));

  const tables: TenantArchiveTable[] = [];
  for (const table of await tenantTables(em)) {
    const entry: TenantArchiveTable = { table, rows: 0, files: [] };
    tables.push(entry);
    const cursor = `archive_${table}`;
    await em.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS json FROM "${table}" t WHERE t.tenant_id = $1`, [tenant.id]);
    let part: string[] = [];
    let bytes = 0;
    const flush = async function* () {
      if (!part.length) return;
      const path = `tables/${table}/part-${String(entry.files.length + 1).padStart(4, '0')}.jsonl`;
      entry.files.push(path);
      const body = Buffer.from(part.join(''));
      part = [];
      bytes = 0;
      yield* add(path, body);
    };
    for (;;) {
      const rows: { json: string }[] = await em.query(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
      for (const r of rows) {
        part.push(`${r.json}\n`);
        bytes += r.json.length + 1;
        entry.rows += 1;
        if (bytes >= PART_BYTES) yield* flush();
      }
      if (rows.length < FETCH_ROWS) break;
    }
    yield* flush();
    await em.query(`CLOSE ${cursor}`);
  }

  const manifest: TenantArchiveManifest = { format: TENANT_ARCHIVE_FORMAT, tenant, createdAt: stamp, tables, files: [...files] };
  const manifestBody = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  yield* await zip.entry('manifest.json', manifestBody);
  yield* await zip.entry('SHA256SUMS', Buffer.from(sha256sums([...files, { path: 'manifest.json', sha256: sha256(manifestBody), size: manifestBody.length }])));
  yield zip.finish();
}
