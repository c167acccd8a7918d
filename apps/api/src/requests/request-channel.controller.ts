import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { IntakeRequesterService, PostalLettersService, RequestOriginalService, SubjectLinkService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { sendArtifact } from '../fulfilment/artifact-response';
import { RequesterDto, SubjectLinkDto } from './dto/request-channel.dto';
import { RequestParams } from './dto/request-params.dto';
import { actorOf } from './request-actor';

/**
 * A request's channel, as on the dashboard's request page: the original as it
 * reached the controller, the requester of an e-mailed request, the letters
 * to send by post to a subject without e-mail, and the link to the subject's
 * records by another identifier than an e-mail address. Same services, same
 * permissions; the tenant is the token's.
 */
@ApiTags('requests')
@ApiBearerAuth()
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
  @ApiProduces('message/rfc822', 'application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: "Downloads the request's original (the intake's .eml, or the .eml/scan uploaded when recorded): compliance admins only; audited as personal-data.read" })
  async original(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Res({ passthrough: true }) res: Response) {
    if (access.role !== 'compliance-admin') throw new ForbiddenException("a request's original is visible only to the tenant's compliance admins");
    return sendArtifact(res, await this.originals.read(access.tenantId, p.reference, actorOf(user, access, ip)));
  }

  @Post('requester')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Corrects the requester of a request the e-mail intake filed (until identity is confirmed); audited as request.requester-corrected' })
  correctRequester(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: RequesterDto) {
    return this.requester.correct(access.tenantId, p.reference, dto, actorOf(user, access, ip));
  }

  @Post('subject')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: "Links the request to the data subject holding an identifier (phone, customer number...); fulfilment uses that subject's data; audited as request.subject-linked" })
  linkSubject(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: SubjectLinkDto) {
    return this.subjects.link(access.tenantId, p.reference, dto, actorOf(user, access, ip));
  }

  @Post('letters/:id/sent')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Records a letter Regula wrote for a subject without e-mail as sent by post (once); audited as request.letter-sent' })
  letterSent(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams) {
    return this.letters.markSent(access.tenantId, p.reference, p.id ?? '', actorOf(user, access, ip));
  }
}
