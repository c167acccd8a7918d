import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser, TenantAccess } from '@regula/auth';

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantAccess => ctx.switchToHttp().getRequest().tenantAccess);
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().ip ?? 'unknown');
