import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stretch during which the deadline stood still: waiting for identity information (GDPR Art. 12(6), EDPB 01/2022 §159). */
@Entity({ name: 'request_suspensions' })
export class RequestSuspensionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'from_at', type: 'timestamptz' }) fromAt: Date;
  /** Null while it lasts. */
  @Column({ name: 'to_at', type: 'timestamptz', nullable: true }) toAt: Date | null;
  @Column({ type: 'text' }) reason: string;
  /** 'identity': waiting for identity information asked for under Art. 12(6) (the e-mail code, a document); 'pause': the former free-text pause, kept only in old rows (closed by CloseFreeTextPauses1764520000002). */
  @Column({ type: 'text', default: 'identity' }) kind: 'identity' | 'pause';
}
