import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { InviteResult, MembershipActor, MembershipsService } from '@regula/auth';
import { ControllerDefinition, Fact, OnboardingInput, checkOnboardingInput, definitionErrors, draftController, lintController, listFacts } from '@regula/engine';
import { CLOCK, Clock, ConflictError, DomainEvents, InvalidInputError, TenantDb, UnprocessableError, systemClock } from '@regula/platform';
import { addTenantVersion, tenantFieldsOf } from '@regula/registers';
import { TenantPagesChanged } from '@regula/tenancy';
import { CheckedLogo, checkLogo } from './tenant-logo';

/** Who creates a controller: a platform admin (REST, dashboard) or the command line. */
export type OnboardingActor = MembershipActor;

export interface OnboardingPreview {
  input: OnboardingInput;
  /** The definition that would be stored (no register yet). */
  definition: ControllerDefinition;
  /** The facts a reader would see that nobody stated: listed for confirmation, never published until confirmed. */
  assumed: Fact[];
}

export interface OnboardingResult {
  tenantId: string;
  slug: string;
  version: number;
  definitionHash: string;
  /** Facts to confirm before the first policy (see `OnboardingPreview.assumed`). */
  assumed: Fact[];
  /** The first compliance admin's invitation (the one-time password only for a new account, shown once). */
  firstAdmin: InviteResult;
  logo?: StoredLogo;
}

/** A new controller has no register yet: that is what refuses its first policy, not its creation. */
const isNoRegisterYet = (f: { code: string; path: string }) => f.code === 'empty-section' && f.path === 'registers';

/**
 * Creates a controller (issue 17 §1): the one way in for the dashboard, `POST
 * /api/v1/platform/tenants` and `regula tenants create`. Every field is checked
 * (400 naming it), the slug must be free (409); the definition is drafted from
 * the input and the country catalogue (`draftController`: what the admin typed
 * is stated, what the form filled in is assumed), written as the tenant's row
 * and its facts' version 1 in one platform-scoped transaction, recorded in the
 * platform's audit chain and the tenant's own, with its logo when one was
 * sent; then its first compliance admin is invited through the members' own
 * flow (`MembershipsService.invite`). Its pages, deadlines, policies and
 * exports work at once: they read the database (TenantPagesChanged).
 */
@Injectable()
export class TenantOnboarding {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly members: MembershipsService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** What would be created, without writing anything (the dashboard's confirm step). */
  preview(raw: unknown, actor: OnboardingActor): OnboardingPreview {
    const checked = checkOnboardingInput(raw);
    if (!checked.ok) throw new InvalidInputError(checked.errors, { problems: checked.problems });
    const definition = draftController(checked.value, { date: this.clock().toISOString().slice(0, 10), by: actor.label });
    const errors = definitionErrors(lintController(definition)).filter((f) => !isNoRegisterYet(f));
    if (errors.length) throw new UnprocessableError(errors.map((f) => `${f.path}: ${f.message}`), { findings: errors.map((f) => ({ code: f.code, path: f.path })) });
    const assumed = listFacts(definition).filter((f) => f.provenance.class === 'assumed' || f.provenance.class === 'unknown');
    return { input: checked.value, definition, assumed };
  }

  async create(raw: unknown, actor: OnboardingActor, logo?: Buffer): Promise<OnboardingResult> {
    const { input, definition, assumed } = this.preview(raw, actor);
    const checkedLogo = logo?.length ? await checkLogo(logo) : undefined;
    const now = this.clock();
    const { registers: _none, ...drafted } = definition;
    const controller = checkedLogo ? { ...drafted, branding: { ...drafted.branding, logo: { type: checkedLogo.type, sha256: logoHash(checkedLogo) } } } : drafted;
    const fields = tenantFieldsOf(controller);
    const created = await this.db.forPlatform(async (em) => {
      const [taken] = await em.query(`SELECT 1 FROM tenants WHERE slug = $1`, [input.slug]);
      if (taken) throw new ConflictError(`slug: ${input.slug} is taken`);
      const [row] = await em.query(
        `INSERT INTO tenants (slug, legal_name, country, time_zone, definition, definition_hash) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [input.slug, fields.legalName, fields.country, fields.timeZone, fields.definition, fields.definitionHash],
      );
      if (!row) throw new ConflictError(`slug: ${input.slug} is taken`);
      const tenantId: string = row.id;
      // The new tenant's own rows (its facts' version, its chain's first entry, its logo) under its own RLS policy, in this transaction.
      await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const version = await addTenantVersion(em, tenantId, fields, actor.label, 'created by a platform admin', now);
      const logoFacts = checkedLogo ? await storeLogo(em, tenantId, checkedLogo) : undefined;
      const details = { slug: input.slug, legalName: input.legalName, country: input.country, languages: input.languages, definitionHash: fields.definitionHash, version, firstAdmin: input.firstAdminEmail, assumedFacts: assumed.length, ...(logoFacts ? { logo: logoFacts } : {}) };
      await this.audit.append(em, { tenantId: null, actorId: actor.userId, actor: actor.label, action: 'tenant.created', targetType: 'tenant', targetId: tenantId, details, ip: actor.ip });
      await this.audit.append(em, { tenantId, actorId: actor.userId, actor: actor.label, action: 'tenant.created', targetType: 'tenant', targetId: tenantId, details, ip: actor.ip });
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      return { tenantId, version, logo: logoFacts };
    });
    const firstAdmin = await this.members.invite(created.tenantId, actor, { email: input.firstAdminEmail, role: 'compliance-admin', gates: null, accessUntil: null }, now);
    return { tenantId: created.tenantId, slug: input.slug, version: created.version, definitionHash: fields.definitionHash, assumed, firstAdmin, ...(created.logo ? { logo: created.logo } : {}) };
  }
}

export interface StoredLogo {
  type: CheckedLogo['type'];
  sha256: string;
  sanitised: boolean;
  bytes: number;
}

export const logoHash = (logo: CheckedLogo): string => createHash('sha256').update(logo.bytes).digest('hex');

/** Stores a checked logo on the tenant's row (in its scope); returns what the definition and the audit record of it. */
export async function storeLogo(em: EntityManager, tenantId: string, logo: CheckedLogo): Promise<StoredLogo> {
  await em.query(`UPDATE tenants SET logo = $2, logo_type = $3, updated_at = now() WHERE id = $1`, [tenantId, logo.bytes, logo.type]);
  return { type: logo.type, sha256: logoHash(logo), sanitised: logo.sanitised, bytes: logo.bytes.length };
}
