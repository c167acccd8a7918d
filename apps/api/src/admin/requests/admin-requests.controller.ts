import { BadRequestException, Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { FulfilmentService, RequestAssignmentService, RequestNotesService, RequestsService } from '@regula/requests';
import type { RefusalGround, RehearsedAct } from '@regula/requests';
import type { Lang } from '@regula/engine';
import { formatDate } from '../../web/format';
import { sendArtifact } from '../../fulfilment/artifact-response';
import { sendEvidence } from '../../web/evidence-download';
import { sendExportFile } from '../../exports/export-download';
import { RequestListExportService } from '../../requests/export/request-list-export.service';
import { REQUEST_EXPORT_FORMATS } from '../../requests/export/request-list.files';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, AdminTenant, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { ACTION_FORMS, validated } from './request-action.forms';
import { languageWords } from './request-detail.view';
import { checkedReference, memberActor, RequestDetailPage } from './request-detail.page';
import { RequestQueue } from './request-queue.service';

type Form = Record<string, unknown>;
const REFERENCE = /^[Rr]-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The requests queue and a request's page, with a form for every action the
 * REST API allows (same services, same DTOs, same permissions; the tenant id
 * comes from the checked slug). Errors come back on the page with the values
 * typed; a success redirects (303) with a flash message.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('requests:read')
export class AdminRequestsController {
  constructor(
    private readonly pages: AdminPages,
    private readonly requests: RequestsService,
    private readonly fulfilment: FulfilmentService,
    private readonly queue: RequestQueue,
    private readonly assignment: RequestAssignmentService,
    private readonly notes: RequestNotesService,
    private readonly page: RequestDetailPage,
    private readonly listExport: RequestListExportService,
  ) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Form) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const tenant = tenantOf(req);
    const model = await this.queue.page(tenant, adminOf(req).user.id, lang, t, query);
    // "Record a request" (e-mail, post, phone, in person) for those who may act on requests.
    const recordHref = tenant.permissions.includes('requests:write') ? `/admin/t/${tenant.slug}/requests/new` : undefined;
    return this.pages.render(req, res, 'requests/list', { title: t('queue.title') }, { ...model, recordHref, historyHref: `/admin/t/${tenant.slug}/request-history` });
  }

  /** POST, so that an e-mail address searched for never appears in a URL or an access log. */
  @Post('search')
  async search(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    const q = typeof body.q === 'string' ? body.q.trim().slice(0, 200) : '';
    if (REFERENCE.test(q)) {
      const found = await this.requests.detail(tenant.id, q).catch(() => null);
      if (found) {
        res.redirect(303, `/admin/t/${tenant.slug}/requests/${found.request.reference}`);
        return undefined;
      }
    }
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.queue.search(tenant, lang, t, q);
    return this.pages.render(req, res, 'requests/list', { title: t('queue.searchTitle') }, model);
  }

  /** The filtered list, every page, as CSV or XLSX: headings and coded values in the page's language; the service audits it with the filters and the row count. */
  @Get('export')
  async exportList(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Form) {
    const format = REQUEST_EXPORT_FORMATS.find((f) => f === query.format);
    if (!format) throw new BadRequestException(`format must be one of ${REQUEST_EXPORT_FORMATS.join(', ')}`);
    const tenant = tenantOf(req);
    const { user } = adminOf(req);
    const actor = { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) };
    const filter = this.queue.exportFilter(tenant, user.id, query);
    return sendExportFile(res, await this.listExport.export(tenant.id, filter, format, this.pages.lang(req), actor));
  }

  @Get(':reference')
  async detail(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.page.render(req, res, checkedReference(reference), 200, undefined, flashOf(t, done));
  }

  /** The merge page of a duplicate: what merging into the earlier request does, nothing done yet; its Confirm posts `merge` confirmed. */
  @Get(':reference/merge')
  async mergePage(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string): Promise<string> {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    if (!tenant.permissions.includes('requests:write')) throw new ForbiddenException('needs requests:write');
    try {
      return await this.confirmPage(req, res, ref, 'merge', {});
    } catch (e) {
      return this.page.refused(req, res, ref, e, { action: 'merge', values: {} }, [409]);
    }
  }

  @Post(':reference/:action')
  async act(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Param('action') action: string, @Body() body: Form): Promise<string | undefined> {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const form = Object.prototype.hasOwnProperty.call(ACTION_FORMS, action) ? ACTION_FORMS[action] : undefined;
    if (!form) throw new NotFoundException();
    // Checked again here: auditors (read-only) never reach a service that changes anything.
    if (!tenant.permissions.includes(form.permission)) throw new ForbiddenException(`needs ${form.permission}`);
    const { _csrf: _token, ...values } = body;
    const current = await this.requests.detail(tenant.id, ref);
    // Nothing is fulfilled on one click (issue 14 §3): a fulfil form from an older page shows the preview.
    if (action === 'fulfil') return this.act(req, res, reference, 'fulfil-preview', body);
    try {
      const dto = await validated<Record<string, unknown>>(form.dto, form.build(values, current.request.type));
      // Nothing irreversible on one click: extending and refusing first show what will change and the requester's e-mail.
      if ((action === 'extend' || action === 'refuse' || action === 'merge') && values.confirmed !== '1') return await this.confirmPage(req, res, ref, action, dto);
      const next = await this.run(req, tenant, ref, action, dto);
      res.redirect(303, next ?? `/admin/t/${tenant.slug}/requests/${ref}?done=${form.done}`);
      return undefined;
    } catch (e) {
      // The preview is asked for from the fulfil form: its error shows there.
      return this.page.refused(req, res, ref, e, { action: action === 'fulfil-preview' ? 'fulfil' : action, values }, [400, 409, 422]);
    }
  }

  /** Carries out the action; returns where to go next when that is not the request's page. */
  private async run(req: AdminHttpRequest, tenant: AdminTenant, ref: string, action: string, dto: Record<string, unknown>): Promise<string | void> {
    const { user } = adminOf(req);
    const ip = clientIp(req);
    const actor = memberActor(req);
    const s = this.requests;
    const reason = dto.reason as string;
    switch (action) {
      case 'identity-confirm': await s.confirmIdentity(tenant.id, ref, actor, { note: dto.note as string | undefined, arrivedAt: dto.arrivedAt as string | undefined }); return;
      case 'identity-reject': await s.rejectEvidence(tenant.id, ref, actor, { reason, evidenceId: dto.evidenceId as string | undefined }); return;
      case 'extend': await s.extend(tenant.id, ref, actor, reason); return;
      case 'refuse': await s.refuse(tenant.id, ref, actor, { ground: dto.ground as never, reason }); return;
      case 'merge': await s.merge(tenant.id, ref, actor); return;
      case 'fee': await s.requestFee(tenant.id, ref, actor, { amount: dto.amount as number, reason }); return;
      case 'message': await s.addMessage(tenant.id, ref, actor, dto.text as string); return;
      case 'assign': await this.assignment.assign(tenant.id, ref, actor, (dto.assigneeId as string | null) ?? null); return;
      case 'note': await this.notes.add(tenant.id, ref, actor, dto.text); return;
      case 'fulfil-preview': {
        const { id } = await this.fulfilment.preview(tenant.id, ref, dto, { id: user.id, name: `${user.email} (${tenant.role})`, label: user.email, ip });
        return `/admin/t/${tenant.slug}/requests/${ref}/previews/${id}`;
      }
      default: throw new NotFoundException();
    }
  }

  /** The act rehearsed (nothing kept) and shown with a Confirm button that posts the same form again, confirmed. */
  private async confirmPage(req: AdminHttpRequest, res: Response, ref: string, action: 'extend' | 'refuse' | 'merge', dto: Record<string, unknown>): Promise<string> {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const actor = memberActor(req);
    const reason = dto.reason as string;
    const act: RehearsedAct = action === 'extend' ? { action, reason } : action === 'merge' ? { action } : { action, ground: dto.ground as RefusalGround, reason };
    const r = await this.requests.rehearse(tenant.id, ref, actor, act);
    const fields = action === 'extend' ? [{ name: 'reason', value: reason }] : action === 'merge' ? [] : [{ name: 'ground', value: String(dto.ground) }, { name: 'reason', value: reason }];
    // Merging: what happens to both requests, in words (the rehearsal shows this one's state and the e-mail).
    const explain = action === 'merge' ? await this.mergeWords(tenant, ref, lang, t) : [];
    const base = `/admin/t/${tenant.slug}/requests/${ref}`;
    return this.pages.render(req, res, 'requests/confirm-act', { title: t(`confirmAct.title.${action}`, { reference: ref }) }, {
      reference: ref,
      requestHref: base,
      action: `${base}/${action}`,
      danger: action === 'refuse',
      confirmLabel: t(`confirmAct.confirm.${action}`),
      stateBefore: t(`states.${r.before.state}`),
      stateAfter: t(`states.${r.after.state}`),
      dueBefore: formatDate(r.before.dueDate, lang, 'full'),
      dueAfter: formatDate(r.after.dueDate, lang, 'full'),
      dueChanged: r.before.dueDate !== r.after.dueDate,
      mail: r.mail ? { ...r.mail, language: languageWords(r.mail.locale, lang) } : null,
      fields,
      explain,
    });
  }

  /** What merging `ref` into its earlier request does, sentence by sentence (the merge page). */
  private async mergeWords(tenant: AdminTenant, ref: string, lang: Lang, t: (key: string, vars?: Record<string, unknown>) => string): Promise<string[]> {
    const later = await this.requests.detail(tenant.id, ref);
    const earlierRef = later.duplicates.duplicateOf?.reference ?? '';
    const earlier = await this.requests.detail(tenant.id, earlierRef);
    const vars = { later: ref, earlier: earlierRef, due: formatDate(earlier.deadline.dueDate, lang, 'full') };
    return ['closes', 'oneAnswer', 'told', 'audited'].map((k) => t(`confirmAct.merge.${k}`, vars));
  }

  /** An identity document: the tenant's compliance admins only; the service audits the download. */
  @Get(':reference/evidence/:id')
  @RequirePermission('evidence:read')
  async evidence(@Req() req: AdminHttpRequest, @Res() res: Response, @Param('reference') reference: string, @Param('id') id: string) {
    const tenant = tenantOf(req);
    if (tenant.role !== 'compliance-admin') throw new ForbiddenException();
    if (!UUID.test(id)) throw new NotFoundException();
    const actor = memberActor(req);
    const { evidence, content } = await this.requests.readEvidence(tenant.id, checkedReference(reference), id, actor);
    sendEvidence(res, evidence, content);
  }

  /** A file that answers the request (access package, export, report, a reply document), like the API's download. */
  @Get(':reference/artifacts/:id')
  @RequirePermission('requests:fulfil')
  async artifact(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Param('id') id: string) {
    if (!UUID.test(id)) throw new NotFoundException();
    return sendArtifact(res, await this.fulfilment.artifactForStaff(tenantOf(req).id, checkedReference(reference), id));
  }
}
