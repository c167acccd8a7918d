import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { InvalidInputError } from '@regula/platform';
import { RecordImports, SHEET_LIMITS } from '@regula/exports';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { CheckedFileInterceptor } from '../common/input/checked-file.interceptor';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { TenantSlugParams } from '../exports/exports.dto';
import { RECORD_IMPORT_UPLOAD_SCHEMA, RecordImportApplyDto, RecordImportParams, RecordImportQuery } from './dto/record-import.dto';
import { RecordImportAppliedResponse, RecordImportPreviewResponse } from './dto/record-import.response';
import { ApiSha256, importActorOf } from './held-import-api';


/** The Art. 30 record imported from the spreadsheet Regula exports: preview (the file held), then apply what was previewed. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/record-import')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('registers:write')
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
export class RecordImportController {
  constructor(private readonly imports: RecordImports) {}

  @Post()
  @HttpCode(200)
  // After the guards: one file, refused beyond the import's size (413).
  @UseInterceptors(CheckedFileInterceptor('file', { limits: { fileSize: SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: RECORD_IMPORT_UPLOAD_SCHEMA })
  @ApiOperation({
    summary: 'Previews importing the record from its XLSX or CSV export: registers created, changed, retired; errors and warnings by sheet, row and column; nothing changes',
    description: 'A file without errors is held under its SHA-256 until applied. 413 for a file too large, with too many cells, or a zip that unpacks beyond the limit (not unpacked); a formula cell is an error (never evaluated). The controller block is compared with the controller\'s facts (warnings), never imported.',
  })
  @ApiOkResponse({ type: RecordImportPreviewResponse })
  @ApiErrors(413)
  preview(@Param() _p: TenantSlugParams, @CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RecordImportQuery, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new InvalidInputError(['file is required']);
    return this.imports.preview(access.tenantId, { name: file.originalname.slice(0, 255) || 'record', body: file.buffer }, q.lang ?? 'en', importActorOf(user, access, ip));
  }

  @Get(':sha256')
  @ApiOperation({ summary: 'The preview of a held file, as it would apply now' })
  @ApiSha256()
  @ApiOkResponse({ type: RecordImportPreviewResponse })
  held(@Param() p: RecordImportParams, @CurrentTenant() access: TenantAccess, @Query() q: RecordImportQuery) {
    return this.imports.previewHeld(access.tenantId, p.sha256, q.lang ?? 'en');
  }

  @Post(':sha256/apply')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Applies a held file in one transaction: new registers, new versions of changed ones, retired ones left out; audited with the file\'s SHA-256',
    description: '409 when the registers or the plan changed since the preview (planHash) or the file was already applied; 422 when the file has errors.',
  })
  @ApiSha256()
  @ApiOkResponse({ type: RecordImportAppliedResponse })
  @ApiErrors(409, 422)
  apply(@Param() p: RecordImportParams, @CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: RecordImportQuery, @Body() dto: RecordImportApplyDto) {
    return this.imports.apply(access.tenantId, p.sha256, dto.planHash, q.lang ?? 'en', importActorOf(user, access, ip));
  }
}
