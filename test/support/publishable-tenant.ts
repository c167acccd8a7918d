import { DataSource } from 'typeorm';
import { ControllerDefinition, lintController } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';

/**
 * A tenant's definition with the legal flaws of its notice corrected the way
 * the linter asks, as the controller would correct them, so that a test can
 * publish a policy: the tenants under `tenants/` state what the controllers
 * stated, and the linter's publication errors refuse publishing it.
 * - Inomedis: office video surveillance on legitimate interests (the notice's
 *   vital interests kept as `citedInNotice`); erasure, restriction and objection
 *   in every case of the law; portability requests without a qualified e-signature.
 * - Micromedic: access requests without signed paper; a change clause that does
 *   not speak of consent (the notice's wording kept in `notice.changeClause`).
 * - Softera Baltic: the vague "local partners in your region" withdrawn.
 * Throws when an error is left, so a test never publishes by accident of data.
 */
export function publishableTenant(slug: string): ControllerDefinition {
  const def = structuredClone(findTenant(slug)) as ControllerDefinition;
  if (!def) throw new Error(`no tenant ${slug}`);
  if (slug === 'inomedis') {
    for (const r of def.registers) for (const p of r.purposes) for (const b of p.legalBases) {
      if (b.article !== '6(1)(d)') continue;
      Object.assign(b, {
        article: '6(1)(f)',
        citedInNotice: '6(1)(d)',
        description: { lv: 'Inomedis leģitīmās intereses aizsargāt biroja apmeklētājus un īpašumu.', en: 'Inomedis\'s legitimate interest in protecting office visitors and property.' },
        legitimateInterest: { lv: 'Personu un īpašuma drošība birojā.', en: 'The safety of persons and property at the office.' },
      });
    }
  }
  for (const right of def.rights) delete right.limitedTo;
  if (def.requests.identity.perRight) {
    for (const [right, check] of Object.entries(def.requests.identity.perRight)) {
      if (check !== 'email-link') delete (def.requests.identity.perRight as Record<string, unknown>)[right];
    }
  }
  if (slug === 'micromedic') {
    def.notice.changeClause = { says: 'consent-to-changes', ref: def.policyChanges.ref };
    def.policyChanges.description = {
      en: 'We may update this policy from time to time; the latest version is always published on our website, and we tell you of material changes.',
      sv: 'Vi kan komma att uppdatera denna policy från tid till annan; den senaste versionen publiceras alltid på vår webbplats, och vi meddelar dig om väsentliga ändringar.',
    };
  }
  if (slug === 'softera-baltic') {
    for (const r of def.registers) {
      if (!Array.isArray(r.recipients)) continue;
      r.recipients = r.recipients.filter((x) => x.id !== 'local-partners');
      if (Array.isArray(r.transfers)) for (const t of r.transfers) t.recipients = t.recipients.filter((id) => id !== 'local-partners');
    }
  }
  const left = lintController(def).filter((f) => f.severity === 'error');
  if (left.length) throw new Error(`${slug} still has errors: ${left.map((f) => `${f.code} ${f.path}`).join(', ')}`);
  return def;
}

/** Syncs `publishableTenant(slug)` into the database (as `regula tenants sync` would). */
export async function syncPublishable(db: DataSource, slug: string): Promise<ControllerDefinition> {
  const def = publishableTenant(slug);
  const sync = new TenantSyncService(new AuditService());
  await db.transaction((em) => sync.sync(em, def, 'test: publishable'));
  return def;
}
