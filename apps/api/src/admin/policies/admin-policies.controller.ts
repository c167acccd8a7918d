import { Body, Controller, ForbiddenException, Get, NotFoundException, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { LANGS, Lang } from '@regula/engine';
import { PolicyIncompleteError, PolicyVersionsService, PublishPreviewService, renderPolicyDiffHtml } from '@regula/policies';
import { NotFoundError } from '@regula/platform';
import { PublishPolicyDto } from '../../policies/dto/policy.dto';
import { languageName } from '../../web/format';
import { validated } from '../requests/request-action.forms';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { PolicyPages, PublishFailure } from './policy-pages.service';
import { formErrors, reviewView, valuesOf } from './publish-review.view';

type Form = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * Privacy policies: the published versions, the material change being
 * announced, the open draft with what blocks publishing, a preview of the
 * draft per language, a diff between any two versions, and the forms to
 * draft from the registers and to publish in two steps (policies:publish):
 * "Review" shows who will be told and how, the proposed effective date and a
 * draft identical to the version in force; "Publish" confirms what was
 * reviewed (refused on the page with the problems (422), a missing summary
 * (400), or when the registers or the draft changed (409)).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/policies')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('policies:read')
export class AdminPoliciesController {
  constructor(
    private readonly pages: AdminPages,
    private readonly policies: PolicyVersionsService,
    private readonly previews: PublishPreviewService,
    private readonly model: PolicyPages,
  ) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    return this.listPage(req, res, 200, undefined, flashOf(this.pages.t(this.pages.lang(req)), done));
  }

  @Post('drafts')
  @RequirePermission('policies:publish')
  async draft(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = tenantOf(req);
    const { user } = adminOf(req);
    await this.policies.createDraft(tenant.id, { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) });
    res.redirect(303, `/admin/t/${tenant.slug}/policies?done=policy-drafted#draft`);
    return undefined;
  }

  @Get('draft')
  async preview(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('text') text?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const draft = await this.policies.draft(tenant.id);
    if (!draft) throw new NotFoundException();
    const languages = draft.languages as Lang[];
    const textLang: Lang = typeof text === 'string' && languages.includes(text as Lang) ? (text as Lang) : languages.includes(lang) ? lang : languages[0];
    const base = `/admin/t/${tenant.slug}/policies/draft`;
    return this.pages.render(req, res, 'policies/preview', { title: t('policies.previewTitle') }, {
      listHref: `/admin/t/${tenant.slug}/policies`,
      langs: languages.map((code) => ({ code, label: languageName(code), href: `${base}?text=${code}`, current: code === textLang })),
      textLang,
      textLangName: languageName(textLang),
      problems: draft.problems.length,
      policyHtml: draft.content[textLang]?.html ?? '',
    });
  }

  /** Step 1 of 2: what publishing the draft would do (nothing is written); the page then offers "Publish". */
  @Post('review')
  @RequirePermission('policies:publish')
  async review(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    if (!tenant.permissions.includes('policies:publish')) throw new ForbiddenException();
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const draftId = str(body.draftId, 64);
    if (!UUID.test(draftId)) throw new NotFoundException();
    const draft = await this.policies.draft(tenant.id);
    const values = valuesOf(body, draft?.languages ?? []);
    if (!draft || draft.id !== draftId) return this.listPage(req, res, 409, { values, error: t('policies.conflict', { detail: t('policies.draftReplaced') }) });
    const errors = formErrors(values, draft.languages, lang, t);
    if (errors.length) return this.listPage(req, res, 400, { values, error: t('policies.notReviewed'), errors });
    try {
      const preview = await this.previews.preview(tenant.id, draftId, { material: values.material === 'yes', effectiveDate: values.effectiveDate || undefined, changeSummary: values.summaries });
      return this.listPage(req, res, 200, { values, review: reviewView(preview, values, lang, t) });
    } catch (e) {
      if (statusOf(e) !== 400) throw e;
      return this.listPage(req, res, 400, { values, error: t('errors.invalid', { detail: messageOf(e) }) });
    }
  }

  /** Step 2 of 2: publishes what was reviewed; a draft changed or replaced since the review is refused (409). */
  @Post('publish')
  @RequirePermission('policies:publish')
  async publish(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    if (!tenant.permissions.includes('policies:publish')) throw new ForbiddenException();
    const t = this.pages.t(this.pages.lang(req));
    const draftId = str(body.draftId, 64);
    const draftHash = str(body.draftHash, 64);
    const values = valuesOf(body, LANGS.filter((l) => typeof body[`summary_${l}`] === 'string'));
    if (!UUID.test(draftId)) throw new NotFoundException();
    if (!/^[0-9a-f]{64}$/.test(draftHash)) return this.listPage(req, res, 400, { values, error: t('policies.reviewFirst') });
    try {
      const dto = await validated<PublishPolicyDto>(PublishPolicyDto, {
        changeSummary: values.summaries,
        material: values.material === 'yes' ? true : values.material === 'no' ? false : values.material,
        effectiveDate: values.effectiveDate || undefined,
        draftHash,
      });
      const { user } = adminOf(req);
      const out = await this.policies.publish(tenant.id, draftId, dto, { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) });
      res.redirect(303, `/admin/t/${tenant.slug}/policies?done=policy-published#v-${out.version.number}`);
      return undefined;
    } catch (e) {
      if (e instanceof PolicyIncompleteError) {
        return this.listPage(req, res, 422, { values, error: t('policies.refusedProblems', { count: e.problems.length }), problems: true });
      }
      // The reviewed draft was replaced by a newer one: what was reviewed no longer exists.
      if (e instanceof NotFoundError) return this.listPage(req, res, 409, { values, error: t('policies.conflict', { detail: t('policies.draftReplaced') }) });
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      const error = t(status === 409 ? 'policies.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return this.listPage(req, res, status, { values, error });
    }
  }

  @Get('diff')
  async diff(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() q: Form) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const all = await this.policies.list(tenant.id);
    if (!all.length) throw new NotFoundException();
    const numbers = all.map((v) => v.number!);
    const pick = (v: unknown, fallback: number) => {
      const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) return fallback;
      if (!numbers.includes(n)) throw new NotFoundException();
      return n;
    };
    const to = pick(q.to, numbers[0]);
    const from = pick(q.from, Math.max(1, to - 1));
    const langs = [...new Set(all.flatMap((v) => v.languages))] as Lang[];
    const textLang: Lang = typeof q.text === 'string' && (LANGS as readonly string[]).includes(q.text) && langs.includes(q.text as Lang) ? (q.text as Lang) : langs.includes(lang) ? lang : langs[0];
    const result = from === to ? null : await this.policies.diff(tenant.id, from, to, textLang);
    const labels = { unchanged: t('policies.diffUnchanged'), added: t('policies.diffAdded'), removed: t('policies.diffRemoved'), noDifferences: t('policies.diffNone') };
    return this.pages.render(req, res, 'policies/diff', { title: t('policies.diffTitle') }, {
      listHref: `/admin/t/${tenant.slug}/policies`,
      action: `/admin/t/${tenant.slug}/policies/diff`,
      fromOptions: numbers.map((n) => ({ value: n, selected: n === from })),
      toOptions: numbers.map((n) => ({ value: n, selected: n === to })),
      langOptions: langs.map((code) => ({ value: code, label: languageName(code), selected: code === textLang })),
      textLang,
      intro: result ? t('policies.diffIntro', { from, to, language: languageName(textLang) }) : t('policies.diffSame'),
      diffHtml: result ? renderPolicyDiffHtml(result.diff, labels) : undefined,
    });
  }

  private async listPage(req: AdminHttpRequest, res: Response, status: number, failed?: PublishFailure, flash?: string) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.model.list(tenantOf(req), lang, t, failed);
    return this.pages.render(req, res, 'policies/list', { title: t('policies.title'), status, hasErrors: !!failed, flash }, model);
  }
}
