import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS, TENANT_ROLES } from '@regula/auth';

/** A tenant as the list gives it. */
export class TenantSummaryResponse {
  @ApiProperty({ example: 'medical-management' })
  slug: string;

  @ApiProperty({ example: 'Medical Management OÜ' })
  legalName: string;

  @ApiProperty({ type: String, nullable: true, description: 'the name the public knows it by, where it differs', example: 'Baltic Lasers' })
  brand: string | null;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'EE' })
  country: string;

  @ApiProperty({ description: 'IANA time zone: deadlines and dates are counted in it', example: 'Europe/Tallinn' })
  timeZone: string;

  @ApiProperty({ type: [String], description: 'the languages it publishes in', example: ['en', 'et', 'lt'] })
  languages: string[];
}

/** The caller's role in the tenant and what it allows. */
export class TenantAccessResponse {
  @ApiProperty({ enum: [...TENANT_ROLES, 'platform-admin'], example: 'compliance-admin' })
  role: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['tenant:read', 'registers:read', 'registers:write'] })
  permissions: string[];
}

/** One register of the tenant at its current version. */
export class TenantRegisterSummary {
  @ApiProperty({ example: 'log-data' })
  key: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'the name per language (English always)', example: { en: 'Log data and security', et: 'Logiandmed ja turvalisus' } })
  name: Record<string, string>;

  @ApiProperty({ type: 'integer', example: 1 })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  validFrom: Date;
}

/** A tenant with its controller definition, the caller's access and its registers. */
export class TenantDetailResponse extends TenantSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the controller definition (legal name, address, contacts, jurisdiction, branding...) as synced from its source', example: { slug: 'medical-management', legalName: 'Medical Management OÜ', brand: 'Baltic Lasers' } })
  controller: Record<string, unknown>;

  @ApiProperty({ type: () => TenantAccessResponse })
  access: TenantAccessResponse;

  @ApiProperty({ type: () => TenantRegisterSummary, isArray: true })
  registers: TenantRegisterSummary[];
}
