/**
 * One intake address per tenant: `<slug>@<intake domain>`. Only that domain is
 * accepted (the receiver is no relay); the local part names the tenant.
 */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

export function intakeAddress(slug: string, domain: string): string {
  return `${slug}@${domain.toLowerCase()}`;
}

/** The tenant slug a recipient names, or null when it is not an intake address of `domain`. */
export function intakeSlug(recipient: string, domain: string): string | null {
  const at = recipient.lastIndexOf('@');
  if (at < 1) return null;
  const local = recipient.slice(0, at).toLowerCase();
  const host = recipient.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (host !== domain.toLowerCase()) return null;
  return SLUG.test(local) ? local : null;
}
