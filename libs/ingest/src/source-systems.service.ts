import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { ConflictError, EgressGuard, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { SourceSystemEntity } from './source-system.entity';
import { generateApiKey, generateWebhookSecret } from './api-keys';

/** Who acts, for the audit log. */
export interface Actor {
  id: string | null;
  /** "admin@x (compliance-admin)", "cli: systems create". */
  label: string;
  ip?: string;
}

/** A source system as admins see it: never its key hash or webhook secret. */
export interface SourceSystemView {
  id: string;
  name: string;
  keyId: string;
  webhookUrl: string | null;
  disabledAt: Date | null;
  createdAt: Date;
}

/** What creating (or rotating) returns: the API key and webhook secret are shown this once. */
export interface SourceSystemCredentials {
  system: SourceSystemView;
  apiKey: string;
  /** Present when created or rotated with the webhook secret. */
  webhookSecret?: string;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RESERVED = ['regula'];

export const viewOf = (s: SourceSystemEntity): SourceSystemView => ({
  id: s.id, name: s.name, keyId: s.keyId, webhookUrl: s.webhookUrl, disabledAt: s.disabledAt, createdAt: s.createdAt,
});

/**
 * A tenant's source systems (CRM, portal, newsletter tool...): each has its
 * own API key for the ingest API and its own webhook secret. Every change is
 * audited in the tenant's chain (without secrets).
 */
@Injectable()
export class SourceSystemsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly egress: EgressGuard,
  ) {}

  async create(tenantId: string, input: { name: string; webhookUrl?: string | null }, actor: Actor): Promise<SourceSystemCredentials> {
    if (!NAME.test(input.name)) throw new InvalidInputError('name must be lower-case letters, digits and dashes (as the registers name systems), at most 64');
    if (RESERVED.includes(input.name)) throw new InvalidInputError(`"${input.name}" is reserved (disclosures Regula records itself are "via regula")`);
    await this.checkUrl(input.webhookUrl);
    return this.db.forTenant(tenantId, async (em) => {
      if (await em.findOne(SourceSystemEntity, { where: { tenantId, name: input.name } })) {
        throw new ConflictError(`a source system "${input.name}" exists already: rotate its key instead`);
      }
      const key = generateApiKey();
      const webhookSecret = generateWebhookSecret();
      const row = await em.save(
        em.create(SourceSystemEntity, {
          tenantId, name: input.name, keyId: key.keyId, keyHash: key.keyHash, webhookUrl: input.webhookUrl ?? null, webhookSecret, disabledAt: null,
        }),
      );
      await this.log(em, tenantId, actor, 'source-system.created', row, { name: row.name, keyId: row.keyId, webhookUrl: row.webhookUrl });
      return { system: viewOf(row), apiKey: key.apiKey, webhookSecret };
    });
  }

  list(tenantId: string): Promise<SourceSystemView[]> {
    return this.db.forTenant(tenantId, async (em) => (await em.find(SourceSystemEntity, { where: { tenantId }, order: { name: 'ASC' } })).map(viewOf));
  }

  async get(tenantId: string, name: string): Promise<SourceSystemView> {
    return this.db.forTenant(tenantId, async (em) => viewOf(await this.find(em, tenantId, name)));
  }

  /** A disabled system's key is refused; its pending webhooks wait (listed in the outbox). */
  async disable(tenantId: string, name: string, actor: Actor): Promise<SourceSystemView> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await this.find(em, tenantId, name);
      if (!row.disabledAt) {
        row.disabledAt = new Date();
        await em.update(SourceSystemEntity, { id: row.id }, { disabledAt: row.disabledAt });
        await this.log(em, tenantId, actor, 'source-system.disabled', row, { name });
      }
      return viewOf(row);
    });
  }

  /** A new API key (the old one stops working at once) and, on request, a new webhook secret. */
  async rotate(tenantId: string, name: string, actor: Actor, opts: { webhookSecret?: boolean } = {}): Promise<SourceSystemCredentials> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await this.find(em, tenantId, name);
      const key = generateApiKey();
      const changes: Partial<SourceSystemEntity> = { keyId: key.keyId, keyHash: key.keyHash, disabledAt: null };
      const webhookSecret = opts.webhookSecret ? generateWebhookSecret() : undefined;
      if (webhookSecret) changes.webhookSecret = webhookSecret;
      await em.update(SourceSystemEntity, { id: row.id }, changes);
      await this.log(em, tenantId, actor, 'source-system.rotated', row, { name, previousKeyId: row.keyId, keyId: key.keyId, webhookSecret: !!webhookSecret, reenabled: !!row.disabledAt });
      return { system: viewOf({ ...row, keyId: key.keyId, disabledAt: null }), apiKey: key.apiKey, ...(webhookSecret ? { webhookSecret } : {}) };
    });
  }

  /** Sets (or clears: the system then polls) where webhooks go. */
  async setWebhookUrl(tenantId: string, name: string, webhookUrl: string | null, actor: Actor): Promise<SourceSystemView> {
    await this.checkUrl(webhookUrl);
    return this.db.forTenant(tenantId, async (em) => {
      const row = await this.find(em, tenantId, name);
      if (row.webhookUrl !== webhookUrl) {
        await em.update(SourceSystemEntity, { id: row.id }, { webhookUrl });
        await this.log(em, tenantId, actor, 'source-system.webhook-changed', row, { name, previous: row.webhookUrl, webhookUrl });
        row.webhookUrl = webhookUrl;
      }
      return viewOf(row);
    });
  }

  /**
   * The system named `name`, created when missing (demo data): no key is
   * handed out, rotate to get one. Runs in the caller's transaction.
   */
  async ensure(em: EntityManager, tenantId: string, name: string, actor: Actor): Promise<{ system: SourceSystemEntity; created: boolean }> {
    const found = await em.findOne(SourceSystemEntity, { where: { tenantId, name } });
    if (found) return { system: found, created: false };
    const key = generateApiKey();
    const row = await em.save(
      em.create(SourceSystemEntity, { tenantId, name, keyId: key.keyId, keyHash: key.keyHash, webhookUrl: null, webhookSecret: generateWebhookSecret(), disabledAt: null }),
    );
    await this.log(em, tenantId, actor, 'source-system.created', row, { name, keyId: row.keyId, webhookUrl: null });
    return { system: row, created: true };
  }

  /** Where the URL leads now (the worker checks again at every delivery). */
  private async checkUrl(url: string | null | undefined): Promise<void> {
    if (url == null) return;
    const checked = await this.egress.check(url);
    if (!checked.ok) throw new InvalidInputError([`webhookUrl ${checked.problem}`]);
  }

  private async find(em: EntityManager, tenantId: string, name: string): Promise<SourceSystemEntity> {
    const row = NAME.test(name) ? await em.findOne(SourceSystemEntity, { where: { tenantId, name } }) : null;
    if (!row) throw new NotFoundError(`no source system ${name}`);
    return row;
  }

  private log(em: EntityManager, tenantId: string, actor: Actor, action: AuditAction, row: SourceSystemEntity, details: Record<string, unknown>) {
    return this.audit.append(em, { tenantId, actorId: actor.id, actor: actor.label, action, targetType: 'source-system', targetId: row.id, details, ip: actor.ip });
  }
}
