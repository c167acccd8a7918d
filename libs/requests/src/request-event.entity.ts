import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The timeline of a request: every transition, message, pause and action. */
@Entity({ name: 'request_events' })
export class RequestEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  /** 'transition', 'message', 'identity-evidence', 'fulfilment', 'pause', 'resume'... */
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: string | null;
  @Column({ name: 'to_state', type: 'text', nullable: true }) toState: string | null;
  /** 'subject', 'system', or the admin's e-mail. */
  @Column({ type: 'text' }) actor: string;
  /** Shown to the subject on the status page. */
  @Column({ name: 'visible_to_subject', type: 'boolean', default: false }) visibleToSubject: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
}
