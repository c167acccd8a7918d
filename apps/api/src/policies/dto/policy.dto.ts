import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IntField } from '../../common/input/int-field';
import { LANGS } from '@regula/engine';

export class PolicyDraftParams {
  @ApiProperty() @IsString() slug: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'id must be a policy draft id (UUID)' }) id: string;
}

export class PolicyVersionParams {
  @ApiProperty() @IsString() slug: string;
  @ApiProperty({ minimum: 1 }) @IntField('params', { min: 1 }) number: number;
}

export class PolicyLangQueryDto {
  @ApiPropertyOptional({ enum: LANGS }) @IsOptional() @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang?: string;
}

export class PolicyDiffQueryDto {
  @ApiProperty({ minimum: 1 }) @IntField('query', { min: 1 }) from: number;
  @ApiProperty({ minimum: 1 }) @IntField('query', { min: 1 }) to: number;
  @ApiProperty({ enum: LANGS }) @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang: string;
}

const EFFECTIVE_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SUMMARY_SHAPE = 'changeSummary must be one text per published language, e.g. { "lv": "...", "en": "..." }';

export class PublishPolicyDto {
  @ApiProperty({
    description: 'what changed, in words a reader understands, one text per language the policy is published in (shown in the archive, the banners and the e-mails in the reader\'s language); a missing language is refused (400, `changeSummary.<lang>`)',
    example: { lv: 'Pievienota klientu identitātes attālināta pārbaude.', en: 'Remote identity checks of clients were added.' },
    type: 'object',
    additionalProperties: { type: 'string', minLength: 3, maxLength: 2000 },
  })
  @IsObject({ message: SUMMARY_SHAPE })
  changeSummary: Record<string, string>;

  @ApiProperty({ description: 'a material change is announced (login page, dashboard, e-mail to account holders where the tenant promises it)' })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD in the tenant\'s time zone; default today; never in the past (the preview proposes one)', example: '2026-12-01' })
  @IsOptional()
  @Matches(EFFECTIVE_DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'the draftHash of the publish preview: a draft that changed since is refused (409)' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'draftHash must be the SHA-256 (64 hex digits) the preview returned' })
  draftHash?: string;
}

export class PublishPreviewDto {
  @ApiProperty({ description: 'whether the change is material (announced on the pages and, where the tenant promises it, by e-mail)' })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD; default: the proposed date (today, or today plus the tenant\'s notice period for a material change)' })
  @IsOptional()
  @Matches(EFFECTIVE_DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'the summaries to check (the preview lists the languages still missing)', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject({ message: SUMMARY_SHAPE })
  changeSummary?: Record<string, string>;
}
