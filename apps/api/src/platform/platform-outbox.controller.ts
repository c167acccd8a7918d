import { Controller, ForbiddenException, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard } from '@regula/auth';
import { OutboxQueryService } from '@regula/mail';
import { CurrentUser } from '../common/current-user.decorator';
import { ApiErrors } from '../common/openapi';
import { PageQueryDto } from '../requests/dto/request-list-query.dto';
import { PlatformOutboxPage } from './dto/platform-outbox.response';

/** The platform's own e-mails (to its platform admins, e.g. a queue paused for over an hour): the outbox when no SMTP server is configured. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('api/v1/platform/outbox')
@UseGuards(JwtAuthGuard)
export class PlatformOutboxController {
  constructor(private readonly outbox: OutboxQueryService) {}

  @Get()
  @ApiOperation({ summary: "The platform's e-mails to its admins, newest first (platform admins only)" })
  @ApiOkResponse({ type: PlatformOutboxPage })
  @ApiErrors(400, 401, 403, 503)
  list(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto): Promise<PlatformOutboxPage> {
    if (!user.isPlatformAdmin) throw new ForbiddenException('platform administrators only');
    return this.outbox.platform(q);
  }
}
