import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file Regula produced to answer a request (the access package as JSON,
 * HTML and CSV, a portability export, a recipients report), kept with the
 * request so the subject downloads it from the status page and the staff
 * from the dashboard. The body is personal data: never listed, only read on
 * download; deleted when the subject's data is erased.
 */
/** The kind of the request's original (the .eml or scan kept when a request was recorded): read only through the audited RequestOriginalService. */
export const ORIGINAL_KIND = 'original';
/** The kinds of the letters printed for a subject without e-mail start with this (PostalLettersService). */
export const LETTER_PREFIX = 'letter-';

/**
 * Files kept with a request for staff alone: its original (a member's forward may
 * carry internal remarks) and the letters printed for the post. The status link
 * never serves them, and the generic staff download leaves them to their own routes.
 */
export function isStaffOnlyFile(kind: string): boolean {
  return kind === ORIGINAL_KIND || kind.startsWith(LETTER_PREFIX);
}

@Entity({ name: 'request_artifacts' })
export class RequestArtifactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** 'access-json', 'access-html', 'access-csv', 'portability-json', 'portability-csv', 'recipients-json', 'recipients-csv'; 'reply' (an admin's upload, several per request). */
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  /** Empty when `buildId` is set: the body is then that build's chunks (`request_artifact_chunks`), written as the worker built it. */
  @Column({ type: 'bytea', select: false }) body: Buffer;
  /** The access package build whose chunks hold the body; null: the body is in `body`. */
  @Column({ name: 'build_id', type: 'uuid', nullable: true }) buildId: string | null;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  /** A reply's note to the subject (shown with the download); null for the other kinds. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** How a reply reached the subject: 'e-mail' (notified), 'post' or 'in-person' (recorded by the admin); null for the other kinds. */
  @Column({ type: 'text', nullable: true }) delivery: 'e-mail' | 'post' | 'in-person' | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
