import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { LANGS, Lang } from '@regula/engine';
import { SHEET_LIMITS } from '@regula/exports';
import { TenantSlugParams } from '../../exports/exports.dto';

const SHA256 = /^[0-9a-f]{64}$/;
export const SHA256_EXAMPLE = '9f2c6a3b0d8e41f7a5c2b9e0d3f6a1c4b7e0d2f5a8c1b4e7d0f3a6c9b2e5d8f1';

export class RecordImportParams extends TenantSlugParams {
  @IsString()
  @Matches(SHA256, { message: 'sha256 must be 64 lower-case hexadecimal digits' })
  sha256: string;
}

/** The language of the errors and warnings. */
export class RecordImportQuery {
  @ApiPropertyOptional({ description: 'Language of the errors and warnings (default en)', enum: LANGS, example: 'en' })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of: ${LANGS.join(', ')}` })
  lang?: Lang;
}

export class RecordImportApplyDto {
  @ApiProperty({ description: 'The planHash of the preview being confirmed: refused (409) when the plan is no longer the one previewed', example: SHA256_EXAMPLE, pattern: '^[0-9a-f]{64}$' })
  @IsString()
  @Matches(SHA256, { message: 'planHash must be 64 lower-case hexadecimal digits' })
  planHash: string;
}

/** The OpenAPI body of the upload. */
export const RECORD_IMPORT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string', format: 'binary',
      description: `The record as Regula exports it (record.xlsx or record.csv), judged by content; at most ${SHEET_LIMITS.maxBytes} bytes, ${SHEET_LIMITS.maxCells} filled cells, an XLSX unpacking to at most ${SHEET_LIMITS.maxUnzippedBytes} bytes`,
    },
  },
};
