import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import type { Finding, Register } from '@regula/engine';
import { REGISTER_KEY, RegisterEditService, RegisterLintFailedError, RegistersService } from '@regula/registers';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { codeText } from './code-words';
import { registerContentView } from './register-content.view';
import { registerLineDiff } from './register-diff.view';
import { parseDefinition, prettyDefinition } from './register-edit.form';
import { RegisterPages, refusesWords } from './register-pages.service';
import { ADMIN_LINT_SCRIPT_URL } from './admin-lint.script';
import { PAGE_CSP } from '../../web/public-assets';

/** The edit page alone may run the dashboard's own script (admin-lint.js) and post to its lint endpoint. */
const EDIT_PAGE_CSP = `${PAGE_CSP}; script-src 'self'; connect-src 'self'`;

type Form = Record<string, unknown>;

function checkedKey(key: string): string {
  if (!REGISTER_KEY.test(key)) throw new NotFoundException();
  return key;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * The registers: the list (current version, author, linter findings per
 * severity), a register's whole content in the page language, its history
 * with a line diff between any two versions, and the edit form (JSON in a
 * textarea: "Check" runs the linter on the whole controller without saving;
 * "Save as new version" saves through RegisterEditService, refused with the
 * findings while the linter reports an error). Editing needs registers:write.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/registers')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('registers:read')
export class AdminRegistersController {
  constructor(
    private readonly pages: AdminPages,
    private readonly registers: RegistersService,
    private readonly edits: RegisterEditService,
    private readonly model: RegisterPages,
  ) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const { rows, elsewhere } = await this.model.rows(tenantOf(req), lang);
    const tenant = tenantOf(req);
    const importHref = tenant.permissions.includes('registers:write') ? `/admin/t/${tenant.slug}/record-import` : undefined;
    const newHref = tenant.permissions.includes('registers:write') ? `/admin/t/${tenant.slug}/registers/new` : undefined;
    return this.pages.render(req, res, 'registers/list', { title: t('registers.title') }, { rows, elsewhere, newHref, importHref });
  }

  @Get(':key')
  async detail(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Query('done') done?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const view = await this.registers.get(tenant.id, checkedKey(key));
    if (!view) throw new NotFoundException();
    const reg = registerContentView(view.definition as unknown as Register, lang, t);
    const base = `/admin/t/${tenant.slug}/registers/${view.key}`;
    const meta = await this.model.meta(tenant, view, lang);
    return this.pages.render(req, res, 'registers/detail', { title: reg.name?.text ?? view.key, flash: flashOf(t, done) }, {
      reg,
      meta: { ...meta, findings: meta.findings.map((f) => ({ ...f, severityWords: codeText(lang, 'severity', f.severity), refuses: refusesWords(f, t) })) },
      listHref: `/admin/t/${tenant.slug}/registers`,
      historyHref: `${base}/history`,
      editHref: tenant.permissions.includes('registers:write') && !view.retired ? `${base}/edit` : undefined,
      formHref: tenant.permissions.includes('registers:write') && !view.retired ? `${base}/sections` : undefined,
      retireHref: tenant.permissions.includes('registers:write') && !view.retired ? `${base}/retire` : undefined,
      retiredReason: view.retiredReason ?? undefined,
    });
  }

  @Get(':key/edit')
  @RequirePermission('registers:write')
  async editForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string) {
    const view = await this.current(req, key);
    return this.editPage(req, res, key, 200, { text: prettyDefinition(view.definition), summary: '', baseVersion: view.version });
  }

  /** One form, two buttons: `intent=check` lints only; `intent=save` saves a new version. */
  @Post(':key/edit')
  @RequirePermission('registers:write')
  async submit(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Body() body: Form) {
    const tenant = tenantOf(req);
    const t = this.pages.t(this.pages.lang(req));
    const current = await this.current(req, key);
    const text = typeof body.definition === 'string' ? body.definition : '';
    const summary = str(body.changeSummary, 2000).trim();
    const base = Number.parseInt(str(body.baseVersion, 10), 10);
    const typed = { text, summary, baseVersion: Number.isInteger(base) && base > 0 ? base : current.version };
    const save = body.intent === 'save';

    const parsed = parseDefinition(text);
    if (!parsed.ok) {
      const error = parsed.error === 'too-long' ? t('registers.tooLong') : parsed.error === 'empty' ? t('registers.empty')
        : parsed.line ? t('registers.invalidJsonAt', { line: parsed.line, column: parsed.column, detail: parsed.error }) : t('registers.invalidJson', { detail: parsed.error });
      return this.editPage(req, res, key, 400, typed, { error });
    }
    try {
      if (!save) {
        const findings = await this.edits.lint(tenant.id, key, parsed.value);
        return this.editPage(req, res, key, 200, typed, { findings, checked: true });
      }
      if (summary.length < 3) return this.editPage(req, res, key, 400, typed, { error: t('registers.summaryRequired'), summaryError: true });
      const { user } = adminOf(req);
      const out = await this.edits.saveVersion(tenant.id, key, { definition: parsed.value, changeSummary: summary, baseVersion: typed.baseVersion },
        { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) });
      const done = out.status === 'created' ? 'register-saved' : 'register-unchanged';
      res.redirect(303, `/admin/t/${tenant.slug}/registers/${key}/history?done=${done}`);
      return undefined;
    } catch (e) {
      if (e instanceof RegisterLintFailedError) return this.editPage(req, res, key, 422, typed, { findings: e.findings, checked: true, refused: true });
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      const error = t(status === 409 ? 'registers.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return this.editPage(req, res, key, status, typed, { error });
    }
  }

  /** The edit page's script: findings as JSON while the admin types (nothing is saved). */
  @Post(':key/lint')
  @HttpCode(200)
  @RequirePermission('registers:write')
  async lintJson(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Body() body: Form) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    await this.current(req, key);
    res.setHeader('Cache-Control', 'no-store');
    const parsed = parseDefinition(typeof body.definition === 'string' ? body.definition : '');
    if (!parsed.ok) {
      const error = parsed.error === 'too-long' ? t('registers.tooLong') : parsed.error === 'empty' ? t('registers.empty')
        : parsed.line ? t('registers.invalidJsonAt', { line: parsed.line, column: parsed.column, detail: parsed.error }) : t('registers.invalidJson', { detail: parsed.error });
      return { error };
    }
    try {
      const findings = await this.edits.lint(tenantOf(req).id, key, parsed.value);
      const place = await this.model.placer(tenantOf(req).id, lang, parsed.value);
      return { ...this.model.findingGroups(findings, key, t, lang, place), thisRegister: t('registers.thisRegister') };
    } catch (e) {
      if (statusOf(e) === 400) return { error: t('errors.invalid', { detail: messageOf(e) }) };
      throw e;
    }
  }

  @Get(':key/history')
  async history(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('key') key: string, @Query() q: Form) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const versions = await this.registers.history(tenant.id, checkedKey(key));
    if (!versions?.length) throw new NotFoundException();
    const newest = versions[0].version;
    const pick = (v: unknown, fallback: number) => {
      const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : fallback;
      return versions.some((x) => x.version === n) ? n : fallback;
    };
    const to = pick(q.to, newest);
    const from = pick(q.from, Math.max(1, to - 1));
    let diff: ReturnType<typeof registerLineDiff> | undefined;
    if (versions.length > 1 || from !== to) {
      const [a, b] = await Promise.all([this.registers.get(tenant.id, key, from), this.registers.get(tenant.id, key, to)]);
      if (a && b) diff = registerLineDiff(prettyDefinition(a.definition), prettyDefinition(b.definition));
    }
    const current = await this.registers.get(tenant.id, key);
    return this.pages.render(req, res, 'registers/history', { title: t('registers.historyTitle', { name: current ? this.model.nameOf(current, lang) : key }), flash: flashOf(t, q.done) }, {
      key,
      registerHref: `/admin/t/${tenant.slug}/registers/${key}`,
      action: `/admin/t/${tenant.slug}/registers/${key}/history`,
      versions: this.model.versionRows(tenant, versions, lang, from, to),
      from,
      to,
      diff,
      single: versions.length < 2,
    });
  }

  private async current(req: AdminHttpRequest, key: string) {
    const view = await this.registers.get(tenantOf(req).id, checkedKey(key));
    if (!view || view.retired) throw new NotFoundException();
    return view;
  }

  private async editPage(
    req: AdminHttpRequest,
    res: Response,
    key: string,
    status: number,
    typed: { text: string; summary: string; baseVersion: number },
    result: { findings?: Finding[]; checked?: boolean; refused?: boolean; error?: string; summaryError?: boolean } = {},
  ) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const view = await this.current(req, key);
    const base = `/admin/t/${tenant.slug}/registers/${key}`;
    const findings = result.findings ? this.model.findingGroups(result.findings, key, t, lang, await this.model.placer(tenant.id, lang, editedOf(typed.text))) : undefined;
    const failed = !!result.error || !!result.refused;
    const html = await this.pages.render(req, res, 'registers/edit', { title: t('registers.editTitle', { name: this.model.nameOf(view, lang) }), status, hasErrors: failed }, {
      key,
      version: view.version,
      registerHref: base,
      action: `${base}/edit`,
      typed,
      error: result.error,
      summaryError: result.summaryError,
      refused: result.refused,
      checked: result.checked,
      findings,
      lintAction: `${base}/lint`,
      scriptUrl: ADMIN_LINT_SCRIPT_URL,
    });
    res.setHeader('Content-Security-Policy', EDIT_PAGE_CSP);
    return html;
  }
}

/** The register being edited, when the typed text parses (its names give the findings' places in words). */
function editedOf(text: string): unknown {
  const parsed = parseDefinition(text);
  return parsed.ok ? parsed.value : undefined;
}
