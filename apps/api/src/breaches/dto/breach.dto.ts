import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IntField } from '../../common/input/int-field';
import { datedProperty as dated } from '../../common/openapi';
import { BREACH_RISKS, BreachRisk, SUBJECTS_EXEMPTIONS, SubjectsExemption } from '@regula/breaches';
import { LANGS } from '@regula/engine';
import type { Lang } from '@regula/engine';

const TEXT = 10_000;

/** The route's parameters (documented by ApiTenantSlug and ApiIdParam on the controller). */
export class BreachParams {
  @IsString() slug: string;
  @IsUUID('all', { message: 'id must be a breach id (UUID)' }) id: string;
}

export class BreachListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'subjects-pending', 'notified', 'documented', 'closed'], description: 'Only breaches in this state', example: 'open' })
  @IsOptional()
  @IsIn(['open', 'subjects-pending', 'notified', 'documented', 'closed'])
  status?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200, example: 50 }) @IsOptional() @IntField('query', { min: 1, max: 200 }) limit?: number;
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, example: 0 }) @IsOptional() @IntField('query', { min: 0 }) offset?: number;
}

/** What the controller knows of a breach (GDPR Art. 33(3), 33(5)). */
export class RecordBreachDto {
  @ApiProperty({ description: 'a short name for the register', maxLength: 200, example: 'Lost laptop with the CRM export' }) @IsString() @MinLength(3) @MaxLength(200) title: string;

  @ApiProperty(dated(0, { description: 'when the controller became aware of the breach: the 72-hour clock starts here (Art. 33(1)); not in the future' }))
  @Type(() => Date)
  @IsDate({ message: 'awareAt must be a date-time (ISO 8601)' })
  awareAt: Date;

  @ApiPropertyOptional(dated(-1, { description: 'when the breach happened, if known (not after awareAt)' })) @IsOptional() @Type(() => Date) @IsDate({ message: 'occurredAt must be a date-time (ISO 8601)' }) occurredAt?: Date;

  @ApiProperty({ description: 'the nature of the breach (Art. 33(3)(a))', maxLength: TEXT, example: 'A laptop holding an unencrypted export of customer contacts was stolen from a car.' }) @IsString() @MinLength(5) @MaxLength(TEXT) nature: string;

  @ApiProperty({ type: [String], description: 'categories of personal data concerned', example: ['contact details'] })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true })
  dataCategories: string[];

  @ApiProperty({ type: [String], description: 'categories of data subjects concerned', example: ['customers'] })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true })
  subjectCategories: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'approximate number of data subjects', example: 1200 }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxSubjects?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'approximate number of personal data records', example: 1500 }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxRecords?: number;
  @ApiPropertyOptional({ description: 'likely consequences (Art. 33(3)(c))', maxLength: TEXT, example: 'Phishing attempts against the customers concerned.' }) @IsOptional() @IsString() @MaxLength(TEXT) likelyConsequences?: string;
  @ApiPropertyOptional({ description: 'measures taken or proposed (Art. 33(3)(d))', maxLength: TEXT, example: 'Remote wipe requested; customers warned by e-mail.' }) @IsOptional() @IsString() @MaxLength(TEXT) measures?: string;
  @ApiPropertyOptional({ description: "the DPO's or other contact point's name and contact details (Art. 33(3)(b)); default: from the controller's definition", maxLength: 1000, example: 'Data protection officer, dpo@medical-management.example' })
  @IsOptional() @IsString() @MaxLength(1000)
  dpoContact?: string;

  @ApiPropertyOptional({ enum: BREACH_RISKS, description: 'the risk to the rights and freedoms of natural persons; omit while not yet assessed', example: 'risk' })
  @IsOptional() @IsIn(BREACH_RISKS as string[])
  risk?: BreachRisk;

  @ApiPropertyOptional({ description: 'the reasoning of the risk assessment (required with risk)', maxLength: TEXT, example: 'Contact details only, no health data; phishing risk.' }) @IsOptional() @IsString() @MaxLength(TEXT) riskReasoning?: string;
}

export class UpdateBreachDto {
  @ApiPropertyOptional({ example: 'Lost laptop with the CRM export (encrypted)' }) @IsOptional() @IsString() @MinLength(3) @MaxLength(200) title?: string;
  @ApiPropertyOptional(dated(0, { description: 'moves the 72-hour deadline' })) @IsOptional() @Type(() => Date) @IsDate() awareAt?: Date;
  @ApiPropertyOptional(dated(-1)) @IsOptional() @Type(() => Date) @IsDate() occurredAt?: Date;
  @ApiPropertyOptional({ example: 'A laptop holding an export of customer contacts was stolen; its disk is encrypted.' }) @IsOptional() @IsString() @MinLength(5) @MaxLength(TEXT) nature?: string;
  @ApiPropertyOptional({ type: [String], example: ['contact details'] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) dataCategories?: string[];
  @ApiPropertyOptional({ type: [String], example: ['customers'] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) subjectCategories?: string[];
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1200 }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxSubjects?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1500 }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxRecords?: number;
  @ApiPropertyOptional({ example: 'Phishing attempts against the customers concerned.' }) @IsOptional() @IsString() @MaxLength(TEXT) likelyConsequences?: string;
  @ApiPropertyOptional({ example: 'Remote wipe requested; customers warned by e-mail.' }) @IsOptional() @IsString() @MaxLength(TEXT) measures?: string;
  @ApiPropertyOptional({ description: 'empty: back to the default from the controller\'s definition', example: 'Data protection officer, dpo@medical-management.example' }) @IsOptional() @IsString() @MaxLength(1000) dpoContact?: string;
  @ApiPropertyOptional({ enum: BREACH_RISKS, example: 'no-risk' }) @IsOptional() @IsIn(BREACH_RISKS as string[]) risk?: BreachRisk;
  @ApiPropertyOptional({ description: 'required with risk', example: 'The disk is encrypted (BitLocker) and the key was not with the laptop.' }) @IsOptional() @IsString() @MaxLength(TEXT) riskReasoning?: string;
  @ApiPropertyOptional({ description: "the authority's case number", example: 'AKI 2.1-5/26/1234' }) @IsOptional() @IsString() @MaxLength(200) authorityReference?: string;
  @ApiPropertyOptional({ description: 'reasons for a notification after 72 hours (Art. 33(1))', example: 'The scope was only known after the forensic report.' }) @IsOptional() @IsString() @MaxLength(TEXT) delayReasons?: string;
  @ApiPropertyOptional({ enum: ['closed', 'open'], description: 'closed: only when nothing the law requires is outstanding; open: reopens', example: 'closed' })
  @IsOptional() @IsIn(['closed', 'open'])
  status?: 'closed' | 'open';
}

export class AuthorityNotifiedDto {
  @ApiPropertyOptional(dated(0, { description: 'default: now; not before awareAt, not in the future' })) @IsOptional() @Type(() => Date) @IsDate() notifiedAt?: Date;
  @ApiPropertyOptional({ description: "the authority's case number or receipt", example: 'AKI 2.1-5/26/1234' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
  @ApiPropertyOptional({ description: 'required when notified after the 72 hours (Art. 33(1))', maxLength: TEXT, example: 'The scope was only known after the forensic report.' }) @IsOptional() @IsString() @MaxLength(TEXT) delayReasons?: string;
}

export class SubjectsNotifiedDto {
  @ApiPropertyOptional(dated(0, { description: 'default: now; not before awareAt, not in the future' })) @IsOptional() @Type(() => Date) @IsDate() notifiedAt?: Date;
  @ApiPropertyOptional({ description: 'how the subjects were told; with exemption (c): the public communication', maxLength: 2000, example: 'E-mail to every customer concerned' })
  @IsOptional() @IsString() @MaxLength(2000)
  method?: string;

  @ApiPropertyOptional({ enum: SUBJECTS_EXEMPTIONS, description: 'Art. 34(3): (a) encrypted, (b) risk removed, (c) disproportionate effort (public notice instead)', example: 'encrypted' })
  @IsOptional() @IsIn(SUBJECTS_EXEMPTIONS as string[])
  exemption?: SubjectsExemption;

  @ApiPropertyOptional({ description: 'why the exemption applies (required with exemption)', maxLength: TEXT, example: 'The export was encrypted with AES-256; the key was not compromised.' }) @IsOptional() @IsString() @MaxLength(TEXT) reasoning?: string;
}

/** The register as a file: `lang` the language of its headings and coded values. */
export class BreachExportQueryDto {
  @ApiPropertyOptional({ enum: LANGS, default: 'en', description: 'The language of the headings and of the coded values (status, risk, exemption)', example: 'lv' })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of: ${LANGS.join(', ')}` })
  lang?: Lang;
}
