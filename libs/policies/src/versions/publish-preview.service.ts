import { Injectable } from '@nestjs/common';
import type { ControllerDefinition } from '@regula/engine';
import { addLocalDays, compareLocalDates, formatLocalDate, localDateOf, parseLocalDate } from '@regula/engine';
import { contentHash, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { ControllerDefinitionService } from '@regula/registers';
import { accountHoldersByLanguage } from './account-holders.query';
import { summaryProblems } from './change-summary';
import { ConsentRenewals } from './consent-renewals.service';
import { noticeDays, proposedEffectiveDate } from './notice-period';
import { changedPurposes } from './policy-hashes';
import { PolicyVersionEntity } from './policy-version.entity';
import { ANNOUNCEMENT_DAYS } from './policy-versions.service';

export interface PublishPreviewInput {
  material: boolean;
  /** YYYY-MM-DD; when absent, the proposed date is assumed. */
  effectiveDate?: string;
  /** When given, the preview lists the languages still without a summary (publishing refuses them). */
  changeSummary?: unknown;
}

/** Where the banner announcing a material change shows, and until when. */
export interface BannerPreview {
  /** The tenant's public pages (privacy page, archive, request forms), the sign-in page and the dashboard home. */
  places: ('public-pages' | 'sign-in' | 'dashboard')[];
  /** 'YYYY-MM-DD': shown from publishing until this day (ANNOUNCEMENT_DAYS after the effective date). */
  until: string;
}

/** What publishing the draft now would do, before anything is done. */
export interface PublishPreview {
  draftId: string;
  /** The draft's content hash: send it with the publish so a draft changed since is refused (409). */
  draftHash: string;
  languages: string[];
  /** The draft's own problems: publishing is refused (422) while there are any. */
  problems: number;
  /** The registers changed after the draft was made: publishing is refused (409) until a new draft is made. */
  stale: boolean;
  /** The newest published version, if any. */
  previousNumber: number | null;
  /** The draft reads exactly like this published version: publishing would be refused (409). */
  identicalTo: number | null;
  number: number;
  material: boolean;
  /** Today in the tenant's time zone. */
  today: string;
  /** The tenant's notice period for material changes (`policyChanges.noticeDays`, default 30). */
  noticeDays: number;
  /** Today for a change that is not material, else today plus the notice period. */
  proposedEffectiveDate: string;
  /** The date the version would take effect (the one given, else the proposed one). */
  effectiveDate: string;
  /** A material effective date earlier than proposed leaves readers less than the notice period. */
  shortNotice: boolean;
  /** Null when nothing is announced (not material, or the first version). */
  banners: BannerPreview | null;
  /** Null when nobody is e-mailed (not material, first version, or the tenant does not announce by e-mail). */
  emails: { total: number; byLanguage: Record<string, number> } | null;
  /** Purposes whose text changed since the previous version. */
  changedPurposes: string[];
  /** Consents in force for those purposes that would be marked for renewal. */
  consentsToRenew: number;
  /** Why the summaries sent would be refused (per field, `changeSummary.lv ...`); empty when they would not. */
  summaryProblems: string[];
}

/**
 * The publish preview: who will be told of the new version and how (the
 * page banners, how many e-mails in which languages, the consents marked for
 * renewal), the effective date to propose so that readers can read it first,
 * and whether the draft reads exactly like the version already published.
 * Reads only: nothing is written, nothing is audited.
 */
@Injectable()
export class PublishPreviewService {
  constructor(private readonly db: TenantDb, private readonly definitions: ControllerDefinitionService, private readonly renewals: ConsentRenewals) {}

  async preview(tenantId: string, draftId: string, input: PublishPreviewInput, now = new Date()): Promise<PublishPreview> {
    const current = await this.definitions.load(tenantId);
    return this.db.forTenant(tenantId, async (em) => {
      const draft = await em.findOne(PolicyVersionEntity, { where: { tenantId, id: draftId, status: 'draft' } });
      if (!draft) throw new NotFoundError('no such policy draft');
      const previous = await em.findOne(PolicyVersionEntity, { where: { tenantId, status: 'published' }, order: { number: 'DESC' } });
      const def = draft.definition as unknown as ControllerDefinition;
      const timeZone = current.tenant.timeZone;
      const today = formatLocalDate(localDateOf(now, timeZone));
      const days = noticeDays(def);
      const proposed = proposedEffectiveDate(now, timeZone, input.material, days);
      const effective = input.effectiveDate || proposed;
      if (compareLocalDates(parseLocalDate(effective), parseLocalDate(today)) < 0) {
        throw new InvalidInputError(['effectiveDate must not be in the past (a policy cannot apply retroactively)']);
      }
      const number = (previous?.number ?? 0) + 1;
      const changed = previous ? changedPurposes(previous.purposeHashes, draft.purposeHashes) : [];
      const announced = input.material && !!previous;
      const byEmail = announced && (def.policyChanges?.channels ?? []).includes('e-mail');
      const byLanguage = byEmail ? await accountHoldersByLanguage(em, tenantId, def.policyChanges.accountRegisters ?? null, draft.languages) : null;
      return {
        draftId: draft.id,
        draftHash: draft.contentHash,
        languages: draft.languages,
        problems: draft.problems.length,
        stale: contentHash(current.definition) !== draft.definitionHash,
        previousNumber: previous?.number ?? null,
        identicalTo: previous && previous.contentHash === draft.contentHash ? previous.number : null,
        number,
        material: input.material,
        today,
        noticeDays: days,
        proposedEffectiveDate: proposed,
        effectiveDate: effective,
        shortNotice: input.material && effective < proposed,
        banners: announced ? { places: ['public-pages', 'sign-in', 'dashboard'], until: formatLocalDate(addLocalDays(parseLocalDate(effective), ANNOUNCEMENT_DAYS)) } : null,
        emails: byLanguage ? { total: Object.values(byLanguage).reduce((a, b) => a + b, 0), byLanguage } : null,
        changedPurposes: changed,
        consentsToRenew: await this.renewals.count(em, tenantId, changed, number),
        summaryProblems: input.changeSummary === undefined ? [] : summaryProblems(draft.languages, input.changeSummary),
      };
    });
  }
}
