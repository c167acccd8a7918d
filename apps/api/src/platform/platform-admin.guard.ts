import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthUser } from '@regula/auth';
import { NotFoundError } from '@regula/platform';

/**
 * Platform routes that name a tenant (after JwtAuthGuard): anyone but a
 * platform admin gets 404, as for a tenant route of a tenant they do not
 * belong to; nothing says whether the tenant exists. Runs before the body is
 * validated, so the answer does not depend on what was sent.
 */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user?.isPlatformAdmin) throw new NotFoundError('no such tenant');
    return true;
  }
}
