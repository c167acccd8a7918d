import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A document the subject uploaded to prove identity (a signed request, an
 * e-signed file), stored outside any public path, visible only to that
 * tenant's admins, checked by content type and size.
 */
@Entity({ name: 'identity_evidence' })
export class IdentityEvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  /** Detected from the content, not from the upload's claim. */
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  /** The file's name in the private upload store. */
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
  @Column({ name: 'reviewed_by', type: 'text', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decision: 'accepted' | 'rejected' | null;
  /** The reviewer's reason (shown to the subject when the document is rejected). */
  @Column({ name: 'review_note', type: 'text', nullable: true }) reviewNote: string | null;
}
