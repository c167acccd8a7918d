import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ControllerDefinition } from '@regula/engine';
import { compareLocalDates, formatLocalDate, localDateOf, parseLocalDate } from '@regula/engine';
import { AfterCommit, contentHash, DEFAULT_JOB_OPTIONS, DomainEvents, InvalidInputError, NotFoundError, JobProducer, TenantDb } from '@regula/platform';
import { AuditAction, AuditService } from '@regula/audit';
import { ControllerDefinitionService } from '@regula/registers';
import { TenantEntity, TenantPagesChanged } from '@regula/tenancy';
import { PolicyRenderer } from '../policy-renderer';
import { PolicyDiff, diffPolicies } from '../diff';
import { draftContent } from './policy-drafting';
import { changedPurposes } from './policy-hashes';
import { ConsentRenewals } from './consent-renewals.service';
import { PolicyVersionEntity } from './policy-version.entity';
import { PolicyActor } from './policy-actor';
import { PolicyConflictError, PolicyIncompleteError } from './policy-errors';
import { checkedSummary } from './change-summary';

export interface PublishInput {
  /** What changed, one text per language the draft is published in (`{ lv: '...', en: '...' }`). */
  changeSummary: Record<string, string>;
  material: boolean;
  /** YYYY-MM-DD in the tenant's time zone; default today. Never in the past. */
  effectiveDate?: string;
  /** The draft's content hash as the publish preview showed it: a draft that changed since is refused (409). */
  draftHash?: string;
}

export interface PublishOutcome {
  version: PolicyVersionEntity;
  /** Purposes whose text changed since the previous version. */
  changedPurposes: string[];
  /** Consents marked for renewal because of them. */
  consentsMarkedForRenewal: number;
  /** An e-mail to account holders was scheduled (material change, tenant announces by e-mail). */
  announcementScheduled: boolean;
}

/** A version without its heavy columns, for lists. */
export type PolicyVersionSummary = Omit<PolicyVersionEntity, 'content' | 'definition'>;

/** A version (or draft) without its rendered content and definition. */
export function versionSummary({ content: _c, definition: _d, ...rest }: PolicyVersionEntity): PolicyVersionSummary {
  return rest;
}

/** How long after its effective date a material change is announced on the pages. */
export const ANNOUNCEMENT_DAYS = 30;

const SUMMARY_COLUMNS: (keyof PolicyVersionEntity)[] = [
  'id', 'tenantId', 'status', 'number', 'languages', 'contentHash', 'definitionHash', 'registerVersions', 'purposeHashes',
  'problems', 'effectiveDate', 'changeSummary', 'changeSummaryLegacy', 'material', 'author', 'authorUserId', 'createdAt', 'publishedAt',
];

/**
 * A tenant's privacy-policy versions: draft from the registers, preview,
 * publish (immutable, numbered, hashed, with author and change summary),
 * and the archive. Publishing is refused while the notice would be
 * incomplete; it marks consents for renewal where a purpose's text changed
 * and, for a material change of a tenant that promises it, schedules the
 * e-mail to its account holders. Every step is audited.
 */
@Injectable()
export class PolicyVersionsService {
  private readonly renderer = new PolicyRenderer();

  constructor(
    private readonly db: TenantDb,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
    private readonly afterCommit: AfterCommit,
    private readonly renewals: ConsentRenewals,
    /** Absent in the command line, which publishes only first versions (nothing to announce). */
    @Optional() private readonly jobs?: JobProducer,
  ) {}

  /** Renders the current registers into the tenant's one draft (an older draft is replaced). */
  async createDraft(tenantId: string, actor: PolicyActor): Promise<PolicyVersionEntity> {
    const stored = await this.definitions.load(tenantId);
    const drafted = draftContent(stored.definition, this.renderer);
    return this.db.forTenant(tenantId, async (em) => {
      await em.delete(PolicyVersionEntity, { tenantId, status: 'draft' });
      const draft = await em.save(
        em.create(PolicyVersionEntity, {
          tenantId,
          status: 'draft',
          number: null,
          ...drafted,
          definition: stored.definition as unknown as Record<string, unknown>,
          registerVersions: stored.registers.map(({ key, version, contentHash }) => ({ key, version, contentHash })),
          effectiveDate: null,
          changeSummary: null,
          material: false,
          author: actor.label,
          authorUserId: actor.userId,
          publishedAt: null,
        }),
      );
      await this.log(em, tenantId, actor, 'policy.draft-created', draft.id, {
        contentHash: draft.contentHash,
        languages: draft.languages,
        problems: draft.problems.length,
      });
      return draft;
    });
  }

  /** The tenant's open draft, or null. */
  draft(tenantId: string): Promise<PolicyVersionEntity | null> {
    return this.db.forTenant(tenantId, (em) => em.findOne(PolicyVersionEntity, { where: { tenantId, status: 'draft' } }));
  }

  async publish(tenantId: string, draftId: string, input: PublishInput, actor: PolicyActor, now = new Date()): Promise<PublishOutcome> {
    const current = await this.definitions.load(tenantId);
    return this.db.forTenant(tenantId, async (em) => {
      const draft = await em
        .createQueryBuilder(PolicyVersionEntity, 'v')
        .setLock('pessimistic_write')
        .where('v.tenant_id = :tenantId AND v.id = :draftId', { tenantId, draftId })
        .getOne();
      if (!draft) throw new NotFoundError('no such policy draft');
      if (draft.status !== 'draft') throw new PolicyConflictError(`this draft was already published as version ${draft.number}`);
      if (input.draftHash !== undefined && input.draftHash !== draft.contentHash) throw new PolicyConflictError('the draft changed after it was reviewed: review it again, then publish');
      if (draft.problems.length) throw new PolicyIncompleteError(draft.problems);
      const changeSummary = checkedSummary(draft.languages, input.changeSummary);
      // The registers changed after the draft was made: the draft no longer says what they say.
      if (contentHash(current.definition) !== draft.definitionHash) {
        throw new PolicyConflictError('the registers changed after this draft was made: make a new draft, preview it and publish that');
      }
      const today = localDateOf(now, current.tenant.timeZone);
      const effective = input.effectiveDate ? parseLocalDate(input.effectiveDate) : today;
      if (compareLocalDates(effective, today) < 0) throw new InvalidInputError(['effectiveDate must not be in the past (a policy cannot apply retroactively)']);

      const previous = await em.findOne(PolicyVersionEntity, { where: { tenantId, status: 'published' }, order: { number: 'DESC' } });
      if (previous && previous.contentHash === draft.contentHash) {
        throw new PolicyConflictError(`nothing changed since version ${previous.number}: the draft reads exactly like it`);
      }
      const number = (previous?.number ?? 0) + 1;
      await em.update(PolicyVersionEntity, { id: draft.id }, {
        status: 'published',
        number,
        effectiveDate: formatLocalDate(effective),
        changeSummary,
        material: input.material,
        author: actor.label,
        authorUserId: actor.userId,
        publishedAt: now,
      });
      const version = await em.findOneOrFail(PolicyVersionEntity, { where: { id: draft.id } });

      const changed = previous ? changedPurposes(previous.purposeHashes, version.purposeHashes) : [];
      const renewed = changed.length ? await this.renewals.mark(em, tenantId, changed, number, now) : 0;
      const def = version.definition as unknown as ControllerDefinition;
      const announce = version.material && !!previous && (def.policyChanges?.channels ?? []).includes('e-mail');
      if (announce) {
        const jobs = this.jobs;
        if (!jobs) throw new PolicyConflictError('a material change is announced by the worker: publish it through the API');
        await this.afterCommit.run(em, () =>
          jobs.add('policy-announce', { tenantId, versionId: version.id }, { ...DEFAULT_JOB_OPTIONS, jobId: `policy-announce-${version.id}` }),
        );
      }
      await this.log(em, tenantId, actor, 'policy.published', version.id, {
        number,
        contentHash: version.contentHash,
        effectiveDate: version.effectiveDate,
        languages: version.languages,
        material: version.material,
        changeSummary: version.changeSummary,
        registerVersions: version.registerVersions,
        changedPurposes: changed,
        consentsMarkedForRenewal: renewed,
        announcementScheduled: announce,
        previewedDraftHash: input.draftHash ?? null,
      });
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      return { version, changedPurposes: changed, consentsMarkedForRenewal: renewed, announcementScheduled: announce };
    });
  }

  /** Published versions, newest first, without their content. */
  list(tenantId: string): Promise<PolicyVersionSummary[]> {
    return this.db.forTenant(tenantId, (em) =>
      em.find(PolicyVersionEntity, { select: SUMMARY_COLUMNS, where: { tenantId, status: 'published' }, order: { number: 'DESC' } }),
    );
  }

  /** One published version, with its content. */
  get(tenantId: string, number: number): Promise<PolicyVersionEntity | null> {
    return this.db.forTenant(tenantId, (em) => em.findOne(PolicyVersionEntity, { where: { tenantId, status: 'published', number } }));
  }

  /**
   * The differences between two published versions in one language; null when
   * either version does not exist. A language one version lacks compares
   * against nothing (everything added or removed).
   */
  async diff(tenantId: string, from: number, to: number, lang: string): Promise<{ from: PolicyVersionSummary; to: PolicyVersionSummary; lang: string; diff: PolicyDiff } | null> {
    const [a, b] = await Promise.all([this.get(tenantId, from), this.get(tenantId, to)]);
    if (!a || !b) return null;
    const html = (v: PolicyVersionEntity) => v.content[lang]?.html ?? '';
    return { from: versionSummary(a), to: versionSummary(b), lang, diff: diffPolicies(html(a), html(b)) };
  }

  /** The version in force today (the newest whose effective date has come), or null. */
  async current(tenantId: string, now = new Date()): Promise<PolicyVersionEntity | null> {
    const today = await this.today(tenantId, now);
    return this.db.forTenant(tenantId, (em) => this.currentOn(em, tenantId, today));
  }

  /**
   * The material change to announce (login page, dashboard, public pages): the
   * newest material version that takes effect in the future or took effect
   * within the last ANNOUNCEMENT_DAYS days; null when there is none.
   */
  async announcement(tenantId: string, now = new Date()): Promise<PolicyVersionSummary | null> {
    const today = await this.today(tenantId, now);
    return this.db.forTenant(tenantId, (em) => this.announcementOn(em, tenantId, today));
  }

  /**
   * What the public pages show of the versions on `today` ('YYYY-MM-DD', the
   * tenant's calendar day, which the caller knows), in one transaction: the
   * version in force (with its content), every published version (summaries,
   * newest first) and the announcement; `number` also that version's content.
   */
  publicView(tenantId: string, today: string, number?: number): Promise<{ current: PolicyVersionEntity | null; all: PolicyVersionSummary[]; announcement: PolicyVersionSummary | null; asked: PolicyVersionEntity | null }> {
    return this.db.forTenant(tenantId, async (em) => ({
      current: await this.currentOn(em, tenantId, today),
      all: await em.find(PolicyVersionEntity, { select: SUMMARY_COLUMNS, where: { tenantId, status: 'published' }, order: { number: 'DESC' } }),
      announcement: await this.announcementOn(em, tenantId, today),
      asked: number === undefined ? null : await em.findOne(PolicyVersionEntity, { where: { tenantId, status: 'published', number } }),
    }));
  }

  /** The announcement on `today` ('YYYY-MM-DD', the tenant's calendar day, which the caller knows), in one transaction. */
  announcementFor(tenantId: string, today: string): Promise<PolicyVersionSummary | null> {
    return this.db.forTenant(tenantId, (em) => this.announcementOn(em, tenantId, today));
  }

  private currentOn(em: EntityManager, tenantId: string, today: string): Promise<PolicyVersionEntity | null> {
    return em
      .createQueryBuilder(PolicyVersionEntity, 'v')
      .where(`v.tenant_id = :tenantId AND v.status = 'published' AND v.effective_date <= :today`, { tenantId, today })
      .orderBy('v.number', 'DESC')
      .getOne();
  }

  private announcementOn(em: EntityManager, tenantId: string, today: string): Promise<PolicyVersionSummary | null> {
    const since = new Date(`${today}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - ANNOUNCEMENT_DAYS);
    return em
      .createQueryBuilder(PolicyVersionEntity, 'v')
      .select(SUMMARY_COLUMNS.map((c) => `v.${c}`))
      .where(`v.tenant_id = :tenantId AND v.status = 'published' AND v.material AND v.number > 1 AND v.effective_date >= :since`, {
        tenantId,
        since: since.toISOString().slice(0, 10),
      })
      .orderBy('v.number', 'DESC')
      .getOne();
  }

  private async today(tenantId: string, now: Date): Promise<string> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOneOrFail(TenantEntity, { where: { id: tenantId } }));
    return formatLocalDate(localDateOf(now, tenant.timeZone));
  }

  private log(em: EntityManager, tenantId: string, actor: PolicyActor, action: AuditAction, targetId: string, details: Record<string, unknown>) {
    return this.audit.append(em, { tenantId, actorId: actor.userId, actor: actor.label, action, targetType: 'policy-version', targetId, details, ip: actor.ip });
  }
}
