import { Controller, Get, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { MAX_ORIGINAL_BYTES, RecordRequestInput, RequestRecordingService } from '@regula/requests';
import { actorOf } from '../../requests/request-actor';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { AdminRecordUploadGuard } from './record-upload.guard';
import { RecordFormValues, recordRequestView } from './record-request.view';
import { AdminUploadRequest, UPLOAD_FAILURE } from './reply-upload.guard';

const TEXT_FIELDS = ['channel', 'receivedAt', 'lateReason', 'receivedBy', 'name', 'email', 'postalAddress', 'phone', 'locale', 'message', 'identityNote'] as const;

/** The form's fields as typed: text fields trimmed to strings, empty ones left out; `types` a list. */
function formValues(body: Record<string, unknown> | undefined): RecordFormValues {
  const values: RecordFormValues = {};
  for (const k of TEXT_FIELDS) if (typeof body?.[k] === 'string' && (body[k] as string).trim()) values[k] = body[k];
  const types = body?.types;
  values.types = Array.isArray(types) ? types.filter((x) => typeof x === 'string') : typeof types === 'string' ? [types] : [];
  return values;
}

/**
 * "Record a request" (from the requests queue): a request that reached the
 * controller by e-mail, post, phone or in person, with its real receipt time
 * (a local date and time in the controller's zone), the contact (the e-mail
 * is optional), the types and optionally the original. The same service as
 * `POST /api/v1/tenants/:slug/requests`; 400 and 413 come back on the form
 * with the values typed; a success goes to the (first) recorded request.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests/new')
@UseFilters(AdminExceptionFilter)
export class AdminRequestRecordController {
  constructor(private readonly pages: AdminPages, private readonly recording: RequestRecordingService) {}

  @Get()
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  @RequirePermission('requests:write')
  form(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const t = this.pages.t(this.pages.lang(req));
    return this.pages.render(req, res, 'requests/record', { title: t('record.title') }, recordRequestView(t, tenantOf(req), adminOf(req).user.email));
  }

  @Post()
  @UseGuards(AdminRecordUploadGuard)
  @RequirePermission('requests:write')
  async record(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = tenantOf(req);
    const { user } = adminOf(req);
    const values = formValues(req.body as Record<string, unknown> | undefined);
    const actor = actorOf(user, { tenantId: tenant.id, slug: tenant.slug, role: tenant.role, permissions: tenant.permissions }, clientIp(req));
    let reference: string;
    try {
      const failure = req[UPLOAD_FAILURE];
      if (failure) throw failure;
      const { message, ...rest } = values as Record<string, string> & { types: string[] };
      const input = { ...rest, details: message ? { message } : {} } as unknown as RecordRequestInput;
      const original = req.file ? { buffer: req.file.buffer, originalName: req.file.originalname } : undefined;
      const recorded = await this.recording.record(tenant.id, input, actor, original);
      reference = recorded.requests[0].reference;
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 413].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = status === 413 ? t('errors.tooLarge', { maxMb: MAX_ORIGINAL_BYTES / 1024 / 1024 }) : t('errors.invalid', { detail: messageOf(e) });
      res.status(status);
      return this.pages.render(req, res, 'requests/record', { title: t('record.title') }, recordRequestView(t, tenant, user.email, values, error));
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${reference}?done=request-recorded`);
    return undefined;
  }
}
