/**
 * The Redis key of a tenant's public-page generation: a number every API node
 * reads once per public request and keys its cached pages by. Whoever changes
 * what the pages show increments it (the API through its TenantPagesChanged
 * handler, the command line after its own changes), so that no node serves a
 * page older than the change.
 */
export function pageGenerationKey(tenantId: string): string {
  return `regula:pages:generation:${tenantId}`;
}
