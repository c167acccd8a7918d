import type { Response } from 'supertest';
import { DEMO_PASSWORD, Harness } from './api-harness';

/**
 * A browser-like client of the dashboard's HTML pages for supertest: keeps the
 * cookies the pages set, and posts forms with the CSRF token of the page
 * they were taken from (as a browser submitting the form would).
 */
export class AdminClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly h: Harness, private readonly ip = '203.0.113.10') {}

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): Response {
    for (const c of (res.headers['set-cookie'] as unknown as string[] | undefined) ?? []) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      if (/Max-Age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(i + 1));
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    return this.keep(await this.h.http().get(path).set('Cookie', this.header()).set('X-Forwarded-For', this.ip));
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.keep(await this.h.http().post(path).type('form').set('Cookie', this.header()).send(form));
  }

  static csrfOf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1];
  }

  /** Opens `page`, then submits a form of it to `action` with its token. */
  async submit(page: string, action: string, fields: Record<string, string>): Promise<Response> {
    const p = await this.get(page);
    return this.post(action, { ...fields, _csrf: AdminClient.csrfOf(p.text) });
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<Response> {
    return this.submit('/admin/login', '/admin/login', { email, password });
  }
}

/** The text of an HTML page without tags (for assertions on what a reader sees). */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
