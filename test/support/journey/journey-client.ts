import request from 'supertest';
import type { IngestBatch } from '@regula/ingest';
import type { Harness } from '../api-harness';
import type { Mailbox, ReceivedMail } from '../mailbox';
import { createStaff } from '../staff';
import { settledFulfilment, type FulfilAnswer } from '../package-build-wait';
import { Confirmation, StatusPage, readConfirmation, readStatus } from './html';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  locale: string;
  status: string;
  createdAt: string;
}

export interface Filed extends Confirmation {
  slug: string;
  lang: string;
  email: string;
  /** The subject's own address: every page and post of this subject comes from it. */
  ip: string;
  /** The confirmation page. */
  html: string;
}

/** Reads a response body as bytes, whatever its content type. */
function bytes(req: request.Test): request.Test {
  return req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/**
 * The three parties of a rights request, against one running API: the data
 * subject (public pages, as a browser posts them), the tenant's systems
 * (ingest API with their keys) and the tenant's compliance admin (admin API).
 */
export class JourneyClient {
  private tokens: Record<string, string> = {};
  private ipCounter = 0;

  /** `mailbox`: the test SMTP sink the API sends to (its SMTP_URL): the subject's e-mails as received. */
  constructor(readonly h: Harness, readonly mailbox: Mailbox) {}

  /** A fresh client address (TRUST_PROXY): each subject posts from their own. */
  nextIp(): string {
    this.ipCounter++;
    return `198.18.${Math.floor(this.ipCounter / 250)}.${(this.ipCounter % 250) + 1}`;
  }

  // ------------------------------------------------------------ the admin

  async addAdmin(slug: string): Promise<void> {
    const email = `privacy-admin@${slug}.test`;
    await createStaff(this.h.db.owner, email, { tenant: slug, role: 'compliance-admin' });
    this.tokens[slug] = await this.h.login(email);
  }

  admin(slug: string, method: 'get' | 'post' | 'patch', url: string): request.Test {
    const token = this.tokens[slug];
    if (!token) throw new Error(`no admin logged in for ${slug}`);
    return this.h.http()[method](url).set('Authorization', `Bearer ${token}`);
  }

  /** The request as the admin API shows it (`request`, `deadline`, `suspensions`...). */
  async detail(slug: string, reference: string) {
    const res = await this.admin(slug, 'get', `/api/v1/tenants/${slug}/requests/${reference}`);
    if (res.status !== 200) throw new Error(`detail ${reference}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { request: { id: string; receivedAt: string; subjectId: string | null; dueDate: string; state: string; locale: string; requesterEmail: string }; suspensions: { fromAt: string; toAt: string | null }[] };
  }

  /** The request's e-mails from the admin API's outbox, oldest first (codes and link tokens redacted). */
  async outbox(slug: string, reference: string): Promise<OutboxMail[]> {
    const res = await this.admin(slug, 'get', `/api/v1/tenants/${slug}/outbox?reference=${reference}&pageSize=100`);
    if (res.status !== 200) throw new Error(`outbox ${reference}: ${res.status} ${JSON.stringify(res.body)}`);
    return [...(res.body.items as OutboxMail[])].reverse();
  }

  /** The e-mail code, as the subject reads it: the subject line of the last verify-email received. */
  codeReceived(reference: string): Promise<string> {
    return this.mailbox.code(this.h, reference);
  }

  /** The request's e-mails as the subject received them (after sending what is pending), oldest first. */
  received(reference: string, template?: string): Promise<(ReceivedMail & { template: string })[]> {
    return this.mailbox.forRequest(this.h, reference, template);
  }

  /** Fulfils as the admin does: the preview with the type's input, then that preview confirmed (nothing is fulfilled without one). */
  async fulfil(slug: string, reference: string, body: object): Promise<FulfilAnswer> {
    const preview = await this.admin(slug, 'post', `/api/v1/tenants/${slug}/requests/${reference}/fulfil/preview`).send(body);
    if (preview.status !== 200) return preview;
    const answer = await this.admin(slug, 'post', `/api/v1/tenants/${slug}/requests/${reference}/fulfil?previewId=${preview.body.previewId}`).send({});
    // An access package is built by the worker: the answer is the finished build's.
    return settledFulfilment(this.h.http, slug, reference, this.tokens[slug], answer);
  }

  // ------------------------------------------------------------ the tenant's systems

  /** A source system created by the admin; its API key (shown once). */
  async createSystem(slug: string, name: string): Promise<string> {
    const res = await this.admin(slug, 'post', `/api/v1/tenants/${slug}/systems`).send({ name });
    if (res.status !== 201) throw new Error(`system ${slug}/${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.apiKey as string;
  }

  async ingest(slug: string, apiKey: string, batch: IngestBatch) {
    const res = await this.h.http().post(`/api/v1/ingest/${slug}/batch`).set('Authorization', `Bearer ${apiKey}`).send(batch);
    if (res.status !== 200) throw new Error(`ingest ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { ok: true; changed: number; items: { item: string; status: string }[] };
  }

  // ------------------------------------------------------------ the data subject

  page(url: string, ip: string): request.Test {
    return this.h.http().get(url).set('X-Forwarded-For', ip);
  }

  postForm(url: string, form: Record<string, unknown>, ip: string): request.Test {
    return this.h.http().post(url).set('X-Forwarded-For', ip).type('form').send(form);
  }

  /** Posts the request form; the confirmation page must answer 201. */
  async fileByForm(slug: string, type: string, lang: string, form: Record<string, unknown>, ip = this.nextIp()): Promise<Filed> {
    const res = await this.postForm(`/t/${slug}/request/${type}?lang=${lang}`, form, ip);
    if (res.status !== 201) throw new Error(`filing ${slug}/${type}: ${res.status}\n${res.text.slice(0, 3000)}`);
    return { ...readConfirmation(res.text), slug, lang, email: String(form.email), ip, html: res.text };
  }

  /** Types the code into the verify form; answers the redirect to the status page. */
  async verifyByForm(f: Filed, code: string): Promise<string> {
    const res = await this.postForm(`/t/${f.slug}/requests/${f.reference}/verify?lang=${f.lang}`, { code, token: f.token }, f.ip);
    if (res.status !== 303) throw new Error(`verify ${f.reference}: ${res.status}\n${res.text.slice(0, 3000)}`);
    return res.headers.location as string;
  }

  /** The status page behind the confirmation page's link. */
  async status(f: Filed): Promise<StatusPage> {
    const res = await this.page(f.statusLink, f.ip);
    if (res.status !== 200) throw new Error(`status ${f.reference}: ${res.status}`);
    return readStatus(res.text);
  }

  /**
   * Follows a link of a page (relative URL) as the subject's browser; a data
   * package's form (…/download?file=…&token=…) as the subject does: asks for a
   * download code, reads it from the e-mail, posts it with the file.
   */
  async download(href: string, ip: string): Promise<request.Response> {
    const url = new URL(href, 'http://page.test');
    if (!url.pathname.endsWith('/download')) return bytes(this.page(href, ip));
    const token = url.searchParams.get('token') ?? '';
    const file = url.searchParams.get('file') ?? '';
    const lang = url.searchParams.get('lang') ?? 'en';
    const asked = await this.postForm(`${url.pathname}-code?lang=${lang}`, { token }, ip);
    if (asked.status !== 303) return asked;
    const reference = url.pathname.split('/')[4];
    const mails = await this.received(reference, 'download-code');
    const code = /(?<![0-9A-Za-z=])(\d{6})(?![0-9A-Za-z])/.exec(mails[mails.length - 1]?.text ?? '')?.[1] ?? '';
    return bytes(this.postForm(`${url.pathname}?lang=${lang}`, { token, file, code }, ip));
  }
}
