import { Permission, TenantRole } from './permissions';

/** The signed-in staff member, as guards and controllers see it. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  /** The account still has its one-time password: only the password change (and sign-out) is allowed. */
  mustChangePassword: boolean;
  memberships: { tenantId: string; role: TenantRole; permissions: Permission[]; accessUntil: Date | null }[];
}

/** What the tenant guard resolved for a tenant-scoped route. */
export interface TenantAccess {
  tenantId: string;
  slug: string;
  role: TenantRole | 'platform-admin';
  permissions: Permission[];
}

export interface JwtPayload {
  sub: string;
  typ: 'access';
  /** The token's id: a sign-out puts it on the denylist until the token expires. */
  jti: string;
  /** Issued at, in seconds with milliseconds (RFC 7519 NumericDate may be fractional). */
  iat?: number;
  exp?: number;
  /** Set on a session from a tenant's single sign-on: the token opens that tenant only. */
  tnt?: string;
}

/** The access token a request was authenticated with. */
export interface AccessTokenClaims {
  jti: string;
  /** Issued at, epoch milliseconds. */
  issuedAt: number;
  /** Expires at, epoch seconds. */
  exp: number;
  /** A single sign-on session: the tenant it is limited to. */
  tenantId?: string;
}

/** A verified access token and its holder. */
export interface SignedIn {
  user: AuthUser;
  token: AccessTokenClaims;
}
