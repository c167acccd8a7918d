import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { NotFoundError, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { tenantArchive } from './tenant-archive.builder';

export interface ArchiveActor {
  userId: string | null;
  label: string;
  ip?: string;
}

export interface WrittenArchive {
  slug: string;
  sha256: string;
  size: number;
}

/**
 * Writes a whole tenant's archive (tenantArchive) to `sink` as it is made,
 * hashing it on the way, and records it in the platform's audit chain
 * (`tenant.archived`, with the archive's SHA-256 and size): the hash a
 * deletion of the tenant names. A platform admin's act.
 */
@Injectable()
export class TenantArchives {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  async write(slug: string, sink: (chunk: Buffer) => Promise<void>, actor: ArchiveActor, now = new Date()): Promise<WrittenArchive> {
    const tenant = await this.db.unscoped((em) => em.findOne(TenantEntity, { where: { slug }, select: { id: true, slug: true } }));
    if (!tenant) throw new NotFoundError(`no tenant ${slug}`);
    const hash = createHash('sha256');
    let size = 0;
    await this.db.forTenantSnapshot(tenant.id, async (em) => {
      for await (const chunk of tenantArchive(em, { id: tenant.id, slug: tenant.slug }, now)) {
        hash.update(chunk);
        size += chunk.length;
        await sink(chunk);
      }
    });
    const written = { slug, sha256: hash.digest('hex'), size };
    await this.db.forPlatform((em) =>
      this.audit.append(em, { tenantId: null, actorId: actor.userId, actor: actor.label, action: 'tenant.archived', targetType: 'tenant', targetId: tenant.id, details: { ...written }, ip: actor.ip }),
    );
    return written;
  }
}
