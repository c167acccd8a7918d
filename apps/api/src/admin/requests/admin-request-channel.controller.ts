import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { PostalLettersService, RequestOriginalService, SubjectLinkService } from '@regula/requests';
import { sendArtifact } from '../../fulfilment/artifact-response';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { checkedReference, memberActor, RequestDetailPage } from './request-detail.page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A request's channel on its page: the original as it reached the controller
 * (downloaded by a compliance admin, audited as a personal-data read like an
 * identity document), and the letters to send by post to a subject without an
 * e-mail address (opened to print, then recorded as sent). The tenant is the
 * checked slug's; another tenant's reference is 404.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests/:reference')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
export class AdminRequestChannelController {
  constructor(
    private readonly page: RequestDetailPage,
    private readonly originals: RequestOriginalService,
    private readonly letters: PostalLettersService,
    private readonly subjects: SubjectLinkService,
  ) {}

  /** The .eml the intake accepted, or the .eml or scan uploaded when the request was recorded: always an attachment. */
  @Get('original')
  @RequirePermission('evidence:read')
  async original(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string) {
    const tenant = tenantOf(req);
    if (tenant.role !== 'compliance-admin') throw new ForbiddenException();
    const file = await this.originals.read(tenant.id, checkedReference(reference), memberActor(req));
    return sendArtifact(res, file);
  }

  /** A letter to print: HTML shown in the browser (no script runs: the CSP sandboxes it), never cached. */
  @Get('letters/:id')
  @RequirePermission('requests:write')
  async letter(@Req() req: AdminHttpRequest, @Res() res: Response, @Param('reference') reference: string, @Param('id') id: string) {
    if (!UUID.test(id)) throw new NotFoundException();
    const letter = await this.letters.read(tenantOf(req).id, checkedReference(reference), id);
    res.set({
      'Content-Type': letter.contentType,
      'Content-Disposition': `inline; filename="${letter.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
    res.status(200).end(letter.body);
  }

  /** The admin posted the letter: journaled (a reply sent by post) and audited. */
  @Post('letters/:id/sent')
  @RequirePermission('requests:write')
  async sent(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Param('id') id: string) {
    if (!UUID.test(id)) throw new NotFoundException();
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    try {
      await this.letters.markSent(tenant.id, ref, id, memberActor(req));
    } catch (e) {
      return this.page.refused(req, res, ref, e, { action: `letter-${id}`, values: {} }, [409]);
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=letter-sent#channel`);
    return undefined;
  }

  /** Links the request to the data subject holding the identifier typed (a phone number, a customer number...): 400 naming the field. */
  @Post('subject')
  @RequirePermission('requests:write')
  async linkSubject(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Body() body: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const values = { kind: typeof body.kind === 'string' ? body.kind : '', value: typeof body.value === 'string' ? body.value : '' };
    try {
      await this.subjects.link(tenant.id, ref, values, memberActor(req));
    } catch (e) {
      return this.page.refused(req, res, ref, e, { action: 'subject-link', values });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=subject-linked#subject-link`);
    return undefined;
  }
}
