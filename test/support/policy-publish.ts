import { AdminClient } from './admin-client';

/**
 * One change summary per language, for tests that publish: each language gets
 * its own text (`[lv] ...`), so a test can tell which language a reader got.
 */
export function summaries(languages: readonly string[], text: string): Record<string, string> {
  return Object.fromEntries(languages.map((l) => [l, `[${l}] ${text}`]));
}

/** The names of the per-language summary fields of the dashboard's publish form (`summary_lv`...). */
export function summaryFieldsOf(html: string): string[] {
  return [...html.matchAll(/<textarea id="p-summary-[a-z]{2}" name="(summary_[a-z]{2})"/g)].map((m) => m[1]);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=' };

/** The hidden fields of the review's "Publish" form (step 2), as a browser would send them; null when the review offers no Publish. */
export function confirmFormOf(html: string): Record<string, string> | null {
  const form = /<form[^>]*aria-labelledby="h-confirm">([\s\S]*?)<\/form>/.exec(html);
  if (!form) return null;
  const out: Record<string, string> = {};
  for (const m of form[1].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[m[1]] = m[2].replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e);
  return out;
}

/**
 * The dashboard's two steps: "Review" on the policies page (summaries per
 * language of the form, material, effective date), then "Publish" with what
 * the review carries. Returns both answers (publish is null when the review
 * offered no Publish button).
 */
export async function reviewAndPublish(
  c: AdminClient,
  slug: string,
  fields: { summary: string | Record<string, string>; material: 'yes' | 'no' | ''; effectiveDate?: string },
) {
  const page = await c.get(`/admin/t/${slug}/policies`);
  const draftId = /name="draftId" value="([0-9a-f-]{36})"/.exec(page.text)![1];
  const langs = summaryFieldsOf(page.text).map((n) => n.slice('summary_'.length));
  const texts = typeof fields.summary === 'string' ? summaries(langs, fields.summary) : fields.summary;
  const review = await c.post(`/admin/t/${slug}/policies/review`, {
    _csrf: AdminClient.csrfOf(page.text),
    draftId,
    material: fields.material,
    effectiveDate: fields.effectiveDate ?? '',
    ...Object.fromEntries(Object.entries(texts).map(([l, t]) => [`summary_${l}`, t])),
  });
  const confirm = confirmFormOf(review.text);
  const publish = confirm ? await c.post(`/admin/t/${slug}/policies/publish`, confirm) : null;
  return { page, review, confirm, publish };
}
