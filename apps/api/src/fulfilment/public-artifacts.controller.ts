import { Controller, Get, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantsService } from '@regula/tenancy';
import { FulfilmentService } from '@regula/requests';
import { DownloadRateLimitGuard } from './download-rate-limit.guard';
import { sendArtifact } from './artifact-response';
import { PublicArtifactParams } from './fulfil.dto';

/**
 * The data subject downloads the answer from the status page: the status
 * token (the secret of the status link) proves the request is theirs; a
 * wrong token answers 404, exactly like an unknown request or file.
 */
@ApiExcludeController()
@Controller('t/:tenant/requests/:reference/artifacts')
@UseGuards(DownloadRateLimitGuard)
export class PublicArtifactsController {
  constructor(private readonly tenants: TenantsService, private readonly fulfilment: FulfilmentService) {}

  @Get(':id')
  async download(@Param() p: PublicArtifactParams, @Query('token') token: unknown, @Res({ passthrough: true }) res: Response) {
    if (typeof token !== 'string' || !token || token.length > 200) throw new NotFoundException();
    const tenant = await this.tenants.findBySlug(p.tenant);
    if (!tenant) throw new NotFoundException();
    return sendArtifact(res, await this.fulfilment.artifactForSubject(tenant.id, p.reference, token, p.id));
  }
}
