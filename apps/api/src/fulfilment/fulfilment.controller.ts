import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { FulfilmentService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { sendArtifact } from './artifact-response';
import { ArtifactParams, ConfirmQuery, FulfilDto, RequestParams } from './fulfil.dto';

/** The compliance admin fulfils a request (per its type) and downloads the files that answer it. */
@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/requests/:reference')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('requests:fulfil')
export class FulfilmentController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Post('fulfil')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fulfils a request in progress from the registers and the stored data, and closes it with the outcome',
    description:
      'Body per type: rectification `corrections`; objection (Art. 21(1)) `decision`; restriction optional `restrictionGround`; ' +
      'recipients-in-period optional `period`; access and recipients-in-period optional `withheldDisclosureIds`; others empty. ' +
      '409 unless the request is in progress or extended. With `?previewId=` (from `POST …/fulfil/preview`) the preview\'s input is used, ' +
      'the plan computed again on the data as it is now, and `result` holds the plan carried out and what differs from the preview.',
  })
  async fulfil(
    @CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: FulfilDto, @Query() query: ConfirmQuery,
  ) {
    const actor = { id: user.id, name: `${user.email} (${access.role})`, label: user.email, ip };
    const { request, outcome, result } = await this.fulfilment.fulfil(access.tenantId, p.reference, dto, actor, query.previewId);
    return { reference: request.reference, type: request.type, state: request.state, outcome, ...(result ? { result } : {}) };
  }

  @Post('fulfil/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What fulfilling would do (erasure, restriction, rectification, access, portability), computed without changing anything',
    description:
      'Same body as `fulfil`. Per record: erased, kept under which law until when, restricted, rectified (old → new, masked for special categories) ' +
      'or handed over; the webhooks per source system (event and system); what the subject receives (the e-mail and the files by name). ' +
      'Kept with the request and audited; confirm with `POST …/fulfil?previewId=<previewId>`. 409 for other types or a request not in progress.',
  })
  async preview(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: FulfilDto) {
    const actor = { id: user.id, name: `${user.email} (${access.role})`, label: user.email, ip };
    const { id, reference, plan } = await this.fulfilment.preview(access.tenantId, p.reference, dto, actor);
    return { previewId: id, reference, plan };
  }

  @Get('fulfilment-plans')
  @ApiOperation({ summary: "The request's fulfilment previews and results (newest first), each with the difference between them" })
  async plans(@CurrentTenant() access: TenantAccess, @Param() p: RequestParams) {
    return (await this.fulfilment.plansOf(access.tenantId, p.reference)).map((r) => ({
      id: r.id, type: r.type, previewedAt: r.previewedAt, previewedBy: r.previewedBy, preview: r.preview,
      confirmedAt: r.confirmedAt, confirmedBy: r.confirmedBy, result: r.result, difference: r.difference,
    }));
  }

  @Get('artifacts/:id')
  @ApiProduces('application/json', 'text/html', 'text/csv')
  @ApiOperation({ summary: 'Downloads a file that answers the request (access package, portability export, recipients report)' })
  async download(@CurrentTenant() access: TenantAccess, @Param() p: ArtifactParams, @Res({ passthrough: true }) res: Response) {
    return sendArtifact(res, await this.fulfilment.artifactForStaff(access.tenantId, p.reference, p.id));
  }
}
