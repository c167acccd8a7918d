import { BadRequestException, Controller, Param, PayloadTooLargeException, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { MAX_REPLY_BYTES, RequestRepliesService } from '@regula/requests';
import { statusOf } from '../../common/http-error';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { tenantOf } from '../shared/admin-request';
import { checkedReference, memberActor, RequestDetailPage } from './request-detail.page';
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
  constructor(private readonly page: RequestDetailPage, private readonly replies: RequestRepliesService) {}

  @Post('upload')
  @RequirePermission('requests:write')
  async upload(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const note = typeof req.body?.note === 'string' ? (req.body.note as string) : undefined;
    const delivery = typeof req.body?.delivery === 'string' ? (req.body.delivery as string) : undefined;
    const actor = memberActor(req);
    let done = 'reply-uploaded';
    try {
      const failure = req[UPLOAD_FAILURE];
      if (failure) throw failure;
      if (!req.file) throw new BadRequestException(['choose a document to upload']);
      const reply = await this.replies.uploadReply(tenant.id, ref, { buffer: req.file.buffer, originalName: req.file.originalname }, note, actor, delivery);
      // Sent by post or handed over: nothing was e-mailed, the flash says so.
      if (reply.delivery !== 'e-mail') done = 'reply-recorded';
    } catch (e) {
      // Too large: said in megabytes, not in the service's words.
      if (statusOf(e) === 413) {
        const t = this.page.pages.t(this.page.pages.lang(req));
        return this.page.render(req, res, ref, 413, { action: 'reply', error: t('errors.tooLarge', { maxMb: MAX_MB }), values: { note, delivery } });
      }
      return this.page.refused(req, res, ref, e, { action: 'reply', values: { note, delivery } });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=${done}`);
    return undefined;
  }
}
