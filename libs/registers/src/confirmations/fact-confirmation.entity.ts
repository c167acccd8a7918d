import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's confirmation of one fact of a controller definition (an assumed
 * or unknown value kept or replaced). Rows are only added: a confirmation holds
 * while the fact's value hash is unchanged, so a sync that writes another value
 * makes the fact assumed again without touching this row.
 */
@Entity({ name: 'fact_confirmations' })
export class FactConfirmationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Linter-style path of the fact (`registers[clients].retention[client-data]`). */
  @Column({ type: 'text' }) path: string;
  /** SHA-256 of the value the person saw (engine `valueHash`). */
  @Column({ name: 'value_hash', type: 'char', length: 64 }) valueHash: string;
  /** The provenance class the fact had before (assumed or unknown). */
  @Column({ name: 'previous_class', type: 'text' }) previousClass: string;
  /** The value put in its place, when the person replaced it. */
  @Column({ type: 'jsonb', nullable: true }) replacement: unknown;
  @Column({ type: 'text' }) note: string;
  /** Confirmed by the demo set-up of `npm start` ("confirmed for the demo"), not by a real controller. */
  @Column({ name: 'for_demo', type: 'boolean', default: false }) forDemo: boolean;
  @Column({ name: 'confirmed_by', type: 'text' }) confirmedBy: string;
  @Column({ name: 'confirmed_by_user_id', type: 'uuid', nullable: true }) confirmedByUserId: string | null;
  @CreateDateColumn({ name: 'confirmed_at', type: 'timestamptz' }) confirmedAt: Date;
}
