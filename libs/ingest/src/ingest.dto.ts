import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { IDENTIFIER_KINDS, IdentifierKind } from '@regula/subjects';
import {
  ConsentInput, DisclosureInput, IdentifierInput, IngestBatch, MAX_BATCH_ITEMS, RecordInput, SubjectInput,
} from './ingest-batch';

/**
 * Whitelisted DTOs of POST /api/v1/ingest/:slug/batch. They check shapes;
 * ingest-validation.ts checks the content against the tenant's registers.
 */

const ISO = { strict: true };
const EXTERNAL_ID = { description: "The system's own id of the item: re-sending the same id updates it (idempotent).", maxLength: 200, example: 'crm-contact-10023-email' };

/**
 * A timestamp whose example is `days` from the day the API document is served
 * (the API's OpenAPI document fills it: its `x-example-day-offset` mark, which
 * a lib cannot import from the app), so the example never goes stale.
 * The examples are those of the demo tenant medical-management (system `crm`).
 */
const dated = (days: number, more: ApiPropertyOptions = {}): ApiPropertyOptions =>
  ({ type: String, format: 'date-time', ...more, ...({ 'x-example-day-offset': days } as object) }) as ApiPropertyOptions;

export class IdentifierDto implements IdentifierInput {
  @ApiProperty({ enum: IDENTIFIER_KINDS, example: 'email' })
  @IsIn(IDENTIFIER_KINDS)
  kind: IdentifierKind;

  @ApiProperty({ description: 'Normalised on arrival: e-mail lower-cased, phone as +<digits> (national numbers get the tenant\'s country code).', example: 'anna.berzina@example.lv' })
  @IsString()
  @Length(1, 320)
  value: string;
}

export class SubjectDto implements SubjectInput {
  @ApiPropertyOptional({ description: "The system's reference of the person; echoed in the response, not stored.", maxLength: 200, example: 'crm-contact-10023' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalRef?: string;

  @ApiProperty({ type: [IdentifierDto], description: 'At least one; a subject is found again by any of them.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers: IdentifierDto[];

  @ApiPropertyOptional({ maxLength: 200, example: 'Anna Bērziņa' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ example: 'lv' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/)
  locale?: string;
}

export class AnchorsDto {
  @ApiPropertyOptional(dated(-1, { description: 'ISO timestamp with offset, or a date (midnight in the tenant\'s time zone)' })) @IsOptional() @IsISO8601(ISO) 'contract-ended'?: string;
  @ApiPropertyOptional(dated(-1)) @IsOptional() @IsISO8601(ISO) 'account-closed'?: string;
  @ApiPropertyOptional(dated(-1)) @IsOptional() @IsISO8601(ISO) 'consent-withdrawn'?: string;
  @ApiPropertyOptional(dated(-1)) @IsOptional() @IsISO8601(ISO) 'last-activity'?: string;
  @ApiPropertyOptional(dated(-1, { description: 'Derived from collectedAt and the financial year when not given' })) @IsOptional() @IsISO8601(ISO) 'financial-year-end'?: string;
  @ApiPropertyOptional(dated(-1, { description: 'Derived when not given (SE Bokföringslagen 7:2)' })) @IsOptional() @IsISO8601(ISO) 'calendar-year-end-after-financial-year'?: string;
  @ApiPropertyOptional(dated(-1)) @IsOptional() @IsISO8601(ISO) 'request-closed'?: string;
  @ApiPropertyOptional(dated(-1, { description: 'Defaults to collectedAt' })) @IsOptional() @IsISO8601(ISO) recorded?: string;
}

/** What records, consents and disclosures each carry: the item's id in the system, its subject and its register. */
abstract class SubjectItemDto {
  @ApiProperty(EXTERNAL_ID)
  @IsString()
  @Length(1, 200)
  externalId: string;

  @ApiProperty({ type: IdentifierDto })
  @ValidateNested()
  @Type(() => IdentifierDto)
  subject: IdentifierDto;

  @ApiProperty({ description: 'A register key of the tenant that receives data from this system', example: 'direct-marketing' })
  @IsString()
  @Length(1, 100)
  register: string;
}

export class RecordDto extends SubjectItemDto implements RecordInput {
  @ApiProperty({ description: 'A data category the register declares', example: 'marketing-contact' })
  @IsString()
  @Length(1, 100)
  category: string;

  @ApiProperty({
    description: 'The data itself: any JSON value but null (at most 64 KiB)',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    example: { email: 'anna.berzina@example.lv' },
  })
  @IsDefined()
  value: unknown;

  @ApiProperty(dated(-1, { description: "ISO timestamp with offset, or a date (midnight in the tenant's time zone); not in the future" }))
  @IsISO8601(ISO)
  collectedAt: string;

  @ApiPropertyOptional({ type: AnchorsDto, description: 'Anchor events retention runs from, when they have happened' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnchorsDto)
  anchors?: AnchorsDto;
}

export class ConsentDto extends SubjectItemDto implements ConsentInput {
  @ApiProperty({ description: 'A purpose of the register that relies on consent (Art. 6(1)(a))', example: 'personalised-offers' })
  @IsString()
  @Length(1, 100)
  purpose: string;

  @ApiProperty(dated(-1))
  @IsISO8601(ISO)
  givenAt: string;

  @ApiProperty({ example: 'web-form', maxLength: 50 })
  @IsString()
  @Length(1, 50)
  channel: string;

  @ApiPropertyOptional({ description: 'The privacy-policy version shown when consent was given', example: '2025-1' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  policyVersion?: string;

  @ApiPropertyOptional(dated(0, { description: 'When the consent was withdrawn (not in the future); a withdrawal cannot be undone' }))
  @IsOptional()
  @IsISO8601(ISO)
  withdrawnAt?: string;
}

export class DisclosureDto extends SubjectItemDto implements DisclosureInput {
  @ApiProperty({ description: "One of the register's recipients", example: 'email-service' })
  @IsString()
  @Length(1, 100)
  recipient: string;

  @ApiProperty({ type: [String], description: 'Data categories of the register that were disclosed', example: ['marketing-contact'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  categories: string[];

  @ApiProperty(dated(-1))
  @IsISO8601(ISO)
  disclosedAt: string;
}

/** An optional list of at most MAX_BATCH_ITEMS items of `type`, each validated as one. */
function BatchItems(type: new () => object): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: [type] }), IsOptional(), IsArray(), ArrayMaxSize(MAX_BATCH_ITEMS), ValidateNested({ each: true }), Type(() => type));
}

/** One bulk upsert: up to 1000 items in all; refused whole when any item is invalid. */
export class IngestBatchDto implements IngestBatch {
  @BatchItems(SubjectDto)
  subjects?: SubjectDto[];

  @BatchItems(RecordDto)
  records?: RecordDto[];

  @BatchItems(ConsentDto)
  consents?: ConsentDto[];

  @BatchItems(DisclosureDto)
  disclosures?: DisclosureDto[];
}
