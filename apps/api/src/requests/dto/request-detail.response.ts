import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_ACTIONS, REQUEST_STATES } from '@regula/requests';
import { nullableObject } from '../../common/openapi';
import { RequestAssignee, RequestIdentityDocument, RequestView } from './request-view.response';

/** An open suspension: the clock stands still since `since`. */
export class RequestOpenSuspension {
  @ApiProperty({ enum: ['identity', 'pause'], description: "'identity': waiting for identity information (Art. 12(6)); 'pause': an old free-text pause", example: 'identity' })
  kind: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:16:00.000Z' })
  since: Date;

  @ApiProperty({ example: 'waiting for the e-mail code' })
  reason: string;
}

/** The request's deadline, explained step by step with the legal references. */
export class RequestDeadlineView {
  @ApiProperty({ format: 'date', example: '2026-12-21' })
  dueDate: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-21T21:59:59.999Z' })
  dueAt: Date;

  @ApiProperty({ format: 'date', description: 'The one-month date (Art. 12(3))', example: '2026-12-21' })
  firstDueDate: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-21T21:59:59.999Z' })
  firstDueAt: Date;

  @ApiProperty({ example: false })
  extended: boolean;

  @ApiProperty({ description: 'In progress, not yet extended, and still within the first month', example: true })
  canExtend: boolean;

  @ApiProperty(nullableObject(RequestOpenSuspension, { description: 'The suspension that lasts now, if any', example: null }))
  suspended: RequestOpenSuspension | null;

  @ApiProperty({ description: 'Whole local days the clock stood still', example: 0 })
  suspendedDays: number;

  @ApiProperty({ example: false })
  overdue: boolean;

  @ApiProperty({ type: [String], description: 'Step by step, each with its legal reference (an open suspension counts until now)', example: ['Received on 2026-11-20 (Art. 12(3) GDPR).', 'One month later: 2026-12-20, a Sunday; moved to 2026-12-21 (Regulation 1182/71 Art. 3(4)).'] })
  explanation: string[];

  @ApiProperty({ type: [String], description: 'The same for the one-month date', example: ['Received on 2026-11-20 (Art. 12(3) GDPR).'] })
  firstExplanation: string[];
}

/** One entry of the request's timeline (every transition, message, pause and action). */
export class RequestTimelineEntry {
  @ApiProperty({ format: 'uuid', example: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  tenantId: string;

  @ApiProperty({ format: 'uuid', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  requestId: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:00.000Z' })
  at: Date;

  @ApiProperty({ description: "'transition', 'message', 'identity-evidence', 'fulfilment', 'note', 'assignment'...", example: 'transition' })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  fromState: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'received' })
  toState: string | null;

  @ApiProperty({ description: "'subject', 'system', or the staff member's e-mail", example: 'subject' })
  actor: string;

  @ApiProperty({ type: String, nullable: true, description: "The staff member's name, when the actor is a member", example: null })
  actorName: string | null;

  @ApiProperty({ description: 'Shown to the subject on the status page', example: true })
  visibleToSubject: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Request received' })
  note: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per kind (a key naming the step, ids, dates)', example: { key: 'received' } })
  data: Record<string, unknown>;
}

/** A stretch during which the clock stood still. */
export class RequestSuspensionView {
  @ApiProperty({ format: 'uuid', example: '4e5f6a7b-8c9d-4e0f-8a1b-2c3d4e5f6a7b' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  tenantId: string;

  @ApiProperty({ format: 'uuid', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  requestId: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:16:00.000Z' })
  fromAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while it lasts', example: '2026-11-20T08:20:00.000Z' })
  toAt: Date | null;

  @ApiProperty({ example: 'waiting for the e-mail code' })
  reason: string;

  @ApiProperty({ enum: ['identity', 'pause'], example: 'identity' })
  kind: string;
}

/** An internal note (staff only). */
export class RequestNoteView {
  @ApiProperty({ format: 'uuid', example: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-21T09:00:00.000Z' })
  at: Date;

  @ApiProperty({ description: "The author's e-mail", example: 'admin@medical-management.example' })
  author: string;

  @ApiProperty({ example: 'Called the patient to clarify the period.' })
  text: string;
}

/** A note as the detail shows it, with the author's name. */
export class RequestNoteWithName extends RequestNoteView {
  @ApiProperty({ type: String, nullable: true, description: "The author's name (null: no longer a member)", example: 'Kadri Kask' })
  authorName: string | null;
}

/** A message written to the subject. */
export class RequestMessageView {
  @ApiProperty({ format: 'uuid', example: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-21T09:30:00.000Z' })
  at: Date;

  @ApiProperty({ description: "The writer's e-mail", example: 'admin@medical-management.example' })
  from: string;

  @ApiProperty({ type: String, nullable: true, example: 'We are collecting your records and will answer within the month.' })
  text: string | null;
}

/** An e-mail Regula wrote about the request (no text: see the outbox). */
export class RequestEmailSummary {
  @ApiProperty({ format: 'uuid', example: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a' })
  id: string;

  @ApiProperty({ example: 'request-received' })
  template: string;

  @ApiProperty({ description: 'Codes and link tokens redacted', example: 'We received your request R-7KQ2-XM4P' })
  subject: string;

  @ApiProperty({ enum: ['outbox', 'pending', 'sent', 'failed'], example: 'outbox' })
  status: string;

  @ApiProperty({ example: 'mari.tamm@example.com' })
  to: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:01.000Z' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  sentAt: Date | null;

  @ApiProperty({ example: 'et' })
  locale: string;
}

/** The supervisory authority the subject may complain to. */
export class RequestAuthorityView {
  @ApiProperty({ example: 'Andmekaitse Inspektsioon' })
  name: string;

  @ApiProperty({ example: 'Estonian Data Protection Inspectorate' })
  nameEn: string;

  @ApiProperty({ example: 'AKI' })
  abbreviation: string;
}

/** Where the controller promises the withdrawal limit. */
export class RequestWithdrawalLimitRef {
  @ApiProperty({ description: "The controller's privacy notice (each language words it)", example: true })
  notice: boolean;

  @ApiProperty({ example: 'Privacy notice' })
  title: string;

  @ApiProperty({ required: false, description: 'The clause ("15")', example: '15' })
  clause?: string;

  @ApiProperty({ required: false, description: 'The place, when it is not a clause', example: 'section 4' })
  at?: string;
}

/** A consent withdrawal's promised outer limit, from receipt (a limit, not a waiting period). */
export class RequestWithdrawalLimit {
  @ApiProperty({ example: 3 })
  workingDays: number;

  @ApiProperty({ format: 'date', example: '2026-11-25' })
  dueDate: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-25T21:59:59.999Z' })
  dueAt: Date;

  @ApiProperty(nullableObject(RequestWithdrawalLimitRef, { example: { notice: true, title: 'Privacy notice', clause: '15' } }))
  ref: RequestWithdrawalLimitRef | null;

  @ApiProperty({ description: 'Open and past the limit', example: false })
  passed: boolean;
}

/** The earlier request a duplicate repeats. */
export class RequestEarlierDuplicate {
  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'in-progress' })
  state: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:00.000Z' })
  receivedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  closedAt: Date | null;
}

/** A later request that repeats this one. */
export class RequestLaterDuplicate {
  @ApiProperty({ example: 'R-9MZT-4HQR' })
  reference: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'merged' })
  state: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-27T10:02:00.000Z' })
  receivedAt: Date;
}

/** The request's duplicates: the earlier request it repeats and the later ones repeating it (same type, same subject, within the tenant's window). */
export class RequestDuplicates {
  @ApiProperty(nullableObject(RequestEarlierDuplicate, { description: 'The earlier request this one repeats; null: none', example: null }))
  duplicateOf: RequestEarlierDuplicate | null;

  @ApiProperty({ type: () => [RequestLaterDuplicate], description: 'The later requests that repeat this one, oldest first' })
  duplicates: RequestLaterDuplicate[];
}

/** Everything the staff need about one request. */
export class RequestDetailResponse {
  @ApiProperty({ type: () => RequestView })
  request: RequestView;

  @ApiProperty({ enum: REQUEST_ACTIONS, isArray: true, description: "The state machine's actions allowed in the current state", example: ['extend', 'request-fee', 'message', 'reply', 'complete', 'refuse', 'withdraw'] })
  allowedActions: string[];

  @ApiProperty({ type: () => RequestDeadlineView })
  deadline: RequestDeadlineView;

  @ApiProperty({ type: () => [RequestTimelineEntry], description: 'Oldest first' })
  timeline: RequestTimelineEntry[];

  @ApiProperty(nullableObject(RequestAssignee, { description: 'Who handles it (null: nobody yet)', example: null }))
  assignee: RequestAssignee | null;

  @ApiProperty({ type: () => [RequestNoteWithName], description: 'Internal notes, oldest first: staff only, never on the status page' })
  notes: RequestNoteWithName[];

  @ApiProperty({ type: () => [RequestSuspensionView], description: 'Oldest first' })
  suspensions: RequestSuspensionView[];

  @ApiProperty({ type: () => [RequestIdentityDocument], description: 'Identity documents (metadata; the content downloads at …/evidence/{id})' })
  evidence: RequestIdentityDocument[];

  @ApiProperty({ type: () => [RequestMessageView], description: 'The messages written to the subject' })
  messages: RequestMessageView[];

  @ApiProperty({ type: () => [RequestEmailSummary], description: "The request's e-mails, oldest first" })
  emails: RequestEmailSummary[];

  @ApiProperty({ type: () => RequestAuthorityView })
  authority: RequestAuthorityView;

  @ApiProperty(nullableObject(RequestWithdrawalLimit, { description: "A consent withdrawal's outer limit the controller promised; null for other types or when none is promised", example: null }))
  withdrawalLimit: RequestWithdrawalLimit | null;

  @ApiProperty({ type: () => RequestDuplicates })
  duplicates: RequestDuplicates;
}
