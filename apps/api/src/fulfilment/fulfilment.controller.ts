import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { FulfilmentService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { sendArtifact } from './artifact-response';
import { ArtifactParams, FulfilDto, RequestParams } from './fulfil.dto';

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
      '409 unless the request is in progress or extended.',
  })
  async fulfil(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: FulfilDto) {
    const actor = { id: user.id, name: `${user.email} (${access.role})`, label: user.email, ip };
    const { request, outcome } = await this.fulfilment.fulfil(access.tenantId, p.reference, dto, actor);
    return { reference: request.reference, type: request.type, state: request.state, outcome };
  }

  @Get('artifacts/:id')
  @ApiProduces('application/json', 'text/html', 'text/csv')
  @ApiOperation({ summary: 'Downloads a file that answers the request (access package, portability export, recipients report)' })
  async download(@CurrentTenant() access: TenantAccess, @Param() p: ArtifactParams, @Res({ passthrough: true }) res: Response) {
    return sendArtifact(res, await this.fulfilment.artifactForStaff(access.tenantId, p.reference, p.id));
  }
}
