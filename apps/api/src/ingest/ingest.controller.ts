import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, IngestBatchDto, IngestService, SourceSystemPrincipal, WebhookOutboxService } from '@regula/ingest';
import { ApiErrors, ApiIdParam, ApiNoBody } from '../common/openapi';
import { CurrentSourceSystem } from './source-system.decorator';
import { EventParams, EventsQueryDto } from './systems.dto';
import { IngestBatchResponse, IngestEventAckResponse, IngestEventResponse } from './dto/ingest.response';

/**
 * The API of a tenant's own systems: authenticated by the system's API key
 * (`Authorization: Bearer rk_...`), not by a staff token. The tenant's slug is
 * the `:tenant` parameter: these routes answer 401 to anything but a key of
 * that tenant (staff routes under /tenants/:slug answer 404 to outsiders).
 */
@ApiTags('ingest')
@ApiBearerAuth()
@ApiParam({
  name: 'tenant',
  description: "The tenant's slug; the bearer token is an API key of one of its source systems (`rk_...`, from POST /api/v1/tenants/{slug}/systems)",
  // The example inside the schema: @nestjs/swagger drops a parameter's own `example` when it has a schema.
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', example: 'medical-management' },
})
// 401 for a wrong key, tenant or system alike; 429 per key, and per address after failed keys.
@ApiErrors(400, 401, 429, 503)
@Controller('api/v1/ingest/:tenant')
@UseGuards(ApiKeyGuard)
export class IngestController {
  constructor(private readonly ingest: IngestService, private readonly outbox: WebhookOutboxService) {}

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk upsert of subjects, records, consents and disclosures (at most 1000 items)',
    description:
      "Validated against the tenant's current registers; any invalid item refuses the whole batch (400 with every error in `errors`: item, externalId, message). " +
      'Idempotent by (system, externalId): a re-sent item updates, an identical re-send changes nothing. The body may be up to 1 MB.',
  })
  @ApiOkResponse({ type: IngestBatchResponse, description: 'The batch was stored: the outcome of each item' })
  @ApiErrors(413)
  batch(@CurrentSourceSystem() system: SourceSystemPrincipal, @Body() dto: IngestBatchDto) {
    return this.ingest.ingest(system.tenantId, { id: system.id, name: system.name }, dto);
  }

  @Get('events')
  @ApiOperation({ summary: 'Pending events (erasures, rectifications...) for this system, oldest first: for systems without a webhook URL' })
  @ApiOkResponse({ type: [IngestEventResponse] })
  events(@CurrentSourceSystem() system: SourceSystemPrincipal, @Query() q: EventsQueryDto) {
    return this.outbox.pendingFor(system.tenantId, system.id, q.limit ?? 100);
  }

  @Post('events/:id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirms that this system acted on an event' })
  @ApiIdParam('The event id (GET .../events lists them)')
  @ApiNoBody()
  @ApiOkResponse({ type: IngestEventAckResponse })
  @ApiErrors(404)
  ack(@CurrentSourceSystem() system: SourceSystemPrincipal, @Param() p: EventParams) {
    return this.outbox.acknowledge(system.tenantId, system.id, p.id);
  }
}
