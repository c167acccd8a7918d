import { Body, Controller, ForbiddenException, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { FactConfirmationsService } from '@regula/registers';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, AdminTenant, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { FactsPage, factAnchor } from './facts-page.service';

type Form = Record<string, unknown>;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** What the admin typed, shown again when the confirmation is refused. */
export interface ConfirmFormState {
  path: string;
  error: string;
  note: string;
  replacement: string;
}

/**
 * "To confirm": the facts Regula assumed or nobody stated, which block
 * publishing until a compliance admin confirms them (keeps the value, or
 * replaces it), with a note; every confirmation is audited (`fact.confirmed`).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/facts')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('registers:read')
export class AdminFactsController {
  constructor(private readonly pages: AdminPages, private readonly page: FactsPage, private readonly facts: FactConfirmationsService) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.render(req, res, 200, undefined, flashOf(t, done));
  }

  @Post('confirm')
  async confirm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = this.writer(req);
    const t = this.pages.t(this.pages.lang(req));
    const typed = { path: str(body.path, 500), note: str(body.note, 2000), replacement: str(body.replacement, 20_000) };
    const fact = (await this.facts.facts(tenant.id)).find((f) => f.path === typed.path);
    if (!fact) return this.render(req, res, 404, { ...typed, error: t('facts.gone') });
    let replacement: unknown;
    if (typed.replacement.trim() !== '') {
      if (typeof fact.value === 'string') replacement = typed.replacement;
      else {
        try {
          replacement = JSON.parse(typed.replacement);
        } catch (e) {
          return this.render(req, res, 400, { ...typed, error: t('facts.badJson', { detail: (e as Error).message }) });
        }
      }
    }
    try {
      const { user } = adminOf(req);
      await this.facts.confirm(tenant.id, { path: typed.path, valueHash: str(body.valueHash, 64), note: typed.note, replacement },
        { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) });
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 404, 409].includes(status)) throw e;
      return this.render(req, res, status, { ...typed, error: t(status === 409 ? 'facts.conflict' : 'errors.invalid', { detail: messageOf(e) }) });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/facts?done=fact-confirmed#${factAnchor(typed.path)}`);
    return undefined;
  }

  /** Checked again on every POST: auditors (read-only) never reach a service that changes anything. */
  private writer(req: AdminHttpRequest): AdminTenant {
    const tenant = tenantOf(req);
    if (!tenant.permissions.includes('registers:write')) throw new ForbiddenException('needs registers:write');
    return tenant;
  }

  private async render(req: AdminHttpRequest, res: Response, status: number, failed?: ConfirmFormState, flash?: string) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.page.model(tenantOf(req), lang, t);
    const waiting = model.waiting.map((g) => ({
      ...g,
      rows: g.rows.map((r) => (failed && r.path === failed.path ? { ...r, failed } : r)),
    }));
    return this.pages.render(req, res, 'facts/list', { title: t('facts.title'), status, hasErrors: !!failed, flash }, { ...model, waiting, failure: failed });
  }
}
