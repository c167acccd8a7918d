import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestType } from '../request-types';

/** Where a proposed original arrival was read: the controller's last `Received` header, else the `Date` header. */
export type ArrivalSource = 'received-header' | 'date-header';

/**
 * A message the SMTP intake accepted for a tenant, stored (raw) before `250` was
 * answered; the request's original. `requestId` is null until its request is filed.
 */
@Entity({ name: 'intake_messages' })
export class IntakeMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** The instant Regula accepted it in the SMTP transaction: the request's receipt. */
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt: Date;
  @Column({ name: 'envelope_from', type: 'text' }) envelopeFrom: string;
  @Column({ name: 'envelope_to', type: 'text' }) envelopeTo: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  /** The message as received (RFC 5322 bytes), not loaded unless asked for. */
  @Column({ type: 'bytea', select: false }) raw: Buffer;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'filing_attempts', type: 'int', default: 0 }) filingAttempts: number;
  @Column({ name: 'filing_error', type: 'text', nullable: true }) filingError: string | null;
  /** Forwarded by a member from the controller's mailbox (not sent by the subject to the intake). */
  @Column({ type: 'boolean', default: false }) forwarded: boolean;
  @Column({ name: 'proposed_type', type: 'text', nullable: true }) proposedType: RequestType | null;
  /** A forwarded message's original arrival at the controller, never later than `acceptedAt`. */
  @Column({ name: 'proposed_received_at', type: 'timestamptz', nullable: true }) proposedReceivedAt: Date | null;
  @Column({ name: 'proposed_received_source', type: 'text', nullable: true }) proposedReceivedSource: ArrivalSource | null;
  /** When an admin confirmed (or corrected) the proposals; null while they wait. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
