import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { SourceSystemPrincipal } from '@regula/ingest';

/** The source system the ApiKeyGuard authenticated. */
export const CurrentSourceSystem = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): SourceSystemPrincipal => ctx.switchToHttp().getRequest().sourceSystem,
);
