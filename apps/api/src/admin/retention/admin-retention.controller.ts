import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { RetentionRunsService } from '@regula/retention';
import type { Actor } from '@regula/ingest';
import { LegalHoldDto } from '../../retention/retention.dto';
import { validated } from '../requests/request-action.forms';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, AdminTenant, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { HoldFormState, RetentionPage } from './retention-page.service';

type Form = Record<string, unknown>;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who acts, for the audit log: "admin@x (compliance-admin)". */
export function actorFor(req: AdminHttpRequest, tenant: AdminTenant): Actor {
  const { user } = adminOf(req);
  return { id: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) };
}

/**
 * Retention: the schedule (each register's rules in its own words, what is
 * overdue and due within 30 days), the runs and a run's counts, "run now",
 * and legal holds on records (retention:run; the same services and DTO as
 * the REST API, audited).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/retention')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('retention:read')
export class AdminRetentionController {
  constructor(private readonly pages: AdminPages, private readonly page: RetentionPage, private readonly runs: RetentionRunsService) {}

  @Get()
  async overview(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.render(req, res, 200, undefined, flashOf(t, done));
  }

  @Get('runs/:id')
  async run(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('id') id: string, @Query('done') done?: string) {
    if (!UUID.test(id)) throw new NotFoundException();
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.page.run(tenantOf(req), lang, t, id);
    return this.pages.render(req, res, 'retention/run', { title: t('retention.runTitle', { started: model.run.started }), flash: flashOf(t, done) }, model);
  }

  @Post('runs')
  async runNow(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = this.writer(req);
    const run = await this.runs.runNow(tenant.id, actorFor(req, tenant));
    res.redirect(303, `/admin/t/${tenant.slug}/retention/runs/${run.id}?done=${run.created ? 'retention-started' : 'retention-running'}`);
  }

  @Post('holds/:action')
  async hold(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('action') action: string, @Body() body: Form) {
    if (action !== 'place' && action !== 'lift') throw new NotFoundException();
    const tenant = this.writer(req);
    const recordId = typeof body.recordId === 'string' ? body.recordId.trim() : '';
    const values = { recordId, reason: typeof body.reason === 'string' ? body.reason : '' };
    const t = this.pages.t(this.pages.lang(req));
    if (!UUID.test(recordId)) return this.render(req, res, 400, { action, error: t('retention.badRecordId'), values });
    let changed: boolean;
    try {
      const dto = await validated<LegalHoldDto>(LegalHoldDto, { reason: values.reason });
      changed = (await this.runs.setLegalHold(tenant.id, recordId, action === 'place', dto.reason.trim(), actorFor(req, tenant))).changed;
    } catch (e) {
      if (statusOf(e) !== 400) throw e;
      return this.render(req, res, 400, { action, error: t('errors.invalid', { detail: messageOf(e) }), values });
    }
    const done = !changed ? 'hold-unchanged' : action === 'place' ? 'hold-placed' : 'hold-lifted';
    res.redirect(303, `/admin/t/${tenant.slug}/retention?done=${done}#holds`);
    return undefined;
  }

  /** Checked again on every POST: auditors (read-only) never reach a service that changes anything. */
  private writer(req: AdminHttpRequest): AdminTenant {
    const tenant = tenantOf(req);
    if (!tenant.permissions.includes('retention:run')) throw new ForbiddenException('needs retention:run');
    return tenant;
  }

  private async render(req: AdminHttpRequest, res: Response, status: number, failed?: HoldFormState, flash?: string) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.page.overview(tenantOf(req), lang, t, new Date(), failed);
    return this.pages.render(req, res, 'retention/overview', { title: t('retention.title'), status, hasErrors: !!failed, flash }, model);
  }
}
