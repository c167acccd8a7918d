import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsSelect, IsNull } from 'typeorm';
import { AuditService, PersonalDataReader, recordPersonalDataRead } from '@regula/audit';
import { NotFoundError, PageRequest, pageWindow, TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';

/** Who reads the outbox, and whether they may read the e-mails' text and HTML (`outbox:read-body`). */
export interface OutboxReader {
  reader: PersonalDataReader;
  withBody: boolean;
}

/** An e-mail without its text and HTML: what a reader without `outbox:read-body` gets. */
export type OutboxEmailMeta = Omit<OutboxEmailEntity, 'text' | 'html' | 'secrets'>;
export type OutboxEmailView = OutboxEmailMeta | OutboxEmailEntity;

const META: FindOptionsSelect<OutboxEmailEntity> = {
  id: true, tenantId: true, requestId: true, to: true, subject: true, template: true, locale: true,
  status: true, attempts: true, lastError: true, sentAt: true, createdAt: true,
  // An e-mail the worker has not rendered yet is rendered on load from it (the entity).
  renderInput: true,
};
const WITH_BODY: FindOptionsSelect<OutboxEmailEntity> = { ...META, text: true, html: true };

/**
 * The tenant's outbox as staff read it: the body only with `outbox:read-body`
 * (never loaded otherwise), the secrets redacted for everyone (the entity),
 * and each view audited as a reading of personal data; the platform's own
 * outbox (its e-mails to platform admins).
 */
@Injectable()
export class OutboxQueryService {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  /** One page, newest first; `requestId` narrows it to a request's e-mails. */
  list(tenantId: string, opts: { page: number; pageSize: number; requestId?: string; reference?: string }, who: OutboxReader): Promise<{ items: OutboxEmailView[]; total: number }> {
    return this.db.forTenant(tenantId, (em) => this.listIn(em, tenantId, opts, who));
  }

  /** As `list`, in the caller's transaction (which resolved the request). */
  async listIn(em: EntityManager, tenantId: string, opts: { page: number; pageSize: number; requestId?: string; reference?: string }, who: OutboxReader): Promise<{ items: OutboxEmailView[]; total: number }> {
    const [items, total] = await em.findAndCount(OutboxEmailEntity, {
      select: who.withBody ? WITH_BODY : META,
      where: { tenantId, ...(opts.requestId ? { requestId: opts.requestId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: opts.pageSize,
      skip: (opts.page - 1) * opts.pageSize,
    });
    await recordPersonalDataRead(this.audit, em, {
      tenantId, reader: who.reader, what: 'outbox', targetType: opts.requestId ? 'rights-request' : 'outbox', targetId: opts.requestId,
      details: { withBody: who.withBody, page: opts.page, emails: items.length, ...(opts.reference ? { reference: opts.reference } : {}) },
    });
    return { items, total };
  }

  /** One e-mail (404 for an id of another tenant, exactly like an unknown one). */
  get(tenantId: string, id: string, who: OutboxReader): Promise<OutboxEmailView> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await em.findOne(OutboxEmailEntity, { select: who.withBody ? WITH_BODY : META, where: { id, tenantId } });
      if (!row) throw new NotFoundError(`no e-mail ${id}`);
      await recordPersonalDataRead(this.audit, em, { tenantId, reader: who.reader, what: 'outbox-email', targetType: 'outbox-email', targetId: id, details: { withBody: who.withBody, template: row.template } });
      return row;
    });
  }

  /** The platform's e-mails to its admins, newest first (read in the platform scope: row-level security hides them from tenants). */
  platform(opts: PageRequest) {
    const { page, pageSize } = pageWindow(opts, 25, 100);
    return this.db.forPlatform(async (em) => {
      const [items, total] = await em.findAndCount(OutboxEmailEntity, {
        where: { tenantId: IsNull() },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: pageSize,
        skip: (page - 1) * pageSize,
      });
      return { items, total, page, pageSize };
    });
  }
}

/** Whether a view of an e-mail carries its body. */
export function hasBody(e: OutboxEmailView): e is OutboxEmailEntity {
  return typeof (e as OutboxEmailEntity).text === 'string';
}
