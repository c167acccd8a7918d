import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TenantRole, Permission } from './permissions';

/** A user's role in one tenant. */
@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: TenantRole;
  /** Per-permission gates; null = the role's defaults. */
  @Column({ type: 'text', array: true, nullable: true }) permissions: Permission[] | null;
  /** Auditors may be given access until a date. */
  @Column({ name: 'access_until', type: 'timestamptz', nullable: true }) accessUntil: Date | null;
  /** The OpenID Connect identity (issuer, subject) this member signs in with; bound on the first single sign-on. */
  @Column({ name: 'sso_issuer', type: 'text', nullable: true }) ssoIssuer: string | null;
  @Column({ name: 'sso_subject', type: 'text', nullable: true }) ssoSubject: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
