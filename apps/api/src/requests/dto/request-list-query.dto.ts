import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { LANGS, Lang } from '@regula/engine';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { IntField } from '../../common/input/int-field';
import { REQUEST_STATES, REQUEST_TYPES, RequestState, RequestType } from '@regula/requests';

/** Pages of a list: `page` (from 1) and `pageSize` (at most 100). */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, example: 1 })
  @IsOptional()
  @IntField('query', { min: 1, max: 100000 })
  page?: number;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100, example: 25 })
  @IsOptional()
  @IntField('query', { min: 1, max: 100 })
  pageSize?: number;
}

export class RequestListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATES, example: 'in-progress' })
  @IsOptional()
  @IsIn(REQUEST_STATES, { message: `state must be one of: ${REQUEST_STATES.join(', ')}` })
  state?: RequestState;

  @ApiPropertyOptional({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  @IsOptional()
  @IsIn(Object.keys(REQUEST_TYPES), { message: `type must be one of: ${Object.keys(REQUEST_TYPES).join(', ')}` })
  type?: RequestType;

  // Documented on the route (ApiQueryDay): its example is a day counted from when the document is served.
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'dueBefore must be a date YYYY-MM-DD' })
  dueBefore?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only overdue requests; false: only those not overdue', example: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: '"me": only the requests the caller handles ("my requests"); or a member id (UUID)', example: 'me' })
  @IsOptional()
  @Matches(/^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, { message: 'assignee must be "me" or a member id (UUID)' })
  assignee?: string;
}

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only the e-mails of one request', example: 'R-7KQ2-XM4P' })
  @IsOptional()
  @Matches(/^[Rr]-[2-9A-Za-z]{4}-[2-9A-Za-z]{4}$/, { message: 'reference must look like R-7KQ2-XM4P' })
  reference?: string;
}

/** The list's filters for an export: every page, so no `page` nor `pageSize`; `lang` the language of its headings and coded values. */
export class RequestExportQueryDto extends OmitType(RequestListQueryDto, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: LANGS, default: 'en', description: 'The language of the headings and of the coded values (type, state, channel, identity method, yes/no)', example: 'lv' })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of: ${LANGS.join(', ')}` })
  lang?: Lang;
}
