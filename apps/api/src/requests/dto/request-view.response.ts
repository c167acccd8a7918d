import { ApiProperty } from '@nestjs/swagger';
import { IDENTITY_METHODS, REFUSAL_GROUNDS, REQUEST_STATES, REQUEST_TYPES } from '@regula/requests';

/**
 * A rights request as the staff's REST answers give it: the stored row without
 * its secrets (the e-mail code's, the status link's and the download code's
 * hashes are never sent). The detail, the actions (extend, refuse, fee, confirm
 * identity), recording and the requester's correction all answer with it.
 */
export class RequestView {
  @ApiProperty({ format: 'uuid', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  tenantId: string;

  @ApiProperty({ description: 'Shown to the subject and the staff', example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'in-progress' })
  state: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The matched data subject (identity confirmed, or linked by an identifier)', example: null })
  subjectId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a subject without e-mail (recorded from a letter, a call, a visit)', example: 'mari.tamm@example.com' })
  requesterEmail: string | null;

  @ApiProperty({ example: 'Mari Tamm' })
  requesterName: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  requesterAddress: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  requesterPhone: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who at the controller received a recorded request; null for the web form', example: null })
  receivedBy: string | null;

  @ApiProperty({ description: 'Recorded on a later local day than it was received', example: false })
  recordedLate: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  lateReason: string | null;

  @ApiProperty({ example: 'et' })
  locale: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the subject asked, per type (free text, corrections, period, registers, purposes...)', example: { message: 'Please send me a copy of my data.' } })
  details: Record<string, unknown>;

  @ApiProperty({ description: "'web-form', 'e-mail', 'post', 'phone', 'in-person'", example: 'web-form' })
  channel: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:00.000Z' })
  receivedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'The current legal due instant (suspensions and extension included)', example: '2026-12-21T21:59:59.999Z' })
  dueAt: Date;

  @ApiProperty({ format: 'date', example: '2026-12-21' })
  dueDate: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The one-month due instant, kept after an extension', example: '2026-12-21T21:59:59.999Z' })
  firstDueAt: Date;

  @ApiProperty({ enum: IDENTITY_METHODS, example: 'email-link' })
  identityMethod: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-20T08:20:00.000Z' })
  identityVerifiedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When identity information was first asked for (Art. 12(6))', example: null })
  identityRequestedAt: Date | null;

  @ApiProperty({ example: false })
  identityRequestLate: boolean;

  @ApiProperty({ example: 0 })
  identityRemindersSent: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  identityWaitClosedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-20T08:20:00.000Z' })
  emailVerifiedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  verificationExpiresAt: Date | null;

  @ApiProperty({ example: 0 })
  verificationAttempts: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  extendedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  extensionReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  refusalReason: string | null;

  @ApiProperty({ type: String, enum: [...REFUSAL_GROUNDS, null], nullable: true, example: null })
  refusalGround: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Euros, as a decimal string', example: null })
  feeEur: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  feeReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  feeRequestedAt: Date | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What was done (per type: the answer, records kept and why, the files)', example: null })
  outcome: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  closedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the SLA worker found it overdue and escalated it', example: null })
  overdueAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The member who handles it', example: null })
  assigneeId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The earlier request of the same type from the same subject within the tenant\'s window, flagged when this one was filed (state merged: answered with it)', example: null })
  duplicateOf: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  downloadCodeExpiresAt: Date | null;

  @ApiProperty({ example: 0 })
  downloadCodeAttempts: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:00.000Z' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:20:00.000Z' })
  updatedAt: Date;
}

/** Who handles a request. */
export class RequestAssignee {
  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  userId: string;

  @ApiProperty({ description: "The member's display name (else the e-mail address)", example: 'Kadri Kask' })
  name: string;
}

/** An identity document's metadata (never its content, never where it is stored). */
export class RequestIdentityDocument {
  @ApiProperty({ format: 'uuid', example: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f7a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  tenantId: string;

  @ApiProperty({ format: 'uuid', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  requestId: string;

  @ApiProperty({ example: 'signed-request.pdf' })
  fileName: string;

  @ApiProperty({ description: 'Detected from the content', example: 'application/pdf' })
  contentType: string;

  @ApiProperty({ example: 48213 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-21T10:00:00.000Z' })
  uploadedAt: Date;

  @ApiProperty({ type: String, nullable: true, example: null })
  reviewedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  reviewedAt: Date | null;

  @ApiProperty({ type: String, enum: ['accepted', 'rejected', null], nullable: true, description: 'Null: waiting for review', example: null })
  decision: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The reviewer's reason (shown to the subject when rejected)", example: null })
  reviewNote: string | null;
}
