import { Body, Controller, Get, NotFoundException, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { COUNTRY_CATALOGUE, ControllerDefinition, Lang, codeWord, isAssumedEntry } from '@regula/engine';
import { CheckedLogo, OnboardingActor, OnboardingPreview, TenantOnboarding, checkLogo } from '@regula/onboarding';
import { messageOf, statusOf } from '../../common/http-error';
import { addressLines, countryName, languageName } from '../../web/format';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp } from '../shared/admin-request';
import { FormValues, emptyForm, formChoices, formValuesOf, inputOfForm } from '../controller/facts-form';
import { refusalWords } from '../controller/facts-problems';
import { AdminUploadRequest, UPLOAD_FAILURE } from '../requests/reply-upload.guard';
import { AdminPlatformUploadGuard } from './platform-upload.guard';

type Form = Record<string, unknown>;
type T = (key: string, vars?: Record<string, unknown>) => string;

const BASE = '/admin/platform/tenants';

/**
 * A platform admin creates a controller from the dashboard (issue 17 §1): the
 * form (plain HTML, works without script), then a preview of what will be
 * created (what the country brings from the catalogue, the facts Regula fills
 * in as assumed) with a Confirm form carrying the answers, then the controller
 * and its first admin's one-time password. TenantOnboarding does the work (the
 * REST API's and the command line's too). Anyone but a platform admin: 404.
 */
@ApiExcludeController()
@Controller(BASE)
@UseFilters(AdminExceptionFilter)
export class AdminPlatformTenantsController {
  constructor(private readonly pages: AdminPages, private readonly onboarding: TenantOnboarding) {}

  @Get('new')
  @UseGuards(AdminSessionGuard)
  async form(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    this.platformAdmin(req);
    return this.formPage(req, res, 200, emptyForm());
  }

  /** "Change the answers" on the preview: the form again with what was typed (carried by the preview's hidden field). */
  @Post('new')
  @UseGuards(AdminSessionGuard)
  async again(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    this.platformAdmin(req);
    const raw = payloadOf(body);
    return this.formPage(req, res, 200, { ...formValuesOf(raw), slug: String(raw.slug ?? ''), firstAdminEmail: String(raw.firstAdminEmail ?? '') });
  }

  /** The form's answers and its logo (multipart: AdminPlatformUploadGuard checks session, role and token). */
  @Post('preview')
  @UseGuards(AdminPlatformUploadGuard)
  async preview(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const actor = this.platformAdmin(req);
    const raw = inputOfForm(body);
    const values = { ...formValuesOf(raw), slug: String(body.slug ?? ''), firstAdminEmail: String(body.firstAdminEmail ?? '') };
    let preview: OnboardingPreview;
    let logo: CheckedLogo | undefined;
    try {
      if (req[UPLOAD_FAILURE]) throw req[UPLOAD_FAILURE];
      preview = this.onboarding.preview(raw, actor);
      logo = req.file?.size ? await checkLogo(req.file.buffer) : undefined;
    } catch (e) {
      return this.refused(req, res, e, values);
    }
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    return this.pages.render(req, res, 'platform/preview', { title: t('onboard.previewTitle') }, {
      ...previewModel(preview, lang, t),
      payload: JSON.stringify(raw),
      logo: logo ? { data: logo.bytes.toString('base64'), type: logo.type.replace('image/', '').replace('+xml', '').toUpperCase(), size: Math.max(1, Math.round(logo.bytes.length / 1024)), sanitised: logo.sanitised } : undefined,
      action: BASE,
      again: `${BASE}/new`,
      back: `${BASE}/new`,
      values,
    });
  }

  @Post()
  @UseGuards(AdminSessionGuard)
  async create(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const actor = this.platformAdmin(req);
    const raw = payloadOf(body);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    try {
      const logo = typeof body.logo === 'string' && body.logo ? Buffer.from(body.logo, 'base64') : undefined;
      const r = await this.onboarding.create(raw, actor, logo);
      return this.pages.render(req, res, 'platform/created', { title: t('onboard.createdTitle'), status: 201 }, {
        slug: r.slug,
        email: r.firstAdmin.member.email,
        password: r.firstAdmin.oneTimePassword,
        assumedCount: r.assumed.length,
        dashboardHref: `/admin/t/${r.slug}`,
        factsHref: `/admin/t/${r.slug}/facts`,
        controllerHref: `/admin/t/${r.slug}/controller`,
        publicHref: `/t/${r.slug}/`,
      });
    } catch (e) {
      return this.refused(req, res, e, { ...formValuesOf(raw), slug: String(raw.slug ?? ''), firstAdminEmail: String(raw.firstAdminEmail ?? '') });
    }
  }

  /** A refused answer (400, 409, 422) shows the form again with what was typed and why; anything else is the error page. */
  private refused(req: AdminHttpRequest, res: Response, e: unknown, values: FormValues) {
    const status = statusOf(e);
    if (status !== 400 && status !== 409 && status !== 413 && status !== 422) throw e;
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const words = status === 413 ? [t('controller.problem.logoSize')] : isLogoRefusal(e) ? [t('controller.problem.logo')] : refusalWords(e, t, lang, values.slug);
    return this.formPage(req, res, status, values, words);
  }

  private formPage(req: AdminHttpRequest, res: Response, status: number, values: FormValues, errors: string[] = []) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    return this.pages.render(req, res, 'platform/new', { title: t('onboard.title'), status }, {
      values, choices: formChoices(lang, t, values), errors, action: `${BASE}/preview`, back: '/admin',
    });
  }

  private platformAdmin(req: AdminHttpRequest): OnboardingActor {
    const { user } = adminOf(req);
    // Said the same way as a page that does not exist: nothing tells others that this one does.
    if (!user.isPlatformAdmin) throw new NotFoundException();
    return { userId: user.id, label: `${user.email} (platform-admin)`, ip: clientIp(req) };
  }
}

/** A logo the check refused (its message names the field `logo`). */
const isLogoRefusal = (e: unknown) => statusOf(e) === 400 && /^logo:/.test(messageOf(e));

/** The answers the preview's forms carry (JSON in a hidden field); anything unreadable is an empty form. */
function payloadOf(body: Form): Record<string, unknown> {
  try {
    const v: unknown = typeof body.payload === 'string' ? JSON.parse(body.payload) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What the preview shows: the facts stated, what the country brings, what is assumed. */
function previewModel(p: OnboardingPreview, lang: Lang, t: T) {
  const def: ControllerDefinition = p.definition;
  const j = def.jurisdiction;
  const entry = COUNTRY_CATALOGUE[j.country];
  const text = (x: { en: string } & Partial<Record<Lang, string>>) => x[lang] ?? x.en;
  return {
    legalName: def.legalName,
    brand: def.brand,
    slug: def.slug,
    publicPath: `/t/${def.slug}/`,
    firstAdminEmail: p.input.firstAdminEmail,
    address: addressLines(def.legalAddress, lang),
    languages: j.languages.map((l) => languageName(l)).join(', '),
    country: {
      assumed: isAssumedEntry(entry),
      authority: `${j.authority.name} (${j.authority.abbreviation})`,
      authorityAddress: addressLines(j.authority.address, lang),
      authorityWeb: j.authority.web,
      nationalAct: text(j.nationalAct.name),
      art8Age: j.art8Age,
      timeZone: j.timeZone,
      // The calendar is the country's own (date-holidays' code is the country's): said by its name, not its code.
      holidays: countryName(j.country, lang),
    },
    assumed: p.assumed.map((f) => ({
      kind: t(`facts.kind.${f.kind}`) === `facts.kind.${f.kind}` ? t('onboard.assumedOther') : t(`facts.kind.${f.kind}`),
      label: f.label ? text(f.label) : f.kind === 'rights' ? codeWord('right', (f.value as { right?: string }).right, lang) : undefined,
      sections: f.sections.map((s) => t(`facts.section.${s}`)).join(', '),
    })),
    assumedCount: p.assumed.length,
    colours: { primary: def.branding.primaryColor, accent: def.branding.accentColor },
  };
}
