import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { FulfilmentService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { sendArtifact } from './artifact-response';
import { ArtifactParams, ConfirmQuery, FulfilDto, RequestParams } from './fulfil.dto';
import { ApiErrors, ApiIdParam, ApiNoBody, ApiRequestReference, ApiTenantSlug } from '../common/openapi';
import { FulfilmentDoneResponse, FulfilmentPlanDifference, FulfilmentPlanRecord, FulfilmentPlanView, FulfilmentPreviewResponse, FulfilmentResultView } from './dto/fulfilment.response';
import { FulfilmentBuildingResponse, PackageBuildResponse, PackageBuildView } from './dto/package-build.response';

/** What a file that answers a request downloads as: the access package (HTML, JSON, CSV), the portability export (JSON), the recipients report, a reply document the staff uploaded (PDF, PNG, JPEG, ASiC-E). Declared as the 200's content rather than with ApiProduces, which would give the error answers these types instead of JSON. */
const ARTIFACT_TYPES = ['application/json', 'text/html', 'text/csv', 'application/pdf', 'image/png', 'image/jpeg', 'application/vnd.etsi.asic-e+zip'];

/** The compliance admin fulfils a request (per its type) and downloads the files that answer it. */
@ApiTags('fulfilment')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiRequestReference()
@ApiErrors(400, 401, 403, 404, 503)
@ApiExtraModels(FulfilmentPlanView, FulfilmentPlanDifference, FulfilmentResultView, PackageBuildView)
@Controller('api/v1/tenants/:slug/requests/:reference')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('requests:fulfil')
export class FulfilmentController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Post('fulfil')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Carries out a preview of the fulfilment (`?previewId=`) on the data as it is now, and closes the request with the outcome',
    description:
      'Nothing is fulfilled without a preview: first `POST …/fulfil/preview` (with the type\'s input), then this with its `previewId`. ' +
      'The preview\'s input is used (the body is ignored), the plan is computed again on the data as it is now and carried out, and `result` ' +
      'holds the plan carried out and what differs from the preview; both stay with the request (`GET …/fulfilment-plans`). ' +
      '400 when `previewId` is missing or not a UUID; 409 when it is not a preview of this request, was already confirmed, ' +
      'was made for another type, is more than 24 hours old, or the request is not in progress or extended. ' +
      'An access request with a matched subject answers 202 at once: the worker builds the package (`GET …/package-build` shows its ' +
      'progress) and closes the request, telling the subject, only when its files are complete; confirming again meanwhile answers the same build.',
  })
  @ApiNoBody()
  @ApiOkResponse({ type: FulfilmentDoneResponse, description: 'The request closed with the outcome; `result` holds the plan carried out and its difference from the preview' })
  @ApiAcceptedResponse({ type: FulfilmentBuildingResponse, description: 'Access: the package is being built by the worker; the request closes when it is complete' })
  @ApiErrors(409)
  async fulfil(
    @CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RequestParams, @Query() query: ConfirmQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const actor = { id: user.id, name: `${user.email} (${access.role})`, label: user.email, ip };
    const { request, outcome, result, build } = await this.fulfilment.fulfil(access.tenantId, p.reference, actor, query.previewId);
    if (build) {
      res.status(202);
      return { reference: request.reference, type: request.type, state: request.state, build };
    }
    return { reference: request.reference, type: request.type, state: request.state, outcome, ...(result ? { result } : {}) };
  }

  @Get('package-build')
  @ApiOperation({
    summary: "The request's access package build: its progress (records written of the total) and, once done, the outcome and the result",
    description: 'The package is built by the worker after `POST …/fulfil?previewId=` answered 202; `build.status` is `done` once the files are complete and the request closed.',
  })
  @ApiOkResponse({ type: PackageBuildResponse })
  async packageBuild(@CurrentTenant() access: TenantAccess, @Param() p: RequestParams) {
    const { request, build, result } = await this.fulfilment.buildOf(access.tenantId, p.reference);
    return { reference: request.reference, type: request.type, state: request.state, build, outcome: build?.status === 'done' ? request.outcome : null, result };
  }

  @Post('fulfil/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What fulfilling would do, computed without changing anything (every request type)',
    description:
      'Body per type: rectification `corrections`; objection (Art. 21(1)) `decision`; restriction optional `restrictionGround`; ' +
      'recipients-in-period optional `period`; access and recipients-in-period optional `withheldDisclosureIds`; others empty. ' +
      'Per record: erased, kept under which law until when, restricted, rectified (old → new, masked for special categories), ' +
      'handed over; per consent withdrawn (and from when), per objection flag, per disclosure a recipients report lists; ' +
      'the webhooks per source system (event and system); what the subject receives (the e-mail and the files by name). ' +
      'Kept with the request and audited; confirm within 24 hours with `POST …/fulfil?previewId=<previewId>`. 409 for a request not in progress.',
  })
  @ApiOkResponse({ type: FulfilmentPreviewResponse })
  @ApiErrors(409)
  async preview(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: FulfilDto) {
    const actor = { id: user.id, name: `${user.email} (${access.role})`, label: user.email, ip };
    const { id, reference, plan } = await this.fulfilment.preview(access.tenantId, p.reference, dto, actor);
    return { previewId: id, reference, plan };
  }

  @Get('fulfilment-plans')
  @ApiOperation({ summary: "The request's fulfilment previews and results (newest first), each with the difference between them" })
  @ApiOkResponse({ type: [FulfilmentPlanRecord], description: 'Newest first' })
  async plans(@CurrentTenant() access: TenantAccess, @Param() p: RequestParams) {
    return (await this.fulfilment.plansOf(access.tenantId, p.reference)).map((r) => ({
      id: r.id, type: r.type, previewedAt: r.previewedAt, previewedBy: r.previewedBy, preview: r.preview,
      confirmedAt: r.confirmedAt, confirmedBy: r.confirmedBy, result: r.result, difference: r.difference,
    }));
  }

  @Get('artifacts/:id')
  @ApiOperation({ summary: 'Downloads a file that answers the request (access package, portability export, recipients report, a reply document)' })
  @ApiIdParam('The file (a request\'s outcome lists its files; replies: GET …/replies)')
  @ApiOkResponse({
    description: 'The file, as an attachment (never cached, sandboxed)',
    content: Object.fromEntries(ARTIFACT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  async download(@CurrentTenant() access: TenantAccess, @Param() p: ArtifactParams, @Res({ passthrough: true }) res: Response) {
    return sendArtifact(res, await this.fulfilment.artifactForStaff(access.tenantId, p.reference, p.id));
  }
}
