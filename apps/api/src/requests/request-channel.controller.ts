import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { IntakeRequesterService, PostalLettersService, RequestOriginalService, SubjectLinkService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { sendArtifact } from '../fulfilment/artifact-response';
import { RequesterDto, SubjectLinkDto } from './dto/request-channel.dto';
import { RequestParams } from './dto/request-params.dto';
import { actorOf } from './request-actor';
import { ApiErrors, ApiIdParam, ApiNoBody, ApiRequestReference, ApiTenantSlug } from '../common/openapi';
import { RequestLinkedSubject, RequestPostalLetter, RequestRequesterCorrected } from './dto/request-channel.response';

/** What a request's original downloads as. Declared as the 200's content rather than with ApiProduces, which would give the error answers these types instead of JSON. */
const ORIGINAL_TYPES = ['message/rfc822', 'application/pdf', 'image/png', 'image/jpeg'];

/**
 * A request's channel, as on the dashboard's request page: the original as it
 * reached the controller, the requester of an e-mailed request, the letters
 * to send by post to a subject without e-mail, and the link to the subject's
 * records by another identifier than an e-mail address. Same services, same
 * permissions; the tenant is the token's.
 */
@ApiTags('requests')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiRequestReference()
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/requests/:reference')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class RequestChannelController {
  constructor(
    private readonly originals: RequestOriginalService,
    private readonly requester: IntakeRequesterService,
    private readonly letters: PostalLettersService,
    private readonly subjects: SubjectLinkService,
  ) {}

  @Get('original')
  @RequirePermission('evidence:read')
  @ApiOperation({ summary: "Downloads the request's original (the intake's .eml, or the .eml/scan uploaded when recorded): compliance admins only; audited as personal-data.read" })
  @ApiOkResponse({
    description: 'The original as it reached the controller (an attachment; 404 when the request has none)',
    content: Object.fromEntries(ORIGINAL_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  async original(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Res({ passthrough: true }) res: Response) {
    if (access.role !== 'compliance-admin') throw new ForbiddenException("a request's original is visible only to the tenant's compliance admins");
    return sendArtifact(res, await this.originals.read(access.tenantId, p.reference, actorOf(user, access, ip)));
  }

  @Post('requester')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Corrects the requester of a request the e-mail intake filed (until identity is confirmed); audited as request.requester-corrected' })
  @ApiOkResponse({ type: RequestRequesterCorrected, description: 'The request with the corrected requester' })
  @ApiErrors(409)
  correctRequester(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: RequesterDto) {
    return this.requester.correct(access.tenantId, p.reference, dto, actorOf(user, access, ip));
  }

  @Post('subject')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: "Links the request to the data subject holding an identifier (phone, customer number...); fulfilment uses that subject's data; audited as request.subject-linked" })
  @ApiOkResponse({ type: RequestLinkedSubject })
  @ApiErrors(409)
  linkSubject(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: SubjectLinkDto) {
    return this.subjects.link(access.tenantId, p.reference, dto, actorOf(user, access, ip));
  }

  @Post('letters/:id/sent')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Records a letter Regula wrote for a subject without e-mail as sent by post (once); audited as request.letter-sent' })
  @ApiIdParam("The letter (the dashboard's request page lists the letters waiting to be sent)")
  @ApiNoBody()
  @ApiOkResponse({ type: RequestPostalLetter })
  @ApiErrors(409)
  letterSent(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams) {
    return this.letters.markSent(access.tenantId, p.reference, p.id ?? '', actorOf(user, access, ip));
  }
}
