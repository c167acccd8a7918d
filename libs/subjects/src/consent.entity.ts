import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A consent a subject gave for one purpose of one register (GDPR Art. 7). */
@Entity({ name: 'consents' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  /** The system that reported it; null when given on Regula's own pages. */
  @Column({ name: 'source_system_id', type: 'uuid', nullable: true }) sourceSystemId: string | null;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  @Column({ name: 'register_key', type: 'text' }) registerKey: string;
  @Column({ name: 'purpose_id', type: 'text' }) purposeId: string;
  @Column({ name: 'given_at', type: 'timestamptz' }) givenAt: Date;
  /** How it was given: 'web-form', 'paper', 'e-mail'... */
  @Column({ type: 'text' }) channel: string;
  /** The privacy-policy version shown when it was given. */
  @Column({ name: 'policy_version', type: 'text', nullable: true }) policyVersion: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /**
   * When the withdrawal took effect: the instant it reached the controller
   * (GDPR Art. 7(3)), the same as `withdrawn_at` unless an earlier withdrawal
   * of the same consent was recorded later. Rows written before withdrawals
   * took effect on receipt had a later date; migration 1764550000000 set the
   * pending ones back to their withdrawal.
   */
  @Column({ name: 'withdrawal_effective_at', type: 'timestamptz', nullable: true }) withdrawalEffectiveAt: Date | null;
  /** Set when a policy version changed this purpose's text after the consent was given: it must be asked again. */
  @Column({ name: 'renewal_required_at', type: 'timestamptz', nullable: true }) renewalRequiredAt: Date | null;
  /** The policy version number whose publication required the renewal. */
  @Column({ name: 'renewal_policy_version', type: 'int', nullable: true }) renewalPolicyVersion: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
