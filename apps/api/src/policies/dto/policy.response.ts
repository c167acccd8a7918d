import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { nullableObject } from '../../common/openapi';

const HASH = '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae';
const SUMMARY_EXAMPLE = { en: 'Remote identity checks of clients were added.', et: 'Lisandus klientide isikusamasuse kaugtuvastamine.', lt: 'Pridėtas nuotolinis klientų tapatybės tikrinimas.' };

/** A register version a policy version was rendered from. */
export class PolicyRegisterRef {
  @ApiProperty({ example: 'log-data' })
  key: string;

  @ApiProperty({ type: 'integer', example: 1 })
  version: number;

  @ApiProperty({ example: HASH })
  contentHash: string;
}

/** Why a draft may not be published. */
export class PolicyProblem {
  @ApiProperty({ example: 'unconfirmed-fact' })
  code: string;

  @ApiPropertyOptional({ description: 'the policy section concerned', example: 'retention' })
  section?: string;

  @ApiPropertyOptional({ example: 'et' })
  lang?: string;

  @ApiPropertyOptional({ description: 'the fact or register path concerned', example: 'registers[log-data].retention[logs]' })
  path?: string;

  @ApiPropertyOptional({ description: 'the linter finding\'s code (code lint-error)', example: 'recipient-vague' })
  finding?: string;

  @ApiProperty({ example: 'the retention period of logs was assumed by Regula: confirm it before publishing' })
  message: string;
}

/** A policy version (or the draft) without its rendered content. */
export class PolicyVersionSummary {
  @ApiProperty({ format: 'uuid', example: '7e3c1b9a-5d2f-4a8e-b6c4-0f1e2d3c4b5a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' })
  tenantId: string;

  @ApiProperty({ enum: ['draft', 'published'], example: 'published' })
  status: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '1, 2, 3... once published; null for a draft', example: 1 })
  number: number | null;

  @ApiProperty({ type: [String], example: ['en', 'et', 'lt'] })
  languages: string[];

  @ApiProperty({ description: 'SHA-256 of the content of every language', example: HASH })
  contentHash: string;

  @ApiProperty({ description: 'SHA-256 of the controller definition it was rendered from', example: HASH })
  definitionHash: string;

  @ApiProperty({ type: () => PolicyRegisterRef, isArray: true })
  registerVersions: PolicyRegisterRef[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "per `<register>/<purpose>`: the hash of the purpose's texts", example: { 'log-data/security': HASH } })
  purposeHashes: Record<string, string>;

  @ApiProperty({ type: () => PolicyProblem, isArray: true, description: 'why the draft may not be published (empty when it may)' })
  problems: PolicyProblem[];

  @ApiProperty({ type: String, format: 'date', nullable: true, description: "the day (the tenant's calendar) from which it applies; null for a draft", example: '2026-01-15' })
  effectiveDate: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true, description: 'what changed, per language; null for a draft', example: SUMMARY_EXAMPLE })
  changeSummary: Record<string, string> | null;

  @ApiProperty({ description: 'published before summaries were per language: its one summary is the English entry', example: false })
  changeSummaryLegacy: boolean;

  @ApiProperty({ description: 'a material change (announced)', example: false })
  material: boolean;

  @ApiProperty({ example: 'admin@medical-management.demo (compliance-admin)' })
  author: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '9c1d7e2a-4b3f-4a8e-8d6c-5e2f1a0b7c93' })
  authorUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-15T09:35:00.000Z' })
  publishedAt: Date | null;
}

/** One language of a version, rendered. */
export class PolicyContentResponse {
  @ApiProperty({ description: 'the notice as an HTML fragment', example: '<article lang="en"><section id="controller"><h2>1. Who we are</h2><p>Medical Management OÜ...</p></section></article>' })
  html: string;

  @ApiProperty({ description: 'the same as plain text', example: '1. Who we are\nMedical Management OÜ...' })
  text: string;
}

/** A published version with its content in every language. */
export class PolicyVersionResponse extends PolicyVersionSummary {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PolicyContentResponse) },
    description: 'per language',
    example: { en: { html: '<article lang="en"><section id="controller"><h2>1. Who we are</h2></section></article>', text: '1. Who we are' } },
  })
  content: Record<string, PolicyContentResponse>;
}

/** The archive, the draft and the announcement. */
export class PolicyListResponse {
  @ApiProperty({ type: () => PolicyVersionSummary, isArray: true, description: 'published versions, newest first' })
  versions: PolicyVersionSummary[];

  @ApiProperty(nullableObject(PolicyVersionSummary, { description: 'the version in force today (null before the first takes effect)', example: null }))
  current: PolicyVersionSummary | null;

  @ApiProperty(nullableObject(PolicyVersionSummary, { description: 'the open draft, if any', example: null }))
  draft: PolicyVersionSummary | null;

  @ApiProperty(nullableObject(PolicyVersionSummary, { description: 'the material change being announced (its effective date within the last 30 days or to come), if any', example: null }))
  announcement: PolicyVersionSummary | null;
}

/** Where the banner announcing a material change shows, and until when. */
export class PolicyBannerPreview {
  @ApiProperty({ enum: ['public-pages', 'sign-in', 'dashboard'], isArray: true, example: ['public-pages', 'sign-in', 'dashboard'] })
  places: string[];

  @ApiProperty({ type: String, format: 'date', description: 'shown from publishing until this day', example: '2027-02-04' })
  until: string;
}

/** The e-mails a material change would send. */
export class PolicyEmailsPreview {
  @ApiProperty({ type: 'integer', example: 12 })
  total: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'per language', example: { et: 9, en: 3 } })
  byLanguage: Record<string, number>;
}

/** What publishing the draft would do. Nothing is written. */
export class PolicyPublishPreview {
  @ApiProperty({ format: 'uuid', example: '7e3c1b9a-5d2f-4a8e-b6c4-0f1e2d3c4b5a' })
  draftId: string;

  @ApiProperty({ description: "the draft's content hash: send it with the publish (409 when the draft changed since)", example: HASH })
  draftHash: string;

  @ApiProperty({ type: [String], example: ['en', 'et', 'lt'] })
  languages: string[];

  @ApiProperty({ type: 'integer', description: "the draft's own problems: publishing is refused (422) while there are any", example: 0 })
  problems: number;

  @ApiProperty({ description: 'the registers changed after the draft was made: publishing is refused (409) until a new draft is made', example: false })
  stale: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the newest published version', example: 1 })
  previousNumber: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the published version the draft reads exactly like: publishing would be refused (409)', example: null })
  identicalTo: number | null;

  @ApiProperty({ type: 'integer', description: 'the number it would be published as', example: 2 })
  number: number;

  @ApiProperty({ example: true })
  material: boolean;

  @ApiProperty({ type: String, format: 'date', description: "today in the tenant's time zone", example: '2026-12-06' })
  today: string;

  @ApiProperty({ type: 'integer', description: "the tenant's notice period for material changes, in days", example: 30 })
  noticeDays: number;

  @ApiProperty({ type: String, format: 'date', description: 'today for a change that is not material, else today plus the notice period', example: '2027-01-05' })
  proposedEffectiveDate: string;

  @ApiProperty({ type: String, format: 'date', description: 'the date it would take effect (the one given, else the proposed one)', example: '2027-01-05' })
  effectiveDate: string;

  @ApiProperty({ description: 'a material effective date earlier than proposed leaves readers less than the notice period', example: false })
  shortNotice: boolean;

  @ApiProperty(nullableObject(PolicyBannerPreview, { description: 'null when nothing is announced (not material, or the first version)', example: { places: ['public-pages', 'sign-in', 'dashboard'], until: '2027-02-04' } }))
  banners: PolicyBannerPreview | null;

  @ApiProperty(nullableObject(PolicyEmailsPreview, { description: 'null when nobody is e-mailed (not material, the first version, or the tenant does not announce by e-mail)', example: { total: 12, byLanguage: { et: 9, en: 3 } } }))
  emails: PolicyEmailsPreview | null;

  @ApiProperty({ type: [String], description: 'purposes whose text changed since the previous version', example: ['log-data/security'] })
  changedPurposes: string[];

  @ApiProperty({ type: 'integer', description: 'consents in force for those purposes that would be marked for renewal', example: 0 })
  consentsToRenew: number;

  @ApiProperty({ type: [String], description: 'why the summaries sent would be refused (empty when they would not)', example: ['changeSummary.lt is missing'] })
  summaryProblems: string[];
}

/** A published version and what publishing did. */
export class PolicyPublishResponse {
  @ApiProperty({ type: () => PolicyVersionSummary })
  version: PolicyVersionSummary;

  @ApiProperty({ type: [String], description: 'purposes whose text changed since the previous version', example: ['log-data/security'] })
  changedPurposes: string[];

  @ApiProperty({ type: 'integer', description: 'consents marked for renewal because of them', example: 0 })
  consentsMarkedForRenewal: number;

  @ApiProperty({ description: 'an e-mail to account holders was scheduled (a material change the tenant announces by e-mail)', example: false })
  announcementScheduled: boolean;
}

/** A run of words of a changed block. */
export class PolicyDiffPart {
  @ApiProperty({ enum: ['same', 'added', 'removed'], example: 'added' })
  kind: string;

  @ApiProperty({ example: 'for 90 days' })
  text: string;
}

/** One text block of a section, compared: the whole text, or the words of a changed one. */
export class PolicyDiffBlock {
  @ApiProperty({ enum: ['same', 'added', 'removed', 'changed'], example: 'changed' })
  kind: string;

  @ApiPropertyOptional({ description: "the block's text (same, added, removed)", example: 'Logs are kept for 90 days.' })
  text?: string;

  @ApiPropertyOptional({ type: () => PolicyDiffPart, isArray: true, description: 'its words kept, added and removed (changed)' })
  parts?: PolicyDiffPart[];
}

/** One section of the notice, compared. */
export class PolicySectionDiff {
  @ApiProperty({ description: 'the section id, or `intro` for what precedes the first section', example: 'retention' })
  id: string;

  @ApiProperty({ example: '7. How long we keep your data' })
  heading: string;

  @ApiPropertyOptional({ type: () => PolicyDiffPart, isArray: true, description: "the heading's word difference, when its wording changed" })
  headingParts?: PolicyDiffPart[];

  @ApiProperty({ enum: ['added', 'removed', 'changed', 'unchanged'], example: 'changed' })
  status: string;

  @ApiProperty({ type: () => PolicyDiffBlock, isArray: true })
  blocks: PolicyDiffBlock[];
}

/** Blocks added, removed and changed in all sections. */
export class PolicyDiffCounts {
  @ApiProperty({ type: 'integer', example: 1 })
  added: number;

  @ApiProperty({ type: 'integer', example: 0 })
  removed: number;

  @ApiProperty({ type: 'integer', example: 2 })
  changed: number;
}

/** The difference of two renderings, section by section. */
export class PolicyDiffBody {
  @ApiPropertyOptional({ description: 'language of the new rendering', example: 'en' })
  lang?: string;

  @ApiProperty({ type: () => PolicySectionDiff, isArray: true })
  sections: PolicySectionDiff[];

  @ApiProperty({ type: () => PolicyDiffCounts })
  counts: PolicyDiffCounts;
}

/** Two published versions compared in one language. */
export class PolicyDiffResponse {
  @ApiProperty({ type: () => PolicyVersionSummary })
  from: PolicyVersionSummary;

  @ApiProperty({ type: () => PolicyVersionSummary })
  to: PolicyVersionSummary;

  @ApiProperty({ example: 'en' })
  lang: string;

  @ApiProperty({ type: () => PolicyDiffBody })
  diff: PolicyDiffBody;
}
