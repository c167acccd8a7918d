import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { DAY_OFFSET, datedProperty } from '../../common/openapi';
import { MAX_ORIGINAL_BYTES, RECORDED_CHANNELS, REQUEST_TYPES, RecordedChannel, RequestType } from '@regula/requests';

/** A multipart form sends one `types` field per type, or one; JSON sends a list. */
const asList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

/**
 * A request that reached the controller by e-mail, post, phone or in person,
 * recorded by a compliance admin (JSON, or multipart with the `original`
 * file). The service checks the rest (the receipt instant, the contact, the
 * types the tenant offers) and answers 400 naming the field.
 */
export class RecordRequestDto {
  @ApiProperty({ enum: RECORDED_CHANNELS, example: 'post' })
  @IsIn(RECORDED_CHANNELS, { message: `channel must be one of: ${RECORDED_CHANNELS.join(', ')}` })
  channel: RecordedChannel;

  @ApiProperty(datedProperty(-1, { description: 'when it reached the controller: ISO 8601 with an offset, or a local date and time in the controller\'s time zone; never in the future' }))
  @IsString({ message: 'receivedAt must be a date and time' })
  @MaxLength(40)
  receivedAt: string;

  @ApiPropertyOptional({ description: 'why it is recorded only now: required when receivedAt is more than 30 days back', maxLength: 2000, example: 'The letter was misfiled at reception.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  lateReason?: string;

  @ApiPropertyOptional({ description: 'who at the controller received it (a member\'s name); default: the recording admin', maxLength: 200, example: 'Kadri Kask' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  receivedBy?: string;

  @ApiProperty({ description: "the subject's name", maxLength: 200, example: 'Mari Tamm' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'optional: without one nothing is e-mailed (no status link, no code); then give postalAddress or phone', maxLength: 254, example: 'mari.tamm@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Raua tn 12, 10120 Tallinn' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  postalAddress?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '+372 5123 4567' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ description: 'one request is recorded per type, each naming the others in details.recordedWith', enum: Object.keys(REQUEST_TYPES), isArray: true, example: ['access'] })
  @Transform(asList)
  @IsArray({ message: 'types must list request types' })
  @ArrayMinSize(1, { message: 'types must list at least one request type' })
  @ArrayMaxSize(10)
  @IsIn(Object.keys(REQUEST_TYPES), { each: true, message: `types must be among: ${Object.keys(REQUEST_TYPES).join(', ')}` })
  types: RequestType[];

  @ApiProperty({ description: "the request's language (one of the controller's)", example: 'en' })
  @IsString()
  @MaxLength(10)
  locale: string;

  @ApiPropertyOptional({ description: 'what the subject asked, in their words (details.message)', maxLength: 5000, example: 'Please send me a copy of the data you hold about me.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string;

  @ApiPropertyOptional({ description: 'per type, as the public form takes them (JSON only): corrections, period, registers, purposes, scope', type: 'object', additionalProperties: true, example: {} })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'how identity was established when recording (seen in person, a signed letter): the request starts in progress', maxLength: 2000, example: 'Signed letter; signature matches the one on file.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  identityNote?: string;
}

/** The OpenAPI body of the multipart variant. */
export const RECORD_REQUEST_MULTIPART = {
  type: 'object',
  required: ['channel', 'receivedAt', 'name', 'types', 'locale'],
  properties: {
    original: { type: 'string', format: 'binary', description: `optional: the original (an .eml, a PDF or image scan), judged by content; at most ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB` },
    channel: { type: 'string', enum: [...RECORDED_CHANNELS], example: 'post' },
    // Yesterday, counted from when the document is served (api-document.ts).
    receivedAt: { type: 'string', format: 'date-time', description: "ISO 8601 with an offset, or a local date and time of the controller; never in the future", [DAY_OFFSET]: -1 },
    lateReason: { type: 'string', description: 'required when receivedAt is more than 30 days back', example: 'The letter was misfiled at reception.' },
    receivedBy: { type: 'string', example: 'Kadri Kask' },
    name: { type: 'string', example: 'Mari Tamm' },
    email: { type: 'string', example: 'mari.tamm@example.com' },
    postalAddress: { type: 'string', example: 'Raua tn 12, 10120 Tallinn' },
    phone: { type: 'string', example: '+372 5123 4567' },
    types: { type: 'array', items: { type: 'string', enum: Object.keys(REQUEST_TYPES) }, example: ['access'] },
    locale: { type: 'string', example: 'en' },
    message: { type: 'string', example: 'Please send me a copy of the data you hold about me.' },
    details: { type: 'object', additionalProperties: true, description: 'JSON only: per type, as the public form takes them', example: {} },
    identityNote: { type: 'string', example: 'Signed letter; signature matches the one on file.' },
  },
};
