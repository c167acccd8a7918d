import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RefusalGround, RequestState, RequestType } from './request-types';

/** A data subject's rights request (GDPR Art. 15-22, 7(3)). */
@Entity({ name: 'rights_requests' })
export class RightsRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Short reference shown to the subject and the admin, unique per tenant ("R-7KQ2-XM4P"). */
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) type: RequestType;
  @Column({ type: 'text' }) state: RequestState;
  /** The matched data subject, once identity is confirmed. */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId: string | null;
  /** Null for a subject without e-mail (a request an admin recorded from a letter, a call, a visit): no e-mail, no status link, no code. */
  @Column({ name: 'requester_email', type: 'text', nullable: true }) requesterEmail: string | null;
  @Column({ name: 'requester_name', type: 'text' }) requesterName: string;
  /** The subject's postal address or phone, where the request came by post, phone or in person (at least one contact). */
  @Column({ name: 'requester_address', type: 'text', nullable: true }) requesterAddress: string | null;
  @Column({ name: 'requester_phone', type: 'text', nullable: true }) requesterPhone: string | null;
  /** Who at the controller received a recorded request (a member's name); null for the web form. */
  @Column({ name: 'received_by', type: 'text', nullable: true }) receivedBy: string | null;
  /** Recorded on a later local day than it was received (request-recording.ts); the audit entry says so too. */
  @Column({ name: 'recorded_late', type: 'boolean', default: false }) recordedLate: boolean;
  /** Why a receipt more than 30 days back is recorded only now. */
  @Column({ name: 'late_reason', type: 'text', nullable: true }) lateReason: string | null;
  /** Language of the pages and e-mails for this request. */
  @Column({ type: 'text' }) locale: string;
  /** What the subject asked, per type: free text, fields to correct, period, purposes... */
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
  /** Through which channel it reached the controller: 'web-form', 'e-mail', 'post'... */
  @Column({ type: 'text', default: 'web-form' }) channel: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  /** The current legal due instant (one or three months, suspensions included). */
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  /** The one-month date, kept after an extension (the extension must be notified before it). */
  @Column({ name: 'first_due_at', type: 'timestamptz' }) firstDueAt: Date;
  @Column({ name: 'identity_method', type: 'text' }) identityMethod: 'email-link' | 'signed-written-request' | 'qualified-e-signature';
  @Column({ name: 'identity_verified_at', type: 'timestamptz', nullable: true }) identityVerifiedAt: Date | null;
  /** When identity information was first asked for (GDPR Art. 12(6)); null if never. */
  @Column({ name: 'identity_requested_at', type: 'timestamptz', nullable: true }) identityRequestedAt: Date | null;
  /** Asked for more than REQUESTS_IDENTITY_LATE_DAYS after receipt: flagged on the request and in the dashboard. */
  @Column({ name: 'identity_request_late', type: 'boolean', default: false }) identityRequestLate: boolean;
  /** Reminders sent while identity information is awaited (identity-wait-sweep.service.ts). */
  @Column({ name: 'identity_reminders_sent', type: 'integer', default: 0 }) identityRemindersSent: number;
  /** Closed as "identity not confirmed" at this instant (null otherwise); the request reopens when the information arrives. */
  @Column({ name: 'identity_wait_closed_at', type: 'timestamptz', nullable: true }) identityWaitClosedAt: Date | null;
  /** When the requester proved the e-mail address is theirs (the code); document methods also need the document. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  /** SHA-256 of the e-mail verification code; null once used. */
  @Column({ name: 'verification_hash', type: 'char', length: 64, nullable: true, select: false }) verificationHash: string | null;
  @Column({ name: 'verification_expires_at', type: 'timestamptz', nullable: true }) verificationExpiresAt: Date | null;
  @Column({ name: 'verification_attempts', type: 'int', default: 0 }) verificationAttempts: number;
  /** SHA-256 of the secret of the status link. */
  @Column({ name: 'status_token_hash', type: 'char', length: 64, select: false }) statusTokenHash: string;
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true }) extendedAt: Date | null;
  @Column({ name: 'extension_reason', type: 'text', nullable: true }) extensionReason: string | null;
  /** Art. 12(5): refused or charged as manifestly unfounded or excessive, with the justification. */
  @Column({ name: 'refusal_reason', type: 'text', nullable: true }) refusalReason: string | null;
  @Column({ name: 'refusal_ground', type: 'text', nullable: true }) refusalGround: RefusalGround | null;
  @Column({ name: 'fee_eur', type: 'numeric', nullable: true }) feeEur: string | null;
  /** Why a fee is asked (Art. 12(5)); the subject is warned before it is charged (EDPB 01/2022 §§175-194). */
  @Column({ name: 'fee_reason', type: 'text', nullable: true }) feeReason: string | null;
  @Column({ name: 'fee_requested_at', type: 'timestamptz', nullable: true }) feeRequestedAt: Date | null;
  /** What was done: the answer, kept records and why, links to packages. */
  @Column({ type: 'jsonb', nullable: true }) outcome: Record<string, unknown> | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** When the SLA worker found it past its due date unfinished and escalated it (libs/sla). */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  /**
   * When the SLA sweep must next look at it (libs/sla; `next-notice.ts`): never loaded nor written by
   * the ORM, so a save of a request loaded earlier cannot put back an older instant.
   */
  @Column({ name: 'next_notice_at', type: 'timestamptz', nullable: true, select: false, insert: false, update: false }) nextNoticeAt?: Date | null;
  /** The requester's normalised identity values (duplicates.ts `identityKeys`), compared to find an earlier request of the same subject. */
  @Column({ name: 'identity_keys', type: 'text', array: true, default: () => "'{}'", select: false }) identityKeys?: string[];
  /**
   * The earlier request of the same type from the same subject within the tenant's window (flagged when filed,
   * duplicates.ts); in state `merged` it is answered with that one.
   */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true }) duplicateOf: string | null;
  /** The tenant member who handles it (libs/requests/src/desk); null: nobody yet. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  /** SHA-256 of the single-use code that unlocks one download of the data package (desk/package-downloads.ts); null once used. */
  @Column({ name: 'download_code_hash', type: 'char', length: 64, nullable: true, select: false }) downloadCodeHash: string | null;
  @Column({ name: 'download_code_expires_at', type: 'timestamptz', nullable: true }) downloadCodeExpiresAt: Date | null;
  @Column({ name: 'download_code_attempts', type: 'int', default: 0 }) downloadCodeAttempts: number;
  /** A request of the past imported from a file (its SHA-256); null for a request Regula received. */
  @Column({ name: 'imported_sha256', type: 'char', length: 64, nullable: true }) importedSha256: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
