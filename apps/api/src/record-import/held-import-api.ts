import { ApiParam } from '@nestjs/swagger';
import type { AuthUser, TenantAccess } from '@regula/auth';
import { SHA256_EXAMPLE } from './dto/record-import.dto';

/** What the REST spreadsheet imports share (the record's, past requests'): the held file's key in the path, and who imports. */

/** The `:sha256` path parameter of a held file, documented once. */
export const ApiSha256 = () =>
  ApiParam({ name: 'sha256', description: "The file's SHA-256 (the preview's sha256)", schema: { type: 'string', pattern: '^[0-9a-f]{64}$', example: SHA256_EXAMPLE } });

/** Who imports, as the audit entry names them. */
export const importActorOf = (user: AuthUser, access: TenantAccess, ip: string) => ({ userId: user.id, label: `${user.email} (${access.role})`, ip });
