import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { datedProperty } from '../common/openapi';

const SLUG = /^[a-z0-9-]+$/;
const REFERENCE = /^[A-Za-z0-9-]{1,40}$/;
const ID = /^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CorrectionDto {
  @ApiProperty({ format: 'uuid', description: "One of the subject's records", example: '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a' })
  @IsUUID()
  recordId: string;

  @ApiProperty({
    description: 'The corrected value (any JSON but null: erasure is a request of its own)',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
    example: 'Raua tn 12, 10120 Tallinn',
  })
  @IsDefined()
  value: unknown;
}

export class ObjectionDecisionDto {
  @ApiProperty({ enum: ['upheld', 'overridden'], description: 'Art. 21(1): overridden only for compelling legitimate grounds (or legal claims)', example: 'upheld' })
  @IsIn(['upheld', 'overridden'])
  outcome: 'upheld' | 'overridden';

  @ApiPropertyOptional({ description: 'The compelling legitimate grounds (required when overridden; the subject is told them)', maxLength: 4000, example: 'The records are needed to defend a pending legal claim.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  grounds?: string;
}

export class PeriodDto {
  // A year back, counted from when the document is served (a fixed date goes stale).
  @ApiProperty(datedProperty(-365, {}, 'date'))
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty(datedProperty(0, {}, 'date'))
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to: string;
}

/** What the admin adds to fulfil a request; everything else comes from the request and the registers. */
export class FulfilDto {
  @ApiPropertyOptional({ type: [CorrectionDto], description: 'rectification: the corrections to apply', example: [{ recordId: '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a', value: 'Raua tn 12, 10120 Tallinn' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CorrectionDto)
  corrections?: CorrectionDto[];

  @ApiPropertyOptional({ type: ObjectionDecisionDto, description: 'objection (Art. 21(1)): the decision', example: { outcome: 'upheld' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObjectionDecisionDto)
  decision?: ObjectionDecisionDto;

  @ApiPropertyOptional({ enum: ['a', 'b', 'c', 'd'], description: 'restriction: the Art. 18(1) ground', example: 'a' })
  @IsOptional()
  @IsIn(['a', 'b', 'c', 'd'])
  restrictionGround?: 'a' | 'b' | 'c' | 'd';

  @ApiPropertyOptional({ type: [String], description: 'Register ids: narrows or clarifies the scope the subject gave', example: ['customer-relationship'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ID, { each: true, message: 'registers must be register ids' })
  registers?: string[];

  @ApiPropertyOptional({ type: [String], description: "Purpose ids, as 'register:purpose' or 'purpose'", example: ['customer-relationship:customer-service'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID, { each: true, message: "purposes must be 'register:purpose' or 'purpose' ids" })
  purposes?: string[];

  @ApiPropertyOptional({ type: PeriodDto, description: "recipients in a period: overrides the request's period" })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ type: [String], description: 'access, recipients in a period: disclosures to authorities the law forbids naming (Inomedis clause 38)', example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  withheldDisclosureIds?: string[];
}

export class RequestParams {
  @IsString()
  @Matches(SLUG, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;

  @IsString()
  @Matches(REFERENCE, { message: 'reference must be letters, digits and hyphens' })
  reference: string;
}

/**
 * `?previewId=`: the preview to carry out (the preview's input, the data as it
 * is now; the result keeps the difference). Required: nothing is fulfilled
 * without a preview (issue 14 §3).
 */
export class ConfirmQuery {
  @ApiProperty({
    format: 'uuid',
    description:
      'Required. The `previewId` of a preview of this request (from `POST …/fulfil/preview`), made for its current type, not yet confirmed ' +
      'and at most 24 hours old. Missing or not a UUID: 400; not a preview of this request, already confirmed, made for another type or expired: 409.',
    example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b',
  })
  @IsUUID('all', { message: 'previewId must be the id (a UUID) of a preview of this request: preview the fulfilment first (POST …/fulfil/preview)' })
  previewId: string;
}

export class ArtifactParams extends RequestParams {
  @IsUUID()
  id: string;
}
