import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One SLA e-mail sent to a tenant's compliance admins about a request, for one due instant (never twice). */
@Entity({ name: 'sla_notices' })
export class SlaNoticeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** 'reminder-14', 'reminder-0', 'overdue', 'extension-alarm'. */
  @Column({ type: 'text' }) kind: string;
  /** The due instant the notice was about (due_at, or first_due_at for the extension alarm). */
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'int', default: 0 }) recipients: number;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
