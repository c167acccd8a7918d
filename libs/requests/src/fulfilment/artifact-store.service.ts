import { Injectable } from '@nestjs/common';
import { NotFoundError, TenantDb } from '@regula/platform';
import { createHash } from 'node:crypto';

import type { EntityManager } from 'typeorm';
import { RightsRequestEntity } from '../rights-request.entity';
import { RequestArtifactEntity } from './request-artifact.entity';
import { artifactFile, deleteSubjectChunks, type ArtifactFile } from './package-chunks';
import type { ArtifactDraft, ArtifactMeta } from './fulfilment.types';

export type { ArtifactFile } from './package-chunks';

/** A file the worker built into a build's chunks: its name, type, size and hash (the body stays in the chunks). */
export interface BuiltArtifact {
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Public path of an artifact: the subject's status page appends `?token=<status token>`. */
export function artifactPath(slug: string, reference: string, id: string): string {
  return `/t/${encodeURIComponent(slug)}/requests/${encodeURIComponent(reference)}/artifacts/${id}`;
}

/** The files answering a request, stored in `request_artifacts` (RLS, bytea; a built package's bodies in `request_artifact_chunks`). */
@Injectable()
export class ArtifactStore {
  constructor(private readonly db: TenantDb) {}

  async save(em: EntityManager, tenantId: string, slug: string, request: Pick<RightsRequestEntity, 'id' | 'reference'>, drafts: ArtifactDraft[]): Promise<ArtifactMeta[]> {
    const metas: ArtifactMeta[] = [];
    for (const d of drafts) {
      const body = Buffer.isBuffer(d.body) ? d.body : Buffer.from(d.body, 'utf8');
      const sha256 = createHash('sha256').update(body).digest('hex');
      await em.delete(RequestArtifactEntity, { tenantId, requestId: request.id, kind: d.kind });
      const row = await em.save(
        em.create(RequestArtifactEntity, { tenantId, requestId: request.id, kind: d.kind, contentType: d.contentType, fileName: d.fileName, body, sizeBytes: body.length, sha256 }),
      );
      metas.push({ id: row.id, kind: d.kind, fileName: d.fileName, contentType: d.contentType, sizeBytes: body.length, sha256, path: artifactPath(slug, request.reference, row.id) });
    }
    return metas;
  }

  /** Files whose bodies a package build wrote to its chunks: the rows name the build (replacing earlier files of the same kinds). */
  async saveBuilt(em: EntityManager, tenantId: string, slug: string, request: Pick<RightsRequestEntity, 'id' | 'reference'>, buildId: string, files: BuiltArtifact[]): Promise<ArtifactMeta[]> {
    const metas: ArtifactMeta[] = [];
    for (const f of files) {
      await em.delete(RequestArtifactEntity, { tenantId, requestId: request.id, kind: f.kind });
      const row = await em.save(
        em.create(RequestArtifactEntity, { tenantId, requestId: request.id, kind: f.kind, contentType: f.contentType, fileName: f.fileName, body: Buffer.alloc(0), buildId, sizeBytes: f.sizeBytes, sha256: f.sha256 }),
      );
      metas.push({ id: row.id, kind: f.kind, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, sha256: f.sha256, path: artifactPath(slug, request.reference, row.id) });
    }
    return metas;
  }

  /** One file of the request; `refused`: kinds this path may not serve (they have their own, audited, way out). */
  async read(em: EntityManager, tenantId: string, requestId: string, artifactId: string, refused: (kind: string) => boolean = () => false): Promise<ArtifactFile> {
    if (!UUID.test(artifactId)) throw new NotFoundError('no such file');
    const row = await em
      .createQueryBuilder(RequestArtifactEntity, 'a')
      .addSelect('a.body')
      .where('a.tenant_id = :tenantId AND a.request_id = :requestId AND a.id = :artifactId', { tenantId, requestId, artifactId })
      .getOne();
    if (!row || refused(row.kind)) throw new NotFoundError('no such file');
    return artifactFile(this.db, row);
  }

  /** How many files `deleteForSubject` would delete (the erasure's plan). */
  countForSubject(em: EntityManager, tenantId: string, subjectId: string, exceptRequestId: string): Promise<number> {
    return em
      .createQueryBuilder(RequestArtifactEntity, 'a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .andWhere('a.request_id <> :exceptRequestId', { exceptRequestId })
      .andWhere('a.request_id IN (SELECT r.id FROM rights_requests r WHERE r.tenant_id = :tenantId AND r.subject_id = :subjectId)', { subjectId })
      .getCount();
  }

  /** Deletes the files of the subject's other requests (an erasure leaves no copies behind). */
  async deleteForSubject(em: EntityManager, tenantId: string, subjectId: string, exceptRequestId: string): Promise<number> {
    await deleteSubjectChunks(em, tenantId, subjectId, exceptRequestId);
    const res = await em
      .createQueryBuilder()
      .delete()
      .from(RequestArtifactEntity)
      .where('tenant_id = :tenantId', { tenantId })
      .andWhere('request_id <> :exceptRequestId', { exceptRequestId })
      .andWhere('request_id IN (SELECT r.id FROM rights_requests r WHERE r.tenant_id = :tenantId AND r.subject_id = :subjectId)', { subjectId })
      .execute();
    return res.affected ?? 0;
  }
}
