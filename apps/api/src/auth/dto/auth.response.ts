import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS, TENANT_ROLES } from '@regula/auth';

/** One tenant the signed-in staff member works in, with the role and what it allows. */
export class AuthMembershipResponse {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' })
  tenantId: string;

  @ApiProperty({ enum: TENANT_ROLES, example: 'compliance-admin' })
  role: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['tenant:read', 'registers:read', 'requests:read'] })
  permissions: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the membership ends then (a temporary auditor); null: no end', example: null })
  accessUntil: Date | null;
}

/** The signed-in staff member. */
export class AuthUserResponse {
  @ApiProperty({ format: 'uuid', example: '9c1d7e2a-4b3f-4a8e-8d6c-5e2f1a0b7c93' })
  id: string;

  @ApiProperty({ example: 'admin@medical-management.demo' })
  email: string;

  @ApiProperty({ example: 'Compliance admin, Medical Management OÜ' })
  displayName: string;

  @ApiProperty({ description: 'acts in every tenant', example: false })
  isPlatformAdmin: boolean;

  @ApiProperty({ description: 'the account still has its one-time password: only the password change and sign-out are allowed (403 elsewhere)', example: false })
  mustChangePassword: boolean;

  @ApiProperty({ type: () => AuthMembershipResponse, isArray: true })
  memberships: AuthMembershipResponse[];
}

/** A successful sign-in: the bearer token and who it belongs to. */
export class AuthLoginResponse {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5YzFkN2UyYSJ9.c2lnbmF0dXJl' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType: string;

  @ApiProperty({ type: 'integer', description: 'seconds the token is accepted for (then sign in again)', example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: () => AuthUserResponse })
  user: AuthUserResponse;
}
