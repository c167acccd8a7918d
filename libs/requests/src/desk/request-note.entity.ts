import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An internal note of the tenant's staff on a request: never shown to the subject, included in their later access package (Art. 15). */
@Entity({ name: 'request_notes' })
export class RequestNoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** The staff user who wrote it. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  /** Their e-mail when they wrote it (the user may be renamed or removed later). */
  @Column({ name: 'author_label', type: 'text' }) authorLabel: string;
  @Column({ type: 'text' }) text: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
