import { createHash, type Hash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TenantDb } from '@regula/platform';
import type { PackageSink } from './access-package.writer';
import type { RequestArtifactEntity } from './request-artifact.entity';

/**
 * The bodies of files built in the worker, kept as ordered bytea pieces
 * (`request_artifact_chunks`, forced RLS): written as the file is built, read
 * back piece by piece as it is downloaded, so neither side ever holds a whole
 * file. A piece is at most about CHUNK_BYTES.
 */
export const CHUNK_BYTES = 1 << 20;

/**
 * A format's text as it is written: encoded at once into the piece being filled
 * (UTF-8, never a character split between pieces), hashed and counted as each
 * piece is full. The text is never kept as strings: a string that lived until
 * its piece was full outlived the young generation's collections and went to
 * the old one as garbage, about as much as the files, so the worker's heap grew
 * with the package until a full collection.
 */
export class ChunkSink implements PackageSink {
  private piece: Buffer | null = null;
  private used = 0;
  private ready: Buffer[] = [];
  private next = 0;
  private readonly hash: Hash = createHash('sha256');
  sizeBytes = 0;

  constructor(readonly kind: string) {}

  write(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.piece && this.used + bytes > this.piece.length) this.close();
    if (bytes >= CHUNK_BYTES) {
      this.add(Buffer.from(text, 'utf8'));
      return;
    }
    this.piece ??= Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.used += this.piece.write(text, this.used, 'utf8');
  }

  /** The next piece to store: a full one, or whatever waits when `all`; null when none. */
  take(all = false): { seq: number; data: Buffer } | null {
    if (all && this.used) this.close();
    const data = this.ready.shift();
    return data ? { seq: this.next++, data } : null;
  }

  /** The file's SHA-256, once every piece was taken. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  private close(): void {
    if (this.piece && this.used) this.add(this.piece.subarray(0, this.used));
    this.piece = null;
    this.used = 0;
  }

  private add(data: Buffer): void {
    this.hash.update(data);
    this.sizeBytes += data.length;
    this.ready.push(data);
  }
}

/** Stores the pieces a sink has ready (every one when `all`), in the caller's tenant transaction. */
export async function storeChunks(
  em: EntityManager, ids: { tenantId: string; requestId: string; buildId: string }, sink: ChunkSink, all = false,
): Promise<void> {
  for (let piece = sink.take(all); piece; piece = sink.take(all)) {
    await em.query(
      `INSERT INTO request_artifact_chunks (tenant_id, request_id, build_id, kind, seq, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ids.tenantId, ids.requestId, ids.buildId, sink.kind, piece.seq, piece.data],
    );
  }
}

/** Drops what an earlier attempt of a build wrote (the build is redone from the start). */
export async function deleteBuildChunks(em: EntityManager, tenantId: string, buildId: string): Promise<void> {
  await em.query(`DELETE FROM request_artifact_chunks WHERE tenant_id = $1 AND build_id = $2`, [tenantId, buildId]);
}

/** Drops the pieces of files of the subject's other requests (an erasure leaves no copies behind). */
export async function deleteSubjectChunks(em: EntityManager, tenantId: string, subjectId: string, exceptRequestId: string): Promise<void> {
  await em.query(
    `DELETE FROM request_artifact_chunks WHERE tenant_id = $1 AND request_id <> $3
        AND request_id IN (SELECT r.id FROM rights_requests r WHERE r.tenant_id = $1 AND r.subject_id = $2)`,
    [tenantId, subjectId, exceptRequestId],
  );
}

/** The pieces of a built file in order, each read in its own short tenant transaction (a download may take long). */
export async function* readChunks(db: TenantDb, tenantId: string, buildId: string, kind: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const rows: { data: Buffer }[] = await db.forTenant(tenantId, (em) =>
      em.query(`SELECT data FROM request_artifact_chunks WHERE tenant_id = $1 AND build_id = $2 AND kind = $3 AND seq = $4`, [tenantId, buildId, kind, seq]));
    if (!rows.length) return;
    yield rows[0].data;
  }
}

/** A file to send: its body in the row, or read piece by piece from its build's chunks. */
export interface ArtifactFile {
  fileName: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  /** The whole body (files kept in the row). */
  body: Buffer | null;
  /** The body piece by piece (files built in the worker). */
  pieces: (() => AsyncIterable<Buffer>) | null;
}

/** What sending `row` needs; its `body` must have been selected unless the file is in chunks. */
export function artifactFile(db: TenantDb, row: RequestArtifactEntity): ArtifactFile {
  const { tenantId, buildId, kind } = row;
  return {
    fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, sizeBytes: row.sizeBytes,
    body: buildId ? null : row.body,
    pieces: buildId ? () => readChunks(db, tenantId, buildId, kind) : null,
  };
}
