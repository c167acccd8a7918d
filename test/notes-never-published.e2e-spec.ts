import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lang, Ref, Text } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { offeredLangs, offeredTypes } from '../apps/api/src/web/public-tenant';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { confirmAllFacts, loadDemoData } from './support/demo-tenant';
import { decodeHtml, readStatus } from './support/journey/html';
import { JourneyClient } from './support/journey/journey-client';

/**
 * Internal remarks and modelling notes stay in the dashboard and the auditor's
 * exports: none reaches a published policy, a public page, an e-mail or the
 * access package a subject receives, for any tenant, in any language. The notes
 * are collected from the definitions themselves (every ref's note, every remark
 * of the notice in every language), so a note added tomorrow is checked too.
 */

/** The notes a definition holds: long enough to be a sentence of their own (short ones, like "default", are common words). */
function notesOf(def: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, key));
    if (!v || typeof v !== 'object') return;
    if (key === 'ref') {
      const note = (v as Ref).note;
      if (typeof note === 'string') out.add(note);
      return;
    }
    if (key === 'remarks') for (const text of Object.values((v as { text: Text }).text)) if (typeof text === 'string') out.add(text);
    for (const [k, x] of Object.entries(v)) visit(x, k === 'ref' || k === 'remarks' ? k : key === 'remarks' ? undefined : k);
  };
  visit(def);
  return [...out].map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n.length >= 30);
}

/** Readable text of a page or an e-mail: tags dropped, entities decoded, spaces folded. */
const readable = (s: string) => decodeHtml(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/**
 * What is searched for: the whole note, and for a long one its first 100 characters
 * (a note often quotes the fact it is about, so shorter stretches of it rightly
 * appear in the reader's text; the note as written never does).
 */
function probes(note: string): string[] {
  return note.length > 120 ? [note, note.slice(0, 100)] : [note];
}

describe('no internal note reaches a reader', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let client: JourneyClient;
  let uploads: string;
  const outputs: { where: string; text: string }[] = [];
  const subjects: Record<string, string> = {
    'medical-management': 'mari.tamm@example.ee',
    'softera-baltic': 'ruta.kazlauskiene@example.lt',
    inomedis: 'anna.berzina@example.lv',
  };

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-notes-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, TRUST_PROXY: 'true', SMTP_URL: mailbox.smtpUrl }, { packageWorker: true });
    client = new JourneyClient(h, mailbox);
    for (const def of TENANTS) {
      const slug = def.slug;
      await confirmAllFacts(h.db.owner, slug);
      await loadDemoData(h, slug);
      await client.addAdmin(slug);
      const draft = await client.admin(slug, 'post', `/api/v1/tenants/${slug}/policies/drafts`);
      const summary = Object.fromEntries((draft.body.languages as string[]).map((l) => [l, `[${l}] first version`]));
      const published = await client.admin(slug, 'post', `/api/v1/tenants/${slug}/policies/drafts/${draft.body.id}/publish`).send({ changeSummary: summary, material: false });
      expect({ slug, status: published.status }).toEqual({ slug, status: 201 });

      // Every public page in every language the tenant offers.
      for (const lang of offeredLangs(def) as Lang[]) {
        const pages = ['/', '/privacy', '/privacy/versions', '/privacy/versions/1', ...offeredTypes(def).map((t) => `/request/${t}`)];
        for (const p of pages) {
          const res = await client.page(`/t/${slug}${p}?lang=${lang}`, client.nextIp());
          expect({ slug, p, status: res.status }).toEqual({ slug, p, status: 200 });
          outputs.push({ where: `${slug} ${p} (${lang})`, text: readable(res.text) });
        }
      }

      // The e-mails of a request, its status page and, where the e-mail code is enough, the access package.
      const email = subjects[slug] ?? `reader@${slug}.test`;
      const lang = def.jurisdiction.languages[0];
      const filed = await client.fileByForm(slug, 'access', lang, { name: 'Demo Subject', email });
      await client.verifyByForm(filed, await client.codeReceived(filed.reference));
      const done = await client.fulfil(slug, filed.reference, {});
      if (done.status === 200) {
        const status = await client.page(filed.statusLink, filed.ip);
        outputs.push({ where: `${slug} status page`, text: readable(status.text) });
        // The package's files through the status page's form (a fresh e-mail code each).
        for (const d of readStatus(status.text).downloads) {
          const file = await client.download(d.href, filed.ip);
          outputs.push({ where: `${slug} access package ${d.label}`, text: readable(Buffer.from(file.body).toString('utf8')) });
        }
      }
      // The e-mails as the subject received them.
      for (const mail of await client.received(filed.reference)) {
        outputs.push({ where: `${slug} e-mail ${mail.template} (${lang})`, text: readable(`${mail.subject} ${mail.text} ${mail.html}`) });
      }
    }
  }, 600_000);
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('collected the notes and the outputs it checks', () => {
    for (const def of TENANTS) expect({ slug: def.slug, notes: notesOf(def).length > 10 }).toEqual({ slug: def.slug, notes: true });
    expect(outputs.length).toBeGreaterThan(60);
    expect(outputs.some((o) => o.where.includes('access package'))).toBe(true);
    expect(outputs.some((o) => o.where.includes('e-mail'))).toBe(true);
    // The search finds a note where one is: a page that printed one would fail.
    const note = notesOf(TENANTS[0]).find((n) => n.length > 120)!;
    expect(probes(note).some((p) => readable(`<p>Intro.</p><p>${note}</p>`).includes(p))).toBe(true);
  });

  it.each(TENANTS.map((t) => [t.slug, t] as const))('%s: no note or remark in any page, policy, e-mail or access package', (slug, def) => {
    const found: string[] = [];
    for (const note of notesOf(def)) {
      for (const o of outputs) {
        const hit = probes(note).find((p) => o.text.includes(p));
        if (hit) found.push(`${o.where}: "${hit}" (from the note "${note.slice(0, 80)}…")`);
      }
    }
    expect(found).toEqual([]);
  });
});
