import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TenantRole } from '../permissions';

/** A tenant's OpenID Connect provider for staff sign-in (one per tenant). */
@Entity({ name: 'tenant_sso' })
export class TenantSsoEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Shown on the sign-in button: "Sign in with <name>". */
  @Column({ name: 'provider_name', type: 'text' }) providerName: string;
  @Column({ type: 'text' }) issuer: string;
  @Column({ name: 'client_id', type: 'text' }) clientId: string;
  /** The client secret sealed by the secret box (SecretBox, context `<tenant id>:sso-client-secret`). */
  @Column({ name: 'client_secret_sealed', type: 'text', select: false }) clientSecretSealed: string;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  /** The role a person the tenant does not know gets on signing in (just in time); null: refused. */
  @Column({ name: 'jit_role', type: 'text', nullable: true }) jitRole: TenantRole | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
