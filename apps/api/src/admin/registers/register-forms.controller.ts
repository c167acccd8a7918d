import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import type { Finding, Lang, Ref, Register } from '@regula/engine';
import { CONFIRMATION_SOURCE, publishedLanguages } from '@regula/engine';
import { REGISTER_KEY, RegisterEditService, RegisterLifecycleService, RegisterLintFailedError, RegistersService, ControllerDefinitionService } from '@regula/registers';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { flashOf } from '../shared/flash';
import { FormBody, formBodyOf } from './form/form-body';
import { readSection } from './form/form-read';
import { SECTION_KEYS, SectionKey, isSectionKey } from './form/register-sections';
import { findingsPerSection, sectionView } from './form/form-view';
import { NewRegisterForm, newRegisterView, readNewRegister } from './form/new-register.form';
import { RegisterPages, refusesWords } from './register-pages.service';

type Form = Record<string, unknown>;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** The posted fields a section form may carry: strings, or lists of strings (ticked boxes); nothing else is read. */
function bodyOf(body: Form): FormBody {
  const out: FormBody = {};
  for (const [k, v] of Object.entries(body ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/**
 * A register by form (issue 17 §2): create one from a template or from nothing,
 * edit it a section at a time (each save a new version through
 * RegisterEditService: linted with the whole controller, refused on a definition
 * error, audited, TenantPagesChanged), the linter's findings beside the field they
 * concern; retire it with a reason after a page that says what will happen. Plain
 * forms: nothing here needs JavaScript. The JSON edit (`/edit`) stays as the
 * advanced view. Declared before AdminRegistersController, so `/registers/new`
 * is this page and not a register called "new".
 */
@ApiExcludeController()
@Controller('admin/t/:slug/registers')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('registers:write')
export class AdminRegisterFormsController {
  constructor(
    private readonly pages: AdminPages,
    private readonly registers: RegistersService,
    private readonly edits: RegisterEditService,
    private readonly lifecycle: RegisterLifecycleService,
    private readonly definitions: ControllerDefinitionService,
    private readonly model: RegisterPages,
  ) {}

  @Get('new')
  async newForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const langs = await this.langs(req);
    return this.newPage(req, res, 200, { key: '', template: '', names: Object.fromEntries(langs.map((l) => [l, ''])) });
  }

  @Post('new')
  async create(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    const t = this.pages.t(this.pages.lang(req));
    const stored = await this.definitions.load(tenant.id);
    const langs = publishedLanguages(stored.definition);
    const read = readNewRegister(bodyOf(body), langs, stored.definition.jurisdiction.country, this.pages.lang(req));
    if (!read.ok) return this.newPage(req, res, 400, read.typed, read.errors);
    const summary = read.template ? t('registers.form.createdFromSummary', { template: read.templateName }) : t('registers.form.createdSummary');
    try {
      await this.lifecycle.create(tenant.id, { definition: read.register, changeSummary: summary, template: read.template }, this.actor(req));
    } catch (e) {
      if (e instanceof RegisterLintFailedError) return this.newPage(req, res, 422, read.typed, [], e.findings);
      if (statusOf(e) === 409) return this.newPage(req, res, 409, read.typed, [{ field: 'key', code: 'keyTaken' }]);
      throw e;
    }
    res.redirect(303, `/admin/t/${tenant.slug}/registers/${read.register.id}/sections?done=register-created`);
    return undefined;
  }

  @Get(':key/sections')
  async sections(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Query('done') done?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const view = await this.current(req, key);
    const reg = view.definition as unknown as Register;
    const counts = findingsPerSection(await this.edits.lint(tenant.id, key, reg), reg);
    const base = `/admin/t/${tenant.slug}/registers/${key}`;
    return this.pages.render(req, res, 'registers/sections', { title: t('registers.form.sectionsTitle', { name: this.model.nameOf(view, lang) }), flash: flashOf(t, done) }, {
      key,
      version: view.version,
      registerHref: base,
      jsonHref: `${base}/edit`,
      retireHref: `${base}/retire`,
      sections: SECTION_KEYS.map((s) => ({ href: `${base}/sections/${s}`, title: t(`registers.form.sections.${s}.title`), intro: t(`registers.form.sections.${s}.intro`), findings: counts[s] ? t('registers.form.findingsIn', { count: counts[s] }) : '' })),
    });
  }

  @Get(':key/sections/:section')
  async sectionForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Param('section') section: string, @Query('done') done?: string) {
    const tenant = tenantOf(req);
    const view = await this.current(req, key);
    const s = checkedSection(section);
    const reg = view.definition as unknown as Register;
    const langs = await this.langs(req);
    const findings = await this.edits.lint(tenant.id, key, reg);
    return this.sectionPage(req, res, 200, { reg, name: this.model.nameOf(view, this.pages.lang(req)), langs, section: s, body: formBodyOf(reg, s, langs), version: view.version, findings, done });
  }

  @Post(':key/sections/:section')
  async saveSection(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Param('section') section: string, @Body() raw: Form) {
    const tenant = tenantOf(req);
    const t = this.pages.t(this.pages.lang(req));
    const view = await this.current(req, key);
    const s = checkedSection(section);
    const reg = view.definition as unknown as Register;
    const langs = await this.langs(req);
    const body = bodyOf(raw);
    const baseVersion = Number.parseInt(str(body.baseVersion, 10), 10);
    const version = Number.isInteger(baseVersion) && baseVersion > 0 ? baseVersion : view.version;
    const read = readSection(reg, s, body, { langs, newRef: this.newRef(req) });
    const page = { reg, name: this.model.nameOf(view, this.pages.lang(req)), langs, section: s, body, version, findings: [] as Finding[] };
    if (read.errors.length) return this.sectionPage(req, res, 400, { ...page, errors: read.errors });
    const summary = str(body.changeSummary, 2000).trim() || t('registers.form.defaultSummary', { section: t(`registers.form.sections.${s}.title`) });
    try {
      const out = await this.edits.saveVersion(tenant.id, key, { definition: read.register, changeSummary: summary.length >= 3 ? summary : `${summary}...`, baseVersion: version }, this.actor(req));
      res.redirect(303, `/admin/t/${tenant.slug}/registers/${key}/sections/${s}?done=${out.status === 'created' ? 'register-saved' : 'register-unchanged'}`);
      return undefined;
    } catch (e) {
      // Refused: the findings are shown beside the fields of the register as typed.
      if (e instanceof RegisterLintFailedError) return this.sectionPage(req, res, 422, { ...page, reg: read.register, findings: e.findings, refused: true });
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      return this.sectionPage(req, res, status, { ...page, error: t(status === 409 ? 'registers.conflict' : 'errors.invalid', { detail: messageOf(e) }) });
    }
  }

  @Get(':key/retire')
  async retireForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string) {
    return this.retirePage(req, res, key, 200, '');
  }

  @Post(':key/retire')
  async retire(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Body() body: Form) {
    const tenant = tenantOf(req);
    await this.current(req, key);
    const reason = str(body.reason, 2000).trim();
    if (reason.length < 3) return this.retirePage(req, res, key, 400, reason, 'reason');
    try {
      await this.lifecycle.retire(tenant.id, key, reason, this.actor(req));
    } catch (e) {
      if (statusOf(e) === 409) return this.retirePage(req, res, key, 409, reason);
      throw e;
    }
    res.redirect(303, `/admin/t/${tenant.slug}/registers/${key}?done=register-retired`);
    return undefined;
  }

  private actor(req: AdminHttpRequest) {
    const { user } = adminOf(req);
    return { userId: user.id, label: `${user.email} (${tenantOf(req).role})`, ip: clientIp(req) };
  }

  /** The ref of what this person types into the form: stated by them, that day. */
  private newRef(req: AdminHttpRequest): Ref {
    const { label } = this.actor(req);
    return { source: CONFIRMATION_SOURCE, at: `${this.pages.now().toISOString().slice(0, 10)}, ${label}`, note: 'entered in the register form' };
  }

  private async langs(req: AdminHttpRequest): Promise<Lang[]> {
    return publishedLanguages((await this.definitions.load(tenantOf(req).id)).definition);
  }

  private async current(req: AdminHttpRequest, key: string) {
    if (!REGISTER_KEY.test(key)) throw new NotFoundException();
    const view = await this.registers.get(tenantOf(req).id, key);
    if (!view || view.retired) throw new NotFoundException();
    return view;
  }

  private async sectionPage(
    req: AdminHttpRequest,
    res: Response,
    status: number,
    p: { reg: Register; name: string; langs: Lang[]; section: SectionKey; body: FormBody; version: number; findings: Finding[]; errors?: ReturnType<typeof readSection>['errors']; refused?: boolean; error?: string; done?: string },
  ) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const langs = p.langs;
    const key = p.reg.id;
    const base = `/admin/t/${tenant.slug}/registers/${key}`;
    const view = sectionView({ reg: p.reg, section: p.section, body: p.body, langs, lang, t, errors: p.errors ?? [], findings: p.findings, refusesWords: (f) => refusesWords(f, t) });
    const counts = findingsPerSection(p.findings, p.reg);
    const errorsHere = p.findings.filter((f) => f.severity === 'error').length;
    const sectionTitle = t(`registers.form.sections.${p.section}.title`);
    return this.pages.render(req, res, 'registers/section', {
      title: t('registers.form.sectionTitle', { section: sectionTitle, name: p.name }),
      status,
      hasErrors: status >= 400,
      flash: flashOf(t, p.done),
    }, {
      key,
      intro: t(`registers.form.sections.${p.section}.intro`),
      registerHref: base,
      sectionsHref: `${base}/sections`,
      action: `${base}/sections/${p.section}`,
      version: p.version,
      view,
      body: { changeSummary: typeof p.body.changeSummary === 'string' ? p.body.changeSummary : '' },
      sectionNav: SECTION_KEYS.map((s) => ({ href: `${base}/sections/${s}`, title: t(`registers.form.sections.${s}.title`), current: s === p.section, findings: counts[s] ? t('registers.form.findingsIn', { count: counts[s] }) : '' })),
      refused: p.refused,
      refusedText: p.refused ? t('registers.refusedErrors', { count: p.findings.filter((f) => f.severity === 'error' && f.kind === 'definition').length }) : undefined,
      savedWithErrors: p.done === 'register-saved' && errorsHere > 0,
      error: p.error,
      fieldErrors: view.errorLinks.length > 0,
    });
  }

  private async newPage(req: AdminHttpRequest, res: Response, status: number, typed: NewRegisterForm, errors: { field: string; code: string }[] = [], findings: Finding[] = []) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const langs = await this.langs(req);
    const view = newRegisterView(typed, errors, langs, lang, t);
    const placed = findings.length ? this.model.findingGroups(findings, typed.key, t, lang, await this.model.placer(tenant.id, lang)) : undefined;
    return this.pages.render(req, res, 'registers/new', { title: t('registers.form.newTitle'), status, hasErrors: status >= 400 }, {
      action: `/admin/t/${tenant.slug}/registers/new`,
      listHref: `/admin/t/${tenant.slug}/registers`,
      view,
      findings: placed,
    });
  }

  private async retirePage(req: AdminHttpRequest, res: Response, key: string, status: number, reason: string, errorField?: 'reason') {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const view = await this.current(req, key);
    const preview = await this.lifecycle.retirePreview(tenant.id, key);
    if (!preview) throw new NotFoundException();
    const base = `/admin/t/${tenant.slug}/registers/${key}`;
    return this.pages.render(req, res, 'registers/retire', { title: t('registers.form.retireTitle', { name: this.model.nameOf(view, lang) }), status, hasErrors: status >= 400 }, {
      key,
      registerHref: base,
      action: `${base}/retire`,
      preview,
      reason,
      reasonError: errorField === 'reason' ? t('registers.form.errors.reason') : undefined,
    });
  }
}

function checkedSection(section: string): SectionKey {
  if (!isSectionKey(section)) throw new NotFoundException();
  return section;
}
