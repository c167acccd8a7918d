import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Table ownership: the personal-data store's tables are written
 * only by libs/subjects, which offers the writes other libs need
 * (`libs/subjects/src/writes/`: erase, restrict, rectify, legal hold, due
 * dates, the retention batch, consents, objections, disclosures). Reads may
 * happen anywhere. This scans the production sources for a write to one of
 * those tables, as SQL or through TypeORM, and names the file and line of
 * each one found outside the owner.
 */

const ROOT = join(__dirname, '..');
const OWNER = 'libs/subjects/';
const TABLES = ['data_subjects', 'subject_identifiers', 'personal_data_records', 'consents', 'processing_objections', 'disclosures', 'erased_record_keys'];
const ENTITIES = ['DataSubjectEntity', 'SubjectIdentifierEntity', 'PersonalDataRecordEntity', 'ConsentEntity', 'ProcessingObjectionEntity', 'DisclosureEntity'];
/** Production code; specs and the suites under test/ arrange their data as the schema owner. */
const SCANNED = ['libs', 'apps', 'tenants'];

const SQL_WRITE = new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?(${TABLES.join('|')})\\b`, 'gi');
/** `em.update(Entity, ...)`, `em.insert(Entity, ...)`, `qb.update(Entity)`, `qb.insert().into(Entity)`, `em.save(Entity, ...)`... */
const ORM_WRITE = new RegExp(`\\.(insert|update|upsert|delete|save|remove|softDelete|increment|decrement|into)\\(\\s*(${ENTITIES.join('|')})\\b`, 'g');

/** Who else may write the store's tables, and why (a path prefix, or a folder name anywhere in the path). */
const EXEMPT: { prefix?: string; folder?: string; why: string }[] = [
  { prefix: OWNER, why: 'the owner' },
  { folder: 'migrations', why: 'migrations define and backfill the schema, as its owner' },
];

function exempt(path: string): boolean {
  return EXEMPT.some((e) => (e.prefix !== undefined && path.startsWith(e.prefix)) || (e.folder !== undefined && path.split('/').includes(e.folder)));
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('/node_modules/') && !f.includes('/dist/'));
}

/** Every write to the store's tables in `text`, as "path:line: what". */
function writesIn(path: string, text: string): string[] {
  const found: string[] = [];
  for (const re of [SQL_WRITE, ORM_WRITE]) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${path}:${line}: ${m[0].replace(/\s+/g, ' ')}`);
    }
  }
  return found;
}

describe('table ownership: only libs/subjects writes the personal-data store', () => {
  const all = SCANNED.flatMap(sources).flatMap((path) => writesIn(path, readFileSync(join(ROOT, path), 'utf8')));

  it('finds no INSERT, UPDATE or DELETE of the store outside libs/subjects', () => {
    expect(all.filter((w) => !exempt(w.slice(0, w.indexOf(':'))))).toEqual([]);
  });

  it('sees the writes libs/subjects offers (the scan is not blind)', () => {
    const owned = all.filter((w) => w.startsWith(`${OWNER}src/writes/`));
    for (const table of TABLES) expect(owned.some((w) => w.toLowerCase().includes(` ${table}`))).toBe(true);
  });

  it('recognises SQL and TypeORM writes, and not reads', () => {
    const text = [
      'await em.query(`SELECT id FROM personal_data_records WHERE tenant_id = $1`);',
      'await em.query(`UPDATE personal_data_records SET legal_hold = $3`);',
      'await em.query(`WITH picked AS (SELECT 1)\n   UPDATE\n  consents r SET x = 1`);',
      "await em.query('delete from subject_identifiers where id = $1');",
      'await em.update(PersonalDataRecordEntity, { id }, { anchors });',
      'await em.createQueryBuilder().insert().into(DisclosureEntity).values(rows).execute();',
      'await em.find(ConsentEntity, { where: { tenantId } });',
    ].join('\n');
    expect(writesIn('libs/x/src/x.ts', text)).toEqual([
      'libs/x/src/x.ts:2: UPDATE personal_data_records',
      'libs/x/src/x.ts:4: UPDATE consents',
      'libs/x/src/x.ts:6: delete from subject_identifiers',
      'libs/x/src/x.ts:7: .update(PersonalDataRecordEntity',
      'libs/x/src/x.ts:8: .into(DisclosureEntity',
    ]);
  });
});
