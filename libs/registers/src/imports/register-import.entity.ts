import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a held file is for. */
export type HeldImportKind = 'record' | 'requests';

/** A spreadsheet of registers held between its preview and its confirmation. */
@Entity({ name: 'register_imports' })
export class RegisterImportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** What the file holds: the record's registers, or requests of the past (libs/requests). */
  @Column({ type: 'text', default: 'record' }) kind: HeldImportKind;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ type: 'bytea' }) body: Buffer;
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true }) appliedAt: Date | null;
}
