import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { InvalidInputError, SECRET_BOX, SecretBox, TenantDb } from '@regula/platform';
import type { MembershipActor } from '../memberships.service';
import { TENANT_ROLES, TenantRole } from '../permissions';
import { SsoEgress } from './sso-egress';
import { TenantSsoEntity } from './tenant-sso.entity';

/** A tenant's single sign-on as its admins see it: the client secret only as "set". */
export interface SsoSettingsView {
  providerName: string;
  issuer: string;
  clientId: string;
  secretSet: boolean;
  enabled: boolean;
  jitRole: TenantRole | null;
  updatedAt: Date;
}

/** What the form (or an API body) sends; a blank client secret keeps the stored one. */
export interface SsoSettingsInput {
  providerName: unknown;
  issuer: unknown;
  clientId: unknown;
  clientSecret: unknown;
  enabled: unknown;
  jitRole: unknown;
}

/** The settings with the opened secret, for the sign-in (never leaves libs/auth). */
export interface SsoClientSettings {
  tenantId: string;
  providerName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  jitRole: TenantRole | null;
}

/** Thrown with the field whose value is refused (the form shows it beside that field). */
export class SsoSettingsInvalidError extends InvalidInputError {
  constructor(readonly field: keyof SsoSettingsInput, readonly problem: 'missing' | 'too-long' | 'not-allowed' | 'discovery-failed' | 'issuer-mismatch', text: string) {
    super([`${field} ${text}`], { field, problem });
  }
}

const secretContext = (tenantId: string) => `${tenantId}:sso-client-secret`;

/**
 * A tenant's OpenID Connect provider for staff sign-in: read (the secret as
 * "set" only), saved by a tenant admin (audited `sso.settings-changed`
 * without the secret, which is sealed by the secret box before it is
 * stored). Saving checks the issuer the way the sign-in will use it: under
 * the egress policy, by its discovery document, whose `issuer` must be the
 * one entered (OpenID Connect Discovery 1.0 §4.3).
 */
@Injectable()
export class SsoSettings {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly egress: SsoEgress,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  get(tenantId: string): Promise<SsoSettingsView | null> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await this.row(em, tenantId);
      return row ? viewOf(row) : null;
    });
  }

  /** The name of the tenant's provider when its single sign-on is on (the sign-in page's button), else null. */
  async buttonOf(tenantId: string): Promise<string | null> {
    const view = await this.get(tenantId);
    return view?.enabled ? view.providerName : null;
  }

  /** The settings with the secret opened, when single sign-on is on; null otherwise (or when the secret no longer opens: SECRETS_KEY changed). */
  client(tenantId: string): Promise<SsoClientSettings | null> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await this.row(em, tenantId);
      if (!row?.enabled) return null;
      const clientSecret = this.box.open(row.clientSecretSealed, secretContext(tenantId));
      if (clientSecret === null) return null;
      return { tenantId, providerName: row.providerName, issuer: row.issuer, clientId: row.clientId, clientSecret, jitRole: row.jitRole };
    });
  }

  async save(tenantId: string, actor: MembershipActor, input: SsoSettingsInput): Promise<SsoSettingsView> {
    const providerName = text(input.providerName, 'providerName', 80);
    const issuer = text(input.issuer, 'issuer', 2000);
    const clientId = text(input.clientId, 'clientId', 500);
    const secret = typeof input.clientSecret === 'string' ? input.clientSecret.trim() : '';
    if (secret.length > 2000) throw new SsoSettingsInvalidError('clientSecret', 'too-long', 'is too long (at most 2000 characters)');
    const enabled = input.enabled === true || input.enabled === 'on' || input.enabled === 'true';
    const jitRole = input.jitRole === '' || input.jitRole === null || input.jitRole === undefined || input.jitRole === 'none' ? null : input.jitRole;
    if (jitRole !== null && !TENANT_ROLES.includes(jitRole as TenantRole)) throw new SsoSettingsInvalidError('jitRole', 'not-allowed', `must be one of ${TENANT_ROLES.join(', ')} or empty`);
    // Turning it off must work while the provider is down: the issuer is checked when single sign-on is on.
    if (enabled) await this.checkIssuer(issuer);
    return this.db.forTenant(tenantId, async (em) => {
      const before = await this.row(em, tenantId);
      if (!before && !secret) throw new SsoSettingsInvalidError('clientSecret', 'missing', 'is required');
      const sealed = secret ? this.box.seal(secret, secretContext(tenantId)) : before!.clientSecretSealed;
      await em.upsert(TenantSsoEntity, { tenantId, providerName, issuer, clientId, clientSecretSealed: sealed, enabled, jitRole: jitRole as TenantRole | null }, ['tenantId']);
      const after = (await this.row(em, tenantId))!;
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'sso.settings-changed', targetType: 'tenant', targetId: tenantId, ip: actor.ip,
        details: { providerName, issuer, clientId, enabled, jitRole, clientSecret: secret ? (before ? 'replaced' : 'set') : 'kept', created: !before },
      });
      return viewOf(after);
    });
  }

  private async checkIssuer(issuer: string): Promise<void> {
    const problem = await this.egress.problemOf(issuer);
    if (problem) throw new SsoSettingsInvalidError('issuer', 'not-allowed', problem);
    let discovered: string;
    try {
      discovered = String((await this.egress.discover(issuer)).metadata.issuer ?? '');
    } catch {
      throw new SsoSettingsInvalidError('issuer', 'discovery-failed', 'has no OpenID Connect discovery document Regula could read (<issuer>/.well-known/openid-configuration)');
    }
    if (discovered !== issuer) throw new SsoSettingsInvalidError('issuer', 'issuer-mismatch', `is not the issuer its discovery document names (${discovered.slice(0, 200)})`);
  }

  private row(em: EntityManager, tenantId: string): Promise<TenantSsoEntity | null> {
    return em.createQueryBuilder(TenantSsoEntity, 's').addSelect('s.clientSecretSealed').where('s.tenant_id = :tenantId', { tenantId }).getOne();
  }
}

function text(value: unknown, field: keyof SsoSettingsInput, max: number): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw new SsoSettingsInvalidError(field, 'missing', 'is required');
  if (v.length > max) throw new SsoSettingsInvalidError(field, 'too-long', `is too long (at most ${max} characters)`);
  return v;
}

function viewOf(row: TenantSsoEntity): SsoSettingsView {
  return { providerName: row.providerName, issuer: row.issuer, clientId: row.clientId, secretSet: !!row.clientSecretSealed, enabled: row.enabled, jitRole: row.jitRole, updatedAt: row.updatedAt };
}
