import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An account holder e-mailed about a material policy change (once per version). */
@Entity({ name: 'policy_announcements' })
export class PolicyAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'email_id', type: 'uuid', nullable: true }) emailId: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
