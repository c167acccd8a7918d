import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { InvalidInputError } from '@regula/platform';
import { SHEET_LIMITS } from '@regula/exports';
import { ClientIp, CurrentTenant, CurrentUser } from '../../common/current-user.decorator';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { ApiErrors, ApiTenantSlug } from '../../common/openapi';
import { TenantSlugParams } from '../../exports/exports.dto';
import { RecordImportApplyDto, RecordImportParams, RecordImportQuery } from '../../record-import/dto/record-import.dto';
import { RequestHistoryAppliedResponse, RequestHistoryPreviewResponse } from './dto/request-history.response';
import { RequestHistoryImports } from './request-history-imports.service';
import { ApiSha256, importActorOf } from '../../record-import/held-import-api';


const UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string', format: 'binary',
      description: `The requests list as Regula exports it (requests.csv or .xlsx; headings and values in any dashboard language), closed requests only; at most ${SHEET_LIMITS.maxBytes} bytes`,
    },
  },
};

/** Closed requests of the past imported from the requests list's export: preview (the file held), then apply what was previewed. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/request-history')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('requests:write')
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
export class RequestHistoryController {
  constructor(private readonly imports: RequestHistoryImports) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(CheckedFileInterceptor('file', { limits: { fileSize: SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_SCHEMA })
  @ApiOperation({
    summary: 'Previews importing closed requests of the past from the requests list export: counts, errors by row and column; nothing changes',
    description: 'A file without errors is held under its SHA-256 until applied. Only completed, refused and withdrawn requests; receipts before the onboarding are allowed; no requester identity is imported. 413 for a file too large.',
  })
  @ApiOkResponse({ type: RequestHistoryPreviewResponse })
  @ApiErrors(413)
  preview(@Param() _p: TenantSlugParams, @CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RecordImportQuery, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new InvalidInputError(['file is required']);
    return this.imports.preview(access.tenantId, { name: file.originalname.slice(0, 255) || 'requests', body: file.buffer }, q.lang ?? 'en', importActorOf(user, access, ip));
  }

  @Get(':sha256')
  @ApiOperation({ summary: 'The preview of a held file of past requests, as it would apply now' })
  @ApiSha256()
  @ApiOkResponse({ type: RequestHistoryPreviewResponse })
  held(@Param() p: RecordImportParams, @CurrentTenant() access: TenantAccess, @Query() q: RecordImportQuery) {
    return this.imports.previewHeld(access.tenantId, p.sha256, q.lang ?? 'en');
  }

  @Post(':sha256/apply')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Imports a held file of past requests in one transaction, marked as imported, no e-mail and no deadline notice; one audit entry with the file\'s SHA-256',
    description: '409 when the plan changed since the preview (planHash), a reference is taken, or the file was already applied; 422 when the file has errors.',
  })
  @ApiSha256()
  @ApiOkResponse({ type: RequestHistoryAppliedResponse })
  @ApiErrors(409, 422)
  apply(@Param() p: RecordImportParams, @CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RecordImportQuery, @Body() dto: RecordImportApplyDto) {
    return this.imports.apply(access.tenantId, p.sha256, dto.planHash, q.lang ?? 'en', importActorOf(user, access, ip));
  }
}
