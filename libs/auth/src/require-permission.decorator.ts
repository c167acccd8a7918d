import { SetMetadata } from '@nestjs/common';
import { Permission } from './permissions';

export const PERMISSION_KEY = 'regula:permission';

/** The permission a tenant-scoped route requires (checked by TenantAccessGuard). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
