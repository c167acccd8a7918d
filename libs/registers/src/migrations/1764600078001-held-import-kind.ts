import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `register_imports.kind`: the table holds any uploaded file between its
 * preview and its confirmation, the record's spreadsheet (`record`) and the
 * requests of the past (`requests`, libs/requests' history import); the same
 * file may be held for both.
 */
export class HeldImportKind1764600078001 implements MigrationInterface {
  name = 'HeldImportKind1764600078001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE register_imports ADD COLUMN kind text NOT NULL DEFAULT 'record' CHECK (kind IN ('record', 'requests'))`);
    await q.query(`ALTER TABLE register_imports DROP CONSTRAINT register_imports_tenant_id_sha256_key`);
    await q.query(`ALTER TABLE register_imports ADD CONSTRAINT register_imports_tenant_kind_sha256_key UNIQUE (tenant_id, kind, sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM register_imports WHERE kind <> 'record'`);
    await q.query(`ALTER TABLE register_imports DROP CONSTRAINT register_imports_tenant_kind_sha256_key`);
    await q.query(`ALTER TABLE register_imports ADD CONSTRAINT register_imports_tenant_id_sha256_key UNIQUE (tenant_id, sha256)`);
    await q.query(`ALTER TABLE register_imports DROP COLUMN kind`);
  }
}
