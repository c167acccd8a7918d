import type { AuthUser, TenantAccess } from '@regula/auth';
import { RequestActor, staffActor } from '@regula/requests';

/** The signed-in staff member as the requests core records them. */
export function actorOf(user: AuthUser, access: TenantAccess, ip: string): RequestActor {
  return staffActor(user, access.role, ip);
}
