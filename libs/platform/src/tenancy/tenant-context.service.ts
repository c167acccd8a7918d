import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

const TENANT_ID = 'regula.tenantId';
const TENANT_SLUG = 'regula.tenantSlug';

export class TenantContextMissingError extends Error {
  constructor() {
    super('no tenant in context: set by the tenant guard (HTTP) or the processor wrapper (jobs)');
  }
}

/**
 * The current tenant (tenancy layer 2 of three), held in nestjs-cls: set by the
 * tenant guard for HTTP and by the processor wrapper for jobs. Reading it
 * when unset throws rather than defaulting to anything.
 */
@Injectable()
export class TenantContext {
  constructor(private readonly cls: ClsService) {}

  get tenantId(): string {
    const id = this.cls.isActive() ? this.cls.get<string | undefined>(TENANT_ID) : undefined;
    if (!id) throw new TenantContextMissingError();
    return id;
  }

  get slug(): string {
    this.tenantId;
    return this.cls.get<string>(TENANT_SLUG);
  }

  get isSet(): boolean {
    return this.cls.isActive() && !!this.cls.get(TENANT_ID);
  }

  set(tenantId: string, slug: string): void {
    this.cls.set(TENANT_ID, tenantId);
    this.cls.set(TENANT_SLUG, slug);
  }

  /** Runs `fn` in a fresh context bound to one tenant (jobs, CLI). */
  run<T>(tenantId: string, slug: string | null, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.set(tenantId, slug ?? '');
      return fn();
    });
  }
}
