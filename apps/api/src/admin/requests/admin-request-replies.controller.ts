import { BadRequestException, Controller, Param, PayloadTooLargeException, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { MailIntakeService, MAX_REPLY_BYTES, RequestAssignmentService, RequestRepliesService, RequestsService } from '@regula/requests';
import { actorOf } from '../../requests/request-actor';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { checkedReference, renderRequestDetail } from './request-detail.page';
import { RequestChannelPanel } from './request-channel.panel';
import { AdminReplyUploadGuard, AdminUploadRequest, UPLOAD_FAILURE } from './reply-upload.guard';

const MAX_MB = MAX_REPLY_BYTES / 1024 / 1024;

/**
 * "Upload a reply document" on a request's page: the dashboard's one
 * multipart form (AdminReplyUploadGuard: session, tenant and permission,
 * then the body, then its CSRF token). The service checks the file by
 * content and size; 400, 409 and 413 come back on the request's page with
 * the note typed; a success redirects (303) with a flash message.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests/:reference/replies')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminReplyUploadGuard)
export class AdminRequestRepliesController {
  constructor(
    private readonly pages: AdminPages,
    private readonly requests: RequestsService,
    private readonly replies: RequestRepliesService,
    private readonly intake: MailIntakeService,
    private readonly assignment: RequestAssignmentService,
    private readonly channel: RequestChannelPanel,
  ) {}

  @Post('upload')
  @RequirePermission('requests:write')
  async upload(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const note = typeof req.body?.note === 'string' ? (req.body.note as string) : undefined;
    const delivery = typeof req.body?.delivery === 'string' ? (req.body.delivery as string) : undefined;
    const { user } = adminOf(req);
    const actor = actorOf(user, { tenantId: tenant.id, slug: tenant.slug, role: tenant.role, permissions: tenant.permissions }, clientIp(req));
    let done = 'reply-uploaded';
    try {
      const failure = req[UPLOAD_FAILURE];
      if (failure) throw failure;
      if (!req.file) throw new BadRequestException(['choose a document to upload']);
      const reply = await this.replies.uploadReply(tenant.id, ref, { buffer: req.file.buffer, originalName: req.file.originalname }, note, actor, delivery);
      // Sent by post or handed over: nothing was e-mailed, the flash says so.
      if (reply.delivery !== 'e-mail') done = 'reply-recorded';
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 409, 413].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = status === 413 ? t('errors.tooLarge', { maxMb: MAX_MB }) : t(status === 409 ? 'errors.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return renderRequestDetail({ pages: this.pages, requests: this.requests, replies: this.replies, intake: this.intake, assignment: this.assignment, channel: this.channel }, req, res, ref, status, { action: 'reply', error, values: { note, delivery } });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=${done}`);
    return undefined;
  }
}
