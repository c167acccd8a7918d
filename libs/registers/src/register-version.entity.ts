import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable version of a register. Exactly one per register is current. */
@Entity({ name: 'register_versions' })
export class RegisterVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'register_id', type: 'uuid' }) registerId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo: Date | null;
  @Column({ name: 'is_current', type: 'boolean' }) isCurrent: boolean;
  @Column({ type: 'text' }) author: string;
  @Column({ name: 'change_summary', type: 'text', nullable: true }) changeSummary: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
