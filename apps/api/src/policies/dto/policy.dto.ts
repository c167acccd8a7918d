import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IntField } from '../../common/input/int-field';
import { LANGS } from '@regula/engine';
import { datedProperty } from '../../common/openapi';

// `slug` is documented once for the controller (ApiTenantSlug).
export class PolicyDraftParams {
  @IsString() slug: string;
  @ApiProperty({ format: 'uuid', description: "the draft's id (GET .../policies gives it as draft.id)", example: '7e3c1b9a-5d2f-4a8e-b6c4-0f1e2d3c4b5a' })
  @IsUUID('all', { message: 'id must be a policy draft id (UUID)' })
  id: string;
}

export class PolicyVersionParams {
  @IsString() slug: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the published version number', example: 1 }) @IntField('params', { min: 1 }) number: number;
}

export class PolicyLangQueryDto {
  @ApiPropertyOptional({ enum: LANGS, default: 'en', example: 'en' }) @IsOptional() @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang?: string;
}

export class PolicyDiffQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the older version number', example: 1 }) @IntField('query', { min: 1 }) from: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the newer version number', example: 2 }) @IntField('query', { min: 1 }) to: number;
  @ApiProperty({ enum: LANGS, example: 'en' }) @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang: string;
}

/** A day no earlier than today: the example is counted from when the document is served (a fixed day would pass). */
const EFFECTIVE_DATE_EXAMPLE = datedProperty(30, {}, 'date');

const EFFECTIVE_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SUMMARY_SHAPE = 'changeSummary must be one text per published language, e.g. { "lv": "...", "en": "..." }';

export class PublishPolicyDto {
  @ApiProperty({
    description: 'what changed, in words a reader understands, one text per language the policy is published in (shown in the archive, the banners and the e-mails in the reader\'s language); a missing language is refused (400, `changeSummary.<lang>`)',
    example: { en: 'Remote identity checks of clients were added.', et: 'Lisandus klientide isikusamasuse kaugtuvastamine.', lt: 'Pridėtas nuotolinis klientų tapatybės tikrinimas.' },
    type: 'object',
    additionalProperties: { type: 'string', minLength: 3, maxLength: 2000 },
  })
  @IsObject({ message: SUMMARY_SHAPE })
  changeSummary: Record<string, string>;

  @ApiProperty({ description: 'a material change is announced (login page, dashboard, e-mail to account holders where the tenant promises it)', example: true })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ ...EFFECTIVE_DATE_EXAMPLE, description: 'YYYY-MM-DD in the tenant\'s time zone; default today; never in the past (the preview proposes one)' })
  @IsOptional()
  @Matches(EFFECTIVE_DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'the draftHash of the publish preview: a draft that changed since is refused (409)', pattern: '^[0-9a-f]{64}$', example: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'draftHash must be the SHA-256 (64 hex digits) the preview returned' })
  draftHash?: string;
}

export class PublishPreviewDto {
  @ApiProperty({ description: 'whether the change is material (announced on the pages and, where the tenant promises it, by e-mail)', example: true })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ ...EFFECTIVE_DATE_EXAMPLE, description: 'YYYY-MM-DD; default: the proposed date (today, or today plus the tenant\'s notice period for a material change)' })
  @IsOptional()
  @Matches(EFFECTIVE_DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;

  @ApiPropertyOptional({
    description: 'the summaries to check (the preview lists the languages still missing)',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { en: 'Remote identity checks of clients were added.', et: 'Lisandus klientide isikusamasuse kaugtuvastamine.', lt: 'Pridėtas nuotolinis klientų tapatybės tikrinimas.' },
  })
  @IsOptional()
  @IsObject({ message: SUMMARY_SHAPE })
  changeSummary?: Record<string, string>;
}
