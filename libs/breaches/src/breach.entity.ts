import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type BreachRisk = 'no-risk' | 'risk' | 'high-risk';
/** Art. 34(3): (a) unintelligible (encrypted), (b) later measures removed the high risk, (c) disproportionate effort: public notice instead. */
export type SubjectsExemption = 'encrypted' | 'risk-removed' | 'disproportionate-effort';
export type BreachStatus = 'open' | 'subjects-pending' | 'notified' | 'documented' | 'closed';

/** A personal data breach (GDPR Art. 33(5): every breach is documented, notified or not). */
@Entity({ name: 'breaches' })
export class BreachEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) title: string;
  /** When the controller became aware: the 72-hour clock starts here (Art. 33(1)). */
  @Column({ name: 'aware_at', type: 'timestamptz' }) awareAt: Date;
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true }) occurredAt: Date | null;
  /** awareAt + 72 hours, exactly (engine hoursDeadline; no weekend or holiday shift). */
  @Column({ name: 'deadline_at', type: 'timestamptz' }) deadlineAt: Date;
  @Column({ type: 'text' }) nature: string;
  @Column({ name: 'data_categories', type: 'text', array: true }) dataCategories: string[];
  @Column({ name: 'subject_categories', type: 'text', array: true }) subjectCategories: string[];
  @Column({ name: 'approx_subjects', type: 'int', nullable: true }) approxSubjects: number | null;
  @Column({ name: 'approx_records', type: 'int', nullable: true }) approxRecords: number | null;
  @Column({ name: 'likely_consequences', type: 'text', nullable: true }) likelyConsequences: string | null;
  @Column({ type: 'text', nullable: true }) measures: string | null;
  @Column({ name: 'dpo_contact', type: 'text' }) dpoContact: string;
  /** Null: not yet assessed. */
  @Column({ type: 'text', nullable: true }) risk: BreachRisk | null;
  @Column({ name: 'risk_reasoning', type: 'text', nullable: true }) riskReasoning: string | null;
  @Column({ name: 'authority_notified_at', type: 'timestamptz', nullable: true }) authorityNotifiedAt: Date | null;
  @Column({ name: 'authority_reference', type: 'text', nullable: true }) authorityReference: string | null;
  @Column({ name: 'subjects_notified_at', type: 'timestamptz', nullable: true }) subjectsNotifiedAt: Date | null;
  @Column({ name: 'subjects_notification_method', type: 'text', nullable: true }) subjectsNotificationMethod: string | null;
  @Column({ name: 'subjects_exemption', type: 'text', nullable: true }) subjectsExemption: SubjectsExemption | null;
  @Column({ name: 'subjects_exemption_reasoning', type: 'text', nullable: true }) subjectsExemptionReasoning: string | null;
  /** Art. 33(1): the reasons when the authority is notified after 72 hours. */
  @Column({ name: 'delay_reasons', type: 'text', nullable: true }) delayReasons: string | null;
  @Column({ type: 'text' }) status: BreachStatus;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** Clock reminders already e-mailed, as `<kind>@<deadline ISO>` (idempotence of the clock jobs). */
  @Column({ name: 'reminders_sent', type: 'text', array: true }) remindersSent: string[];
  /** Set by the worker when the 72 hours ended without a notification to the authority. */
  @Column({ name: 'deadline_passed_at', type: 'timestamptz', nullable: true }) deadlinePassedAt: Date | null;
  /**
   * When the sweep must next look at the clock (`nextClockAt`, written with every save; -infinity: to plan
   * again; null: nothing more). Not selected: it is the sweep's, not part of the breach's record.
   */
  @Column({ name: 'clock_next_at', type: 'timestamptz', nullable: true, select: false }) clockNextAt?: Date | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
