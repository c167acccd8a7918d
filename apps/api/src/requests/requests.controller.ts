import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { CheckedFileInterceptor } from '../common/input/checked-file.interceptor';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RequestsService, MAX_ORIGINAL_BYTES, MAX_REPLY_BYTES, RequestRecordingService, RequestRepliesService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ConfirmIdentityDto, FeeDto, MessageDto, ReasonDto, RefuseDto, RejectEvidenceDto } from './dto/request-actions.dto';
import { RequestExportQueryDto, RequestListQueryDto } from './dto/request-list-query.dto';
import { sendExportFile } from '../exports/export-download';
import { ApiExportFile } from '../exports/export-openapi';
import { RequestListExportService } from './export/request-list-export.service';
import type { RequestExportFormat } from './export/request-list.files';
import { RequestParams } from './dto/request-params.dto';
import { REPLY_UPLOAD_SCHEMA, ReplyDto } from './dto/reply.dto';
import { RECORD_REQUEST_MULTIPART, RecordRequestDto } from './dto/record-request.dto';
import { sendEvidence } from '../web/evidence-download';
import { actorOf } from './request-actor';
import { ApiErrors, ApiIdParam, ApiNoBody, ApiQueryDay, ApiRequestReference, ApiTenantSlug } from '../common/openapi';
import { RequestListResponse } from './dto/request-list.response';
import { RequestDetailResponse, RequestEarlierDuplicate, RequestOpenSuspension, RequestWithdrawalLimit, RequestWithdrawalLimitRef } from './dto/request-detail.response';
import { RequestAssignee, RequestView } from './dto/request-view.response';
import { RequestIdentityConfirmedResponse, RequestIdentityDocumentStored, RequestMessageCreated, RequestRecordedResponse, RequestReplyDocument } from './dto/request-actions.response';

/** What an identity document downloads as. Declared as the 200's content rather than with ApiProduces, which would give the error answers these types instead of JSON. */
const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.etsi.asic-e+zip'];

/**
 * The compliance admin's rights requests. Reading needs requests:read
 * (auditors too); every action needs requests:write (never an auditor's);
 * identity documents need evidence:read and a compliance-admin membership.
 * An action the request's state does not allow answers 409 naming both.
 */
@ApiTags('requests')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
@ApiExtraModels(RequestAssignee, RequestOpenSuspension, RequestWithdrawalLimit, RequestWithdrawalLimitRef, RequestEarlierDuplicate)
@Controller('api/v1/tenants/:slug/requests')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly replies: RequestRepliesService,
    private readonly recording: RequestRecordingService,
    private readonly listExport: RequestListExportService,
  ) {}

  @Get()
  @RequirePermission('requests:read')
  @ApiOperation({ summary: 'Requests by state, type and due date: overdue first, then by due date; paginated' })
  @ApiQueryDay('dueBefore', "only requests due strictly before this date (YYYY-MM-DD, the controller's calendar)", 30)
  @ApiOkResponse({ type: RequestListResponse })
  list(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @Query() q: RequestListQueryDto) {
    const { assignee, ...filter } = q;
    return this.requests.list(access.tenantId, { ...filter, assigneeId: assignee === 'me' ? user.id : assignee });
  }

  @Get('export.csv')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: 'The list (every page of it, with the same filters) as CSV: headings and coded values in `lang`; audited with the filters and the row count' })
  @ApiQueryDay('dueBefore', "only requests due strictly before this date (YYYY-MM-DD, the controller's calendar)", 30)
  @ApiExportFile('text/csv', 'One row per request: reference, received, channel, type, identity method and when confirmed, state, handler, due date, extension, answered, on time (UTF-8 with BOM)')
  exportCsv(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RequestExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.exportList('csv', user, access, ip, q, res);
  }

  @Get('export.xlsx')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: 'The list (every page of it, with the same filters) as an Excel workbook: headings and coded values in `lang`; audited with the filters and the row count' })
  @ApiQueryDay('dueBefore', "only requests due strictly before this date (YYYY-MM-DD, the controller's calendar)", 30)
  @ApiExportFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'One sheet, one row per request, the same columns as the CSV')
  exportXlsx(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RequestExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.exportList('xlsx', user, access, ip, q, res);
  }

  private async exportList(format: RequestExportFormat, user: AuthUser, access: TenantAccess, ip: string, q: RequestExportQueryDto, res: Response) {
    const { assignee, lang, ...filter } = q;
    const actor = { userId: user.id, label: `${user.email} (${access.role})`, ip };
    return sendExportFile(res, await this.listExport.export(access.tenantId, { ...filter, assigneeId: assignee === 'me' ? user.id : assignee }, format, lang ?? 'en', actor));
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('requests:write')
  // JSON, or multipart with the optional `original` file (read only after the guards; one file of 10 MB, 413 beyond).
  @UseInterceptors(CheckedFileInterceptor('original', { limits: { fileSize: MAX_ORIGINAL_BYTES, files: 1, fields: 30, parts: 31 } }))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: RECORD_REQUEST_MULTIPART })
  @ApiOperation({
    summary: 'Records a request that arrived by e-mail, post, phone or in person: due from receivedAt; one request per type',
    description: 'receivedAt never in the future, more than 30 days back only with lateReason (400 naming them); recorded on a later local day than received: marked recordedLate and audited so. No e-mail address: nothing is e-mailed (no status link, no code).',
  })
  @ApiCreatedResponse({ type: RequestRecordedResponse, description: 'One request per type' })
  @ApiErrors(413)
  record(
    @CurrentUser() user: AuthUser,
    @CurrentTenant() access: TenantAccess,
    @ClientIp() ip: string,
    @Body() dto: RecordRequestDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    const { message, details, ...rest } = dto;
    const original = file ? { buffer: file.buffer, originalName: file.originalname } : undefined;
    return this.recording.record(access.tenantId, { ...rest, details: message ? { ...details, message } : details }, actorOf(user, access, ip), original);
  }

  @Get(':reference')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: 'One request: timeline, suspensions, identity documents (metadata), messages, e-mails, the deadline explained, and for a consent withdrawal the outer limit the controller promised (withdrawalLimit)' })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestDetailResponse })
  detail(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams) {
    return this.requests.detail(access.tenantId, p.reference, undefined, actorOf(user, access, ip));
  }

  @Post(':reference/identity/confirm')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: "Confirms the requester's identity (accepting the documents under review), matches the data subject by e-mail; the clock runs again from when the information arrived (arrivedAt, default now)" })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestIdentityConfirmedResponse })
  @ApiErrors(409)
  confirmIdentity(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: ConfirmIdentityDto) {
    return this.requests.confirmIdentity(access.tenantId, p.reference, actorOf(user, access, ip), { note: dto.note, arrivedAt: dto.arrivedAt });
  }

  @Post(':reference/identity/reject')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Rejects the identity documents under review and asks the subject for another, with the reason' })
  @ApiRequestReference()
  @ApiOkResponse({ type: [RequestIdentityDocumentStored], description: "Every identity document of the request, oldest first, after the rejection" })
  @ApiErrors(409)
  rejectEvidence(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: RejectEvidenceDto) {
    return this.requests.rejectEvidence(access.tenantId, p.reference, actorOf(user, access, ip), dto);
  }

  @Post(':reference/extend')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Extends by two further months (Art. 12(3)): only within the first month, once; the subject is told the reasons at once' })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestView, description: 'The request, extended' })
  @ApiErrors(409)
  extend(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: ReasonDto) {
    return this.requests.extend(access.tenantId, p.reference, actorOf(user, access, ip), dto.reason);
  }

  @Post(':reference/refuse')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Refuses with the ground and the reasons (Art. 12(4), 12(5)); the subject is told them and the right to complain to the authority and to go to court' })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestView, description: 'The request, refused' })
  @ApiErrors(409)
  refuse(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: RefuseDto) {
    return this.requests.refuse(access.tenantId, p.reference, actorOf(user, access, ip), { ground: dto.ground, reason: dto.reason });
  }

  @Post(':reference/merge')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Merges a duplicate into the earlier request of the same subject it repeats, while that one is open: one answer for both, by the earlier one\'s due date (its receipt is the clock); this one closes as merged, its subject is told both references, and the answer to the earlier one names both' })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestView, description: 'The request, merged' })
  @ApiNoBody()
  @ApiErrors(409)
  async merge(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams) {
    return (await this.requests.merge(access.tenantId, p.reference, actorOf(user, access, ip))).request;
  }

  @Post(':reference/fee')
  @HttpCode(200)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: "Warns the subject of a reasonable fee for a manifestly unfounded or excessive request (Art. 12(5)), where the controller's notice reserves one" })
  @ApiRequestReference()
  @ApiOkResponse({ type: RequestView, description: 'The request, with the fee asked' })
  @ApiErrors(409)
  fee(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: FeeDto) {
    return this.requests.requestFee(access.tenantId, p.reference, actorOf(user, access, ip), { amount: dto.amount, reason: dto.reason });
  }

  @Post(':reference/messages')
  @HttpCode(201)
  @RequirePermission('requests:write')
  @ApiOperation({ summary: 'Writes to the subject: e-mailed, and shown on the status page' })
  @ApiRequestReference()
  @ApiCreatedResponse({ type: RequestMessageCreated })
  @ApiErrors(409)
  message(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Body() dto: MessageDto) {
    return this.requests.addMessage(access.tenantId, p.reference, actorOf(user, access, ip), dto.text);
  }

  @Get(':reference/replies')
  @RequirePermission('requests:read')
  @ApiOperation({ summary: "The request's reply documents (metadata, SHA-256, note); each downloads at …/artifacts/:id" })
  @ApiRequestReference()
  @ApiOkResponse({ type: [RequestReplyDocument], description: 'Oldest first' })
  listReplies(@CurrentTenant() access: TenantAccess, @Param() p: RequestParams) {
    return this.replies.list(access.tenantId, p.reference);
  }

  @Post(':reference/replies')
  @HttpCode(201)
  @RequirePermission('requests:write')
  // After the guards (signed in, member, requests:write): only then is the body read, at most one file of 10 MB (413 beyond).
  @UseInterceptors(CheckedFileInterceptor('file', { limits: { fileSize: MAX_REPLY_BYTES, files: 1, fields: 5, parts: 6 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: REPLY_UPLOAD_SCHEMA })
  @ApiOperation({
    summary: 'Uploads a reply document for the subject (multipart `file`, optional `note`); listed on the status page, e-mailed, audited with its SHA-256',
    description: 'PDF, PNG, JPEG or ASiC-E judged by content (400 naming the detected type otherwise), at most 10 MB (413); 409 when the request is closed.',
  })
  @ApiRequestReference()
  @ApiCreatedResponse({ type: RequestReplyDocument })
  @ApiErrors(409, 413)
  reply(
    @CurrentUser() user: AuthUser,
    @CurrentTenant() access: TenantAccess,
    @ClientIp() ip: string,
    @Param() p: RequestParams,
    @Body() dto: ReplyDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    const upload = file ? { buffer: file.buffer, originalName: file.originalname } : undefined;
    return this.replies.uploadReply(access.tenantId, p.reference, upload, dto.note, actorOf(user, access, ip), dto.delivery);
  }

  @Get(':reference/evidence/:id')
  @RequirePermission('evidence:read')
  @ApiOperation({ summary: "Downloads an identity document (the tenant's compliance admins only; the download is audited)" })
  @ApiRequestReference()
  @ApiIdParam('The identity document (GET …/requests/{reference} lists them under `evidence`)')
  @ApiOkResponse({
    description: 'The document as uploaded (its content type detected when it was uploaded)',
    content: Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  async evidence(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RequestParams, @Res() res: Response) {
    if (access.role !== 'compliance-admin') throw new ForbiddenException("identity documents are visible only to the tenant's compliance admins");
    const { evidence, content } = await this.requests.readEvidence(access.tenantId, p.reference, p.id ?? '', actorOf(user, access, ip));
    sendEvidence(res, evidence, content);
  }
}
