import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RequestAssignmentService, RequestNotesService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { AssignDto, NoteDto } from './dto/request-desk.dto';
import { RequestParams } from './dto/request-params.dto';
import { actorOf } from './request-actor';
import { ApiErrors, ApiRequestReference, ApiTenantSlug } from '../common/openapi';
import { RequestAssignmentResponse, RequestTeamMember } from './dto/request-desk.response';
import { RequestNoteView } from './dto/request-detail.response';
import { RequestAssignee } from './dto/request-view.response';

/**
 * A team's queue: who handles a request, and the staff's internal notes.
 * Reading needs requests:read; assigning and writing a note requests:write.
 * "My requests" is the list's `assignee=me` (RequestsController).
 */
@ApiTags('requests')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
@ApiExtraModels(RequestAssignee)
@Controller('api/v1/tenants/:slug')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class RequestDeskController {
  constructor(private readonly assignment: RequestAssignmentService, private readonly notes: RequestNotesService) {}

  @Get('request-team')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: 'The members a request may be assigned to (compliance admins whose access has not ended)' })
  @ApiOkResponse({ type: [RequestTeamMember] })
  team(@CurrentTenant() access: TenantAccess) {
    return this.assignment.team(access.tenantId);
  }

  @Post('requests/:reference/assignee')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Assigns (or reassigns, or with null releases) the request to a member; audited as request.assigned' })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestAssignmentResponse })
  assign(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: AssignDto) {
    return this.assignment.assign(access.tenantId, p.reference, actorOf(user, access, ip), dto.assigneeId ?? null);
  }

  @Get('requests/:reference/notes')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: "The request's internal notes (staff only; never on the status page)" })
  @ApiRequestReference()
  @ApiOkResponse({ type: [RequestNoteView], description: 'Oldest first' })
  listNotes(@CurrentTenant() access: TenantAccess, @Param() p: RequestParams) {
    return this.notes.list(access.tenantId, p.reference);
  }

  @Post('requests/:reference/notes')
  @HttpCode(201)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: "Adds an internal note; audited as request.note.added (without its text); part of the subject's later access package (Art. 15)" })
  @ApiRequestReference()
  @ApiCreatedResponse({ type: RequestNoteView })
  addNote(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: NoteDto) {
    return this.notes.add(access.tenantId, p.reference, actorOf(user, access, ip), dto.text);
  }
}
