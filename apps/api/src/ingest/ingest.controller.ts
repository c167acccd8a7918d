import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, IngestBatchDto, IngestService, SourceSystemPrincipal, WebhookOutboxService } from '@regula/ingest';
import { CurrentSourceSystem } from './source-system.decorator';
import { EventParams, EventsQueryDto } from './systems.dto';

/**
 * The API of a tenant's own systems: authenticated by the system's API key
 * (`Authorization: Bearer rk_...`), not by a staff token. The tenant's slug is
 * the `:tenant` parameter: these routes answer 401 to anything but a key of
 * that tenant (staff routes under /tenants/:slug answer 404 to outsiders).
 */
@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/ingest/:tenant')
@UseGuards(ApiKeyGuard)
export class IngestController {
  constructor(private readonly ingest: IngestService, private readonly outbox: WebhookOutboxService) {}

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk upsert of subjects, records, consents and disclosures (at most 1000 items)',
    description:
      "Validated against the tenant's current registers; any invalid item refuses the whole batch (400 with every error). " +
      'Idempotent by (system, externalId): a re-sent item updates, an identical re-send changes nothing.',
  })
  batch(@CurrentSourceSystem() system: SourceSystemPrincipal, @Body() dto: IngestBatchDto) {
    return this.ingest.ingest(system.tenantId, { id: system.id, name: system.name }, dto);
  }

  @Get('events')
  @ApiOperation({ summary: 'Pending events (erasures, rectifications...) for this system, oldest first: for systems without a webhook URL' })
  events(@CurrentSourceSystem() system: SourceSystemPrincipal, @Query() q: EventsQueryDto) {
    return this.outbox.pendingFor(system.tenantId, system.id, q.limit ?? 100);
  }

  @Post('events/:id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirms that this system acted on an event' })
  ack(@CurrentSourceSystem() system: SourceSystemPrincipal, @Param() p: EventParams) {
    return this.outbox.acknowledge(system.tenantId, system.id, p.id);
  }
}
