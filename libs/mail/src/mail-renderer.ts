import path from 'node:path';
import { TemplateRenderer } from '@regula/platform';
import { decodeEntities, htmlToText } from './html-to-text';
import { MailBranding } from './mail-branding';
import { MAIL_HELPERS } from './mail-helpers';

/** Languages Regula writes e-mails in (every template exists in each). */
export const MAIL_LANGS = ['en', 'et', 'lt', 'sv', 'lv'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

/** Every e-mail template; each exists in `templates/<lang>/<name>.hbs` for every language. */
export const MAIL_TEMPLATES = [
  'request-received',
  'verify-email',
  'identity-document-needed',
  'identity-confirmed',
  // While identity information is awaited (libs/requests identity-wait-sweep.service.ts).
  'identity-reminder',
  'identity-not-confirmed',
  'request-extended',
  'request-refused',
  'fee-warning',
  'request-completed',
  'message-to-subject',
  'request-withdrawn',
  // A duplicate merged into the subject's earlier request (libs/requests duplicates.ts): one answer for both.
  'request-merged',
  'reply-uploaded',
  // A single-use code to download a data package from the status page (libs/requests desk).
  'download-code',
  // To the tenant's compliance admins (libs/sla).
  'sla-reminder',
  'sla-overdue',
  'sla-extension-alarm',
  // A consent withdrawal's promised outer limit near or passed (libs/sla, libs/requests consent-withdrawal-limit.ts).
  'sla-withdrawal-limit',
  // To the tenant's compliance admins (libs/breaches).
  'breach-reminder',
  'breach-deadline-passed',
  // To the tenant's account holders when a material policy change is published (libs/policies).
  'policy-changed',
  // To a staff member whose account's sign-ins are being slowed down (libs/auth); footer `staffAccount`.
  'sign-in-attempts',
] as const;

/** E-mails of the platform to its platform admins (PLATFORM_BRANDING; no tenant overrides): MailService.sendToPlatformAdmin. */
export const PLATFORM_MAIL_TEMPLATES = [
  // A queue paused for over an hour (apps/worker queue-watch).
  'queue-paused',
  // The audit chains' signed heads, daily (libs/audit).
  'audit-chain-heads',
  // A platform admin's sign-ins slowed down (libs/auth): the same text as to a tenant's staff.
  'sign-in-attempts',
] as const;
export type PlatformMailTemplate = (typeof PLATFORM_MAIL_TEMPLATES)[number];
export type MailTemplate = (typeof MAIL_TEMPLATES)[number] | PlatformMailTemplate;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailRendererOptions {
  /** The shared templates (default: libs/mail/templates, next to this file's folder). */
  sharedRoot?: string;
  /** The folder of the tenants; a tenant overrides in `<tenantsRoot>/<slug>/mail/<lang>/<template>.hbs`. */
  tenantsRoot?: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Renders an e-mail's subject, HTML and text from one Handlebars template per
 * template and language. A template defines an inline partial `subject` and
 * fills the `layout` partial block; the layout puts the subject in <title>
 * (read back as the subject) and wraps the body with the tenant's branding.
 * The text part is derived from the HTML. Everything is escaped unless a
 * helper escapes it itself (`multiline`).
 */
export class MailRenderer {
  private readonly sharedRoot: string;
  private readonly tenantsRoot: string;
  private readonly renderers = new Map<string, TemplateRenderer>();
  private platformRenderer: TemplateRenderer | undefined;

  constructor(opts: MailRendererOptions = {}) {
    this.sharedRoot = opts.sharedRoot ?? path.resolve(__dirname, '..', 'templates');
    this.tenantsRoot = opts.tenantsRoot ?? path.resolve(__dirname, '..', '..', '..', 'tenants');
  }

  private rendererFor(branding: MailBranding): TemplateRenderer {
    if (branding.platform) {
      this.platformRenderer ??= new TemplateRenderer([this.sharedRoot], MAIL_HELPERS);
      return this.platformRenderer;
    }
    const slug = branding.slug;
    if (!SLUG.test(slug)) throw new Error(`invalid tenant slug for e-mail templates: ${slug}`);
    let r = this.renderers.get(slug);
    if (!r) {
      r = new TemplateRenderer(slug === '' ? [this.sharedRoot] : [path.join(this.tenantsRoot, slug, 'mail'), this.sharedRoot], MAIL_HELPERS);
      this.renderers.set(slug, r);
    }
    return r;
  }

  /** The language used for `locale`: itself when Regula writes it, else English. */
  static langOf(locale: string): MailLang {
    const l = (locale ?? '').toLowerCase().slice(0, 2);
    return (MAIL_LANGS as readonly string[]).includes(l) ? (l as MailLang) : 'en';
  }

  /** Whether `template` is one of the e-mails written for this branding (the tenants' or the platform's). */
  knows(tenant: MailBranding, template: string): boolean {
    const known: readonly string[] = tenant.platform ? PLATFORM_MAIL_TEMPLATES : MAIL_TEMPLATES;
    return known.includes(template);
  }

  render(tenant: MailBranding, template: MailTemplate, locale: string, data: Record<string, unknown>): RenderedMail {
    if (!this.knows(tenant, template)) throw new Error(`unknown e-mail template ${template}${tenant.platform ? ' for the platform' : ''}`);
    const renderer = this.rendererFor(tenant);
    let lang = MailRenderer.langOf(locale);
    if (!renderer.has(`${lang}/${template}`)) lang = 'en';
    const html = renderer.render(`${lang}/${template}`, { ...data, lang, tenant });
    const title = /<title>([\s\S]*?)<\/title>/i.exec(html);
    const subject = decodeEntities((title?.[1] ?? '').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 250);
    if (!subject) throw new Error(`e-mail template ${lang}/${template} has no subject (inline partial "subject" in the layout's <title>)`);
    return { subject, html, text: htmlToText(html) };
  }
}
