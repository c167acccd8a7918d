import { EntityManager } from 'typeorm';

/** An account holder to e-mail about a material change. */
export interface AccountHolder {
  subject_id: string;
  email: string;
  locale: string | null;
}

/**
 * Who is told of a material change by e-mail, written once for the announcer
 * (which sends) and the publish preview (which counts): the tenant's data
 * subjects, not erased, with an e-mail address and a live record in the
 * account registers (every register when `$2` is null), and, when `$3` names
 * a version, not yet told of it.
 */
const HOLDERS = `
  SELECT s.id AS subject_id, min(i.value) AS email, s.locale
    FROM data_subjects s
    JOIN subject_identifiers i ON i.subject_id = s.id AND i.kind = 'email'
   WHERE s.tenant_id = $1 AND s.erased_at IS NULL
     AND EXISTS (SELECT 1 FROM personal_data_records r
                  WHERE r.subject_id = s.id AND r.erased_at IS NULL
                    AND ($2::text[] IS NULL OR r.register_key = ANY($2::text[])))
     AND ($3::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM policy_announcements a WHERE a.version_id = $3 AND a.subject_id = s.id))
   GROUP BY s.id, s.locale`;

/** The next `limit` account holders not yet told of version `versionId`, in a stable order. */
export function accountHoldersToTell(em: EntityManager, tenantId: string, registers: string[] | null, versionId: string, limit: number): Promise<AccountHolder[]> {
  return em.query(`${HOLDERS} ORDER BY s.id LIMIT ${Math.max(1, Math.floor(limit))}`, [tenantId, registers, versionId]);
}

/** How many account holders would be e-mailed, per language of the e-mail (see announcementLanguage). */
export async function accountHoldersByLanguage(em: EntityManager, tenantId: string, registers: string[] | null, languages: readonly string[]): Promise<Record<string, number>> {
  const rows: { locale: string | null; n: string }[] = await em.query(`SELECT h.locale, count(*) AS n FROM (${HOLDERS}) h GROUP BY h.locale`, [tenantId, registers, null]);
  const out: Record<string, number> = {};
  for (const r of rows) {
    const lang = announcementLanguage(r.locale, languages);
    out[lang] = (out[lang] ?? 0) + Number(r.n);
  }
  return out;
}

/**
 * The language an account holder is written to: theirs where the policy has
 * it, else the tenant's own language before English (the policy's languages
 * are English plus the tenant's).
 */
export function announcementLanguage(locale: string | null, languages: readonly string[]): string {
  if (locale && languages.includes(locale)) return locale;
  return languages.find((l) => l !== 'en') ?? 'en';
}
