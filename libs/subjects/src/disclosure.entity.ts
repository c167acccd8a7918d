import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What was disclosed to whom and when: reported by the tenant's systems or
 * written by Regula itself (webhooks, access packages). Answers "who received
 * my data in a period" (Inomedis clause 38) and Art. 15(1)(c).
 */
@Entity({ name: 'disclosures' })
export class DisclosureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'register_key', type: 'text' }) registerKey: string;
  /** The register's recipient id ('courts', 'it-providers'...), or 'data-subject' / a source system name. */
  @Column({ name: 'recipient_id', type: 'text' }) recipientId: string;
  @Column({ name: 'recipient_name', type: 'text' }) recipientName: string;
  @Column({ type: 'text', array: true }) categories: string[];
  @Column({ name: 'disclosed_at', type: 'timestamptz' }) disclosedAt: Date;
  /** The system that reported it, or 'regula'. */
  @Column({ type: 'text' }) via: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis: string | null;
}
