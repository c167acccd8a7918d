import { ApiProperty } from '@nestjs/swagger';
import { SHA256_EXAMPLE } from './record-import.dto';

/** An error or warning of an import, where it is. */
export class RecordImportIssue {
  @ApiProperty({ example: 'Art. 30 record' })
  sheet: string;

  @ApiProperty({ description: '1-based, as the spreadsheet counts', example: 18 })
  row: number;

  @ApiProperty({ description: '1-based', example: 26 })
  column: number;

  @ApiProperty({ description: 'the cell as the spreadsheet names it', example: 'Z18' })
  cell: string;

  @ApiProperty({ example: 'json' })
  code: string;

  @ApiProperty({ description: 'in the language asked for', example: 'Line 4: the value is not valid JSON ({oops).' })
  message: string;
}

export class RecordImportRegister {
  @ApiProperty({ example: 'log-data' })
  key: string;

  @ApiProperty({ example: 'Log data and security' })
  name: string;

  @ApiProperty({ type: Number, nullable: true, description: "the file's row (null for a register the import retires)", example: 18 })
  row: number | null;
}

export class RecordImportPreviewResponse {
  @ApiProperty({ description: "the file's SHA-256: the file is held under it until applied", example: SHA256_EXAMPLE })
  sha256: string;

  @ApiProperty({ example: 'inomedis-record-2026-11-21.xlsx' })
  fileName: string;

  @ApiProperty({ enum: ['xlsx', 'csv'], example: 'xlsx' })
  format: string;

  @ApiProperty({ type: RecordImportIssue, isArray: true, description: 'what keeps the file from being imported (nothing is held while there are any)' })
  errors: RecordImportIssue[];

  @ApiProperty({ type: RecordImportIssue, isArray: true, description: 'readable cells that differ from what the data gives, and a controller block that differs from the controller\'s facts (at most 100)' })
  warnings: RecordImportIssue[];

  @ApiProperty({ example: 0 })
  warningsTotal: number;

  @ApiProperty({ type: RecordImportRegister, isArray: true })
  created: RecordImportRegister[];

  @ApiProperty({ type: RecordImportRegister, isArray: true })
  changed: RecordImportRegister[];

  @ApiProperty({ type: RecordImportRegister, isArray: true })
  retired: RecordImportRegister[];

  @ApiProperty({ type: RecordImportRegister, isArray: true })
  unchanged: RecordImportRegister[];

  @ApiProperty({ type: String, nullable: true, description: 'what the confirmation names (null while there are errors)', example: SHA256_EXAMPLE })
  planHash: string | null;
}

export class RecordImportAppliedResponse {
  @ApiProperty({ type: String, isArray: true, example: ['log-data'] })
  created: string[];

  @ApiProperty({ type: String, isArray: true, example: [] })
  versioned: string[];

  @ApiProperty({ type: String, isArray: true, example: [] })
  retired: string[];

  @ApiProperty({ type: String, isArray: true, example: ['clients'] })
  unchanged: string[];
}
