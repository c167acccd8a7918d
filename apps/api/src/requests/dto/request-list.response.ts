import { ApiProperty } from '@nestjs/swagger';
import { IDENTITY_METHODS, REQUEST_STATES, REQUEST_TYPES } from '@regula/requests';
import { nullableObject } from '../../common/openapi';
import { RequestAssignee } from './request-view.response';

/** A request as the list shows it. */
export class RequestListItem {
  @ApiProperty({ format: 'uuid', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  id: string;

  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'in-progress' })
  state: string;

  @ApiProperty({ example: 'Mari Tamm' })
  requesterName: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a subject without e-mail', example: 'mari.tamm@example.com' })
  requesterEmail: string | null;

  @ApiProperty({ example: 'et' })
  locale: string;

  @ApiProperty({ example: 'web-form' })
  channel: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:00.000Z' })
  receivedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-21T21:59:59.999Z' })
  dueAt: Date;

  @ApiProperty({ format: 'date', example: '2026-12-21' })
  dueDate: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-21T21:59:59.999Z' })
  firstDueAt: Date;

  @ApiProperty({ example: false })
  extended: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the time limit was extended (Art. 12(3)); null: not extended', example: null })
  extendedAt: Date | null;

  @ApiProperty({ enum: IDENTITY_METHODS, example: 'email-link' })
  identityMethod: string;

  @ApiProperty({ example: true })
  identityVerified: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When the requester's identity was confirmed; null: not (yet)", example: '2026-11-20T08:20:00.000Z' })
  identityVerifiedAt: Date | null;

  @ApiProperty({ type: String, enum: ['identity', 'pause', null], nullable: true, description: 'The clock stands still (identity awaited, or an old pause); null: it runs', example: null })
  suspended: string | null;

  @ApiProperty({ description: 'Identity was first asked for later than REQUESTS_IDENTITY_LATE_DAYS after receipt', example: false })
  identityRequestLate: boolean;

  @ApiProperty({ description: 'A request of the past imported from a file (request-history), not received through Regula', example: false })
  imported: boolean;

  @ApiProperty({ description: 'Past its due instant, not closed and not suspended', example: false })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the SLA worker marked it overdue', example: null })
  overdueAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  closedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the requester confirmed the e-mail address', example: '2026-11-20T08:20:00.000Z' })
  emailVerifiedAt: Date | null;

  @ApiProperty({ description: 'Identity documents uploaded and not yet reviewed', example: 0 })
  documentsPending: number;

  @ApiProperty(nullableObject(RequestAssignee, { description: 'Who handles it (null: nobody yet)', example: null }))
  assignee: RequestAssignee | null;

  @ApiProperty({ type: String, nullable: true, description: 'The reference of the earlier request of the same type from the same subject this one repeats (flagged when filed); null: none', example: null })
  duplicateOf: string | null;
}

/** One page of the list: overdue first, then by due instant. */
export class RequestListResponse {
  @ApiProperty({ type: () => [RequestListItem] })
  items: RequestListItem[];

  @ApiProperty({ description: 'Requests matching the filter, all pages', example: 1 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 25 })
  pageSize: number;
}
