import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const IDENTIFIER_KINDS = ['email', 'phone', 'customer-number', 'username'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** How a subject is recognised: unique per tenant, kind and normalised value. */
@Entity({ name: 'subject_identifiers' })
export class SubjectIdentifierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ type: 'text' }) kind: IdentifierKind;
  /** Lower-cased e-mail, E.164-ish phone (digits and leading +), trimmed others. */
  @Column({ type: 'text' }) value: string;
}
