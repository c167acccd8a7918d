import { HttpStatus, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { Lang } from '@regula/engine';
import { CLOCK, type Clock } from '@regula/platform';
import { DOWNLOAD_CODE_TTL_MINUTES, REQUEST_TYPES, RequestType, REQUESTS_PORT, RequestsPort, RequestRepliesService } from '@regula/requests';
import { localText } from '../web/i18n';
import { PublicHttpRequest, PublicSiteService, clientIp, pageUrl } from './public-site.service';
import { PublicTenant, isRequestType, offeredTypes } from '../web/public-tenant';
import { identityWaysView } from './identity-ways.view';
import { homeView } from './home.view';
import { FormErrors, FormValues, parseRequestForm } from './request-form';
import { buildFormView } from './request-form.view';
import { deadlineView } from './deadline.view';
import { repliesView, requestPath, statusView } from './request-status.view';
import { nextStepView } from './status-next-step';
import { packageDownloadsView } from './package-downloads.view';
import { formatDate } from '../web/format';
import { messageOf, statusOf } from '../common/http-error';
import { MAX_UPLOAD_MB } from './public-limits';
import { PrivacyPagesService } from './privacy/privacy-pages.service';
import { PageResult } from './page-result';

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;
const TOKEN = /^[A-Za-z0-9_.~-]{16,256}$/;
const CODE = /^\d{6}$/;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim() : undefined;
}

/** A status link's secret, or 404 when it cannot be one (as for a wrong one). */
export function tokenOr404(v: unknown): string {
  const token = str(v);
  if (!token || !TOKEN.test(token)) throw new NotFoundException();
  return token;
}

export function referenceOr404(v: string): string {
  if (!REFERENCE.test(v)) throw new NotFoundException();
  return v;
}


/**
 * The data subject's pages: each method builds one page from the tenant, the
 * requests core (RequestsPort) and the templates. Controllers only map HTTP
 * to these methods.
 */
@Injectable()
export class PublicPagesService {
  constructor(
    private readonly site: PublicSiteService,
    @Inject(REQUESTS_PORT) private readonly requests: RequestsPort,
    private readonly privacy: PrivacyPagesService,
    private readonly replies: RequestRepliesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async home(slug: string, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const t = this.site.t(lang);
    const page = this.site.page(tenant, lang, { title: t('home.title'), switchPath: `/t/${tenant.slug}/` });
    const announcement = await this.privacy.announcement(tenant, lang);
    return { status: 200, html: this.site.render('home', { ...page, home: homeView(tenant, lang, t), authority: this.site.authority(tenant, lang), announcement }) };
  }

  private async offered(slug: string, type: string, req: PublicHttpRequest): Promise<{ tenant: PublicTenant; lang: Lang; type: RequestType; generation: string | undefined }> {
    const { tenant, lang, generation } = await this.site.tenant(slug, req);
    if (!isRequestType(type) || !offeredTypes(tenant.def).includes(type)) throw new NotFoundException();
    return { tenant, lang, type, generation };
  }

  private async formPage(tenant: PublicTenant, lang: Lang, type: RequestType, values: FormValues, errors: FormErrors, coreError?: string) {
    const t = this.site.t(lang);
    const def = tenant.def;
    const name = def.branding?.displayName ?? def.brand ?? def.legalName;
    const right = def.rights.find((r) => r.right === REQUEST_TYPES[type])!;
    const consentPurposes = type === 'consent-withdrawal' ? await this.site.consentPurposes(tenant, lang) : [];
    const form = buildFormView(type, t, values, errors, { controllerName: name, consentPurposes, withdrawalDays: def.requests.consentWithdrawalWorkingDays });
    const hasErrors = form.errorSummary.length > 0 || !!coreError;
    const rightTitle = t(`rights.${right.right}`);
    const path = `/t/${tenant.slug}/request/${type}`;
    const page = this.site.page(tenant, lang, { title: t('form.title', { right: rightTitle }), switchPath: path, hasErrors });
    return this.site.render('request-form', {
      ...page,
      request: {
        type,
        rightTitle,
        article: t(`articles.${right.right}`),
        description: localText(right.description, lang),
        conditions: localText(right.conditions, lang),
        aboutRight: t('form.aboutRight', { name }),
        identityWays: identityWaysView(def, type, lang, t, { name, maxMb: MAX_UPLOAD_MB }),
        identityPolicy: localText(def.requests.identity.description, lang),
        identityPolicyHeading: t('identity.controllerSays', { name }),
        action: pageUrl(path, lang),
        homeUrl: pageUrl(`/t/${tenant.slug}/`, lang),
        coreError: coreError ? t('form.coreError', { reason: coreError }) : undefined,
      },
      form,
    });
  }

  async form(slug: string, type: string, req: PublicHttpRequest): Promise<PageResult> {
    const o = await this.offered(slug, type, req);
    // A suspended controller: no form, its home page (contact details) says where requests go instead.
    if (o.tenant.suspended) return { status: 200, html: (await this.home(slug, req)).html ?? '' };
    return { status: 200, html: await this.formPage(o.tenant, o.lang, o.type, {}, {}) };
  }

  async file(slug: string, type: string, body: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang, type: rtype, generation } = await this.offered(slug, type, req);
    // Nothing is filed for a suspended controller: its home page (409) gives its contact details.
    if (tenant.suspended) return { status: 409, html: (await this.home(slug, req)).html ?? '' };
    const consentPurposes = rtype === 'consent-withdrawal' ? await this.site.consentPurposes(tenant, lang) : [];
    const parsed = parseRequestForm(rtype, body ?? {}, { timeZone: tenant.def.jurisdiction.timeZone, now: this.clock(), consentPurposes });
    if (Object.keys(parsed.errors).length) return { status: 400, html: await this.formPage(tenant, lang, rtype, parsed.values, parsed.errors) };

    let filed;
    try {
      filed = await this.requests.fileRequest(
        tenant.id,
        { type: rtype, name: parsed.name, email: parsed.email, locale: lang, details: parsed.details, channel: 'web-form' },
        // The pages' generation changes with every change of the tenant's facts: the filing keeps the facts it read for it.
        { ip: clientIp(req), factsVersion: generation },
      );
    } catch (e) {
      if (statusOf(e) === HttpStatus.BAD_REQUEST) return { status: 400, html: await this.formPage(tenant, lang, rtype, parsed.values, {}, messageOf(e)) };
      throw e;
    }

    const t = this.site.t(lang);
    const def = tenant.def;
    const name = def.branding?.displayName ?? def.brand ?? def.legalName;
    const reference = filed.request.reference;
    const base = requestPath(tenant, reference);
    const rightTitle = t(`rights.${REQUEST_TYPES[rtype]}`);
    const page = this.site.page(tenant, lang, {
      title: t('confirmation.title'),
      switchPath: base,
      switchParams: { token: filed.statusToken },
      noindex: true,
    });
    return {
      status: 201,
      html: this.site.render('confirmation', {
        ...page,
        confirmation: {
          reference,
          received: t('confirmation.received', { name, right: rightTitle }),
          deadline: deadlineView(filed.deadline, def.jurisdiction.country, lang, t),
          due: t('deadline.due', { name }),
          extension: t('deadline.extension', { name }),
          stepCode: filed.request.identityVerifiedAt ? undefined : t('confirmation.stepCode', { email: filed.request.requesterEmail }),
          // More than the code asked for: every way to show who one is (the code alone where the address is one the controller holds).
          identityWays: filed.request.identityMethod !== 'email-link' ? identityWaysView(def, rtype, lang, t, { name, maxMb: MAX_UPLOAD_MB }) : undefined,
          verifyAction: pageUrl(`${base}/verify`, lang),
          token: filed.statusToken,
          statusUrl: pageUrl(base, lang, { token: filed.statusToken }),
          statusLinkText: t('confirmation.statusLink', { reference }),
        },
        authority: this.site.authority(tenant, lang),
      }),
    };
  }

  private verifyPage(tenant: PublicTenant, lang: Lang, reference: string, code: string | undefined, token: string | undefined, error?: string) {
    const t = this.site.t(lang);
    const base = requestPath(tenant, reference);
    const page = this.site.page(tenant, lang, { title: t('verify.title'), switchPath: `${base}/verify`, switchParams: { token }, noindex: true, hasErrors: !!error });
    return this.site.render('verify', {
      ...page,
      verify: { reference, intro: t('verify.intro', { reference }), action: pageUrl(`${base}/verify`, lang), resendAction: pageUrl(`${base}/resend`, lang), code, token, error: error ? t(error) : undefined },
    });
  }

  async verifyForm(slug: string, reference: string, query: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const code = str(query.code);
    const token = str(query.token);
    return { status: 200, html: this.verifyPage(tenant, lang, ref, code && CODE.test(code) ? code : undefined, token && TOKEN.test(token) ? token : undefined) };
  }

  async verify(slug: string, reference: string, body: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const code = str(body?.code)?.replace(/\s+/g, '');
    const token = str(body?.token) && TOKEN.test(str(body.token)!) ? str(body.token) : undefined;
    if (!code) return { status: 400, html: this.verifyPage(tenant, lang, ref, undefined, token, 'error.code.required') };
    if (!CODE.test(code)) return { status: 400, html: this.verifyPage(tenant, lang, ref, undefined, token, 'error.code.format') };
    try {
      await this.requests.verifyEmail(tenant.id, ref, code, { ip: clientIp(req) });
    } catch (e) {
      const s = statusOf(e);
      // Unknown reference, wrong or expired code: one answer, so references cannot be probed.
      if (s === HttpStatus.BAD_REQUEST || s === HttpStatus.NOT_FOUND) {
        return { status: 400, html: this.verifyPage(tenant, lang, ref, undefined, token, 'error.code.invalid') };
      }
      // Already confirmed (e.g. the e-mail link opened twice): carry on as confirmed.
      if (s !== HttpStatus.CONFLICT) throw e;
    }
    const base = requestPath(tenant, ref);
    if (token) return { status: 303, redirect: pageUrl(base, lang, { token }) };
    const t = this.site.t(lang);
    const page = this.site.page(tenant, lang, { title: t('verify.doneTitle'), switchPath: `/t/${tenant.slug}/`, noindex: true });
    return { status: 200, html: this.site.render('verified', { ...page, done: { text: t('verify.done', { reference: ref }), status: t('verify.doneStatus') } }) };
  }

  /** A new e-mail code (the first expired or was mistyped too often). */
  async resend(slug: string, reference: string, body: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(body?.token);
    const core = this.requests;
    if (!core.resendCode) throw new ServiceUnavailableException('the requests core cannot send a new code');
    try {
      await core.resendCode(tenant.id, ref, token, { ip: clientIp(req) });
    } catch (e) {
      if (statusOf(e) !== HttpStatus.CONFLICT) throw e; // already confirmed: the status page says so
    }
    return { status: 303, redirect: pageUrl(requestPath(tenant, ref), lang, { token, resent: '1' }) };
  }

  /** The status page, with a notice (a form's error or a success message) and, for the downloads, their own message. */
  async statusPage(tenant: PublicTenant, lang: Lang, ref: string, token: string, notice?: { error?: string; done?: string; download?: { error?: string; done?: string } }) {
    const t = this.site.t(lang);
    const def = tenant.def;
    const name = def.branding?.displayName ?? def.brand ?? def.legalName;
    const s = await this.requests.statusFor(tenant.id, ref, token);
    const replies = await this.replies.list(tenant.id, s.reference); // after the token check
    const base = requestPath(tenant, ref);
    const page = this.site.page(tenant, lang, { title: t('status.title', { reference: s.reference }), switchPath: base, switchParams: { token }, noindex: true, hasErrors: !!notice?.error });
    return this.site.render('status', {
      ...page,
      status: {
        ...statusView(tenant, lang, t, s, token),
        replies: repliesView(replies, lang, def.jurisdiction.timeZone, token),
        nextStep: nextStepView(s, t, name, formatDate(s.dueDate, lang, 'full')),
        packages: packageDownloadsView(tenant, lang, t, s, token, this.clock(), notice?.download),
        withdrawIntro: t('status.withdrawIntro', { name }),
        withdrawSubmit: t('status.withdrawSubmit', { reference: s.reference }),
        // Identity still to be shown where more than the code is asked for: the ways beside the upload (after a confirmed address the code did not suffice).
        identityWays: s.identityMethod !== 'email-link' && (s.waitingFor === 'email-code' || s.waitingFor === 'identity-document')
          ? identityWaysView(def, s.type, lang, t, { name, maxMb: MAX_UPLOAD_MB }, { addressRejected: !!s.emailConfirmed })
          : undefined,
        maxMb: MAX_UPLOAD_MB,
        uploadError: notice?.error,
        notice: notice?.done,
      },
      authority: this.site.authority(tenant, lang),
    });
  }

  async status(slug: string, reference: string, query: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(query.token);
    const t = this.site.t(lang);
    const done = query.uploaded === '1' ? t('status.uploaded') : query.withdrawn === '1' ? t('status.withdrawn') : query.resent === '1' ? t('status.resent') : undefined;
    const download = query.codeSent === '1' ? { done: t('status.packages.codeSent', { minutes: DOWNLOAD_CODE_TTL_MINUTES }) } : undefined;
    return { status: 200, html: await this.statusPage(tenant, lang, ref, token, { done, download }) };
  }

  async evidence(slug: string, reference: string, body: Record<string, unknown>, file: { originalname: string; buffer: Buffer } | undefined, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(body?.token);
    const t = this.site.t(lang);
    if (!file || !file.buffer?.length) return { status: 400, html: await this.statusPage(tenant, lang, ref, token, { error: t('error.file.required') }) };
    try {
      await this.requests.addIdentityEvidence(tenant.id, ref, token, { originalName: file.originalname, buffer: file.buffer }, { ip: clientIp(req) });
    } catch (e) {
      // 400: not an accepted document (type by content, size); 409: no document is awaited.
      if (statusOf(e) === HttpStatus.BAD_REQUEST || statusOf(e) === HttpStatus.UNSUPPORTED_MEDIA_TYPE || statusOf(e) === HttpStatus.CONFLICT) {
        return { status: 400, html: await this.statusPage(tenant, lang, ref, token, { error: t('error.file.rejected', { reason: messageOf(e) }) }) };
      }
      throw e;
    }
    return { status: 303, redirect: pageUrl(requestPath(tenant, ref), lang, { token, uploaded: '1' }) };
  }

  async withdraw(slug: string, reference: string, body: Record<string, unknown>, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(body?.token);
    await this.requests.withdrawBySubject(tenant.id, ref, token, { ip: clientIp(req) });
    return { status: 303, redirect: pageUrl(requestPath(tenant, ref), lang, { token, withdrawn: '1' }) };
  }
}
