import { ApiProperty } from '@nestjs/swagger';
import { RecordImportIssue } from '../../../record-import/dto/record-import.response';
import { SHA256_EXAMPLE } from '../../../record-import/dto/record-import.dto';

export class RequestHistoryStateCounts {
  @ApiProperty({ example: 40 }) completed: number;
  @ApiProperty({ example: 3 }) refused: number;
  @ApiProperty({ example: 2 }) withdrawn: number;
}

export class RequestHistoryTypeCount {
  @ApiProperty({ example: 'access' }) type: string;
  @ApiProperty({ example: 30 }) count: number;
}

/** One request as it would be imported. */
export class RequestHistoryRow {
  @ApiProperty({ description: "the file's row", example: 2 }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'null: one is drawn', example: 'R-7KQ2-XM4P' }) reference: string | null;
  @ApiProperty({ example: 'access' }) type: string;
  @ApiProperty({ example: 'e-mail' }) channel: string;
  @ApiProperty({ example: 'email-link' }) identityMethod: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-03-04T09:12:00.000Z' }) receivedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-03-04T10:00:00.000Z' }) identityVerifiedAt: Date | null;
  @ApiProperty({ enum: ['completed', 'refused', 'withdrawn'], example: 'completed' }) state: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-03-20T15:30:00.000Z' }) closedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) extendedAt: Date | null;
}

export class RequestHistoryPreviewResponse {
  @ApiProperty({ description: "the file's SHA-256: the file is held under it until applied", example: SHA256_EXAMPLE }) sha256: string;
  @ApiProperty({ example: 'requests-2025.csv' }) fileName: string;
  @ApiProperty({ enum: ['xlsx', 'csv'], example: 'csv' }) format: string;
  @ApiProperty({ type: RecordImportIssue, isArray: true, description: 'what keeps the file from being imported, by row and column (at most 200; nothing is held while there are any)' }) errors: RecordImportIssue[];
  @ApiProperty({ example: 0 }) errorsTotal: number;
  @ApiProperty({ description: 'the requests it would add', example: 45 }) count: number;
  @ApiProperty({ type: RequestHistoryStateCounts }) byState: RequestHistoryStateCounts;
  @ApiProperty({ type: RequestHistoryTypeCount, isArray: true }) byType: RequestHistoryTypeCount[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-01-02T08:00:00.000Z' }) receivedFrom: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-12-19T14:00:00.000Z' }) receivedTo: string | null;
  @ApiProperty({ type: RequestHistoryRow, isArray: true, description: 'the first rows (at most 10)' }) sample: RequestHistoryRow[];
  @ApiProperty({ type: String, nullable: true, description: 'what the confirmation names (null while there are errors)', example: SHA256_EXAMPLE }) planHash: string | null;
}

export class RequestHistoryAppliedResponse {
  @ApiProperty({ example: SHA256_EXAMPLE }) sha256: string;
  @ApiProperty({ description: 'requests added', example: 45 }) imported: number;
}
