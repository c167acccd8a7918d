import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const HASH_EXAMPLE = '5d41402abc4b2a76b9719d911017c592ae2b6f1d3c8e4a7f9b0c2d4e6f8a1b3c';

/** A register definition as stored (its `id` is the register's key). */
export const REGISTER_DEFINITION_EXAMPLE = {
  id: 'log-data',
  name: { en: 'Log data and security', et: 'Logiandmed ja turvalisus', lt: 'Žurnalų duomenys ir saugumas' },
  purposes: [{ id: 'security', name: { en: 'Operating the portal securely' } }],
};

/** A source a finding's fact rests on (a document of the controller or a law). */
export class RegisterFindingRef {
  @ApiProperty({ description: 'a document of the controller or a law of the catalogue', example: 'GDPR' })
  source: string;

  @ApiPropertyOptional({ description: 'the section, clause or article', example: 'Art. 13(2)(a)' })
  at?: string;

  @ApiPropertyOptional({ example: 'the notice names no storage period' })
  note?: string;

  @ApiPropertyOptional({ enum: ['assumed', 'corrected', 'unknown'], example: 'assumed' })
  provenance?: string;
}

/** One thing the register linter found. */
export class RegisterFinding {
  @ApiProperty({ example: 'unused-data-category' })
  code: string;

  @ApiProperty({ enum: ['error', 'warning', 'info'], example: 'warning' })
  severity: string;

  @ApiProperty({ enum: ['definition', 'publication'], description: 'what an error refuses: saving (definition) or publishing a policy (publication)', example: 'publication' })
  kind: string;

  @ApiProperty({ example: 'registers[log-data].dataCategories[device-data]' })
  path: string;

  @ApiProperty({ example: 'no purpose processes the data category device-data: remove it or name the purpose' })
  message: string;

  @ApiPropertyOptional({ type: () => RegisterFindingRef, isArray: true })
  ref?: RegisterFindingRef[];
}

/** What a version of a register is, without its definition. */
class RegisterVersionFields {
  @ApiProperty({ example: 'log-data' })
  key: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2 })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-15T09:30:00.000Z' })
  validFrom: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the version is current', example: null })
  validTo: Date | null;

  @ApiProperty({ description: 'the register is no longer in use', example: false })
  retired: boolean;

  @ApiProperty({ description: "SHA-256 of the definition's canonical JSON", example: HASH_EXAMPLE })
  contentHash: string;
}

/** A register at one version, with its definition. */
export class RegisterDetailResponse extends RegisterVersionFields {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the register as the controller definition holds it', example: REGISTER_DEFINITION_EXAMPLE })
  definition: Record<string, unknown>;
}

/** One entry of a register's version history. */
export class RegisterHistoryEntry extends RegisterVersionFields {
  @ApiProperty({ description: 'who saved it', example: 'admin@medical-management.demo (compliance-admin)' })
  author: string;

  @ApiProperty({ type: String, nullable: true, description: 'what changed (null for a version synced from the source)', example: 'Log retention shortened to 90 days' })
  changeSummary: string | null;

  @ApiProperty({ example: true })
  isCurrent: boolean;
}

/** The outcome of saving a register. */
export class RegisterSaveResponse {
  @ApiProperty({ enum: ['created', 'unchanged'], description: 'unchanged: the content equals the current version, nothing was saved', example: 'created' })
  status: string;

  @ApiProperty({ example: 'log-data' })
  key: string;

  @ApiProperty({ type: 'integer', description: 'the new version (or the current one when unchanged)', example: 3 })
  version: number;

  @ApiProperty({ example: HASH_EXAMPLE })
  contentHash: string;

  @ApiProperty({ description: "the retention rules changed: the register's due dates are recomputed by the worker", example: false })
  retentionChanged: boolean;

  @ApiProperty({ type: () => RegisterFinding, isArray: true, description: 'warnings and publication errors (they refuse publishing a policy, not saving)' })
  findings: RegisterFinding[];
}

/** The linter's findings for a register definition, nothing saved. */
export class RegisterLintResponse {
  @ApiProperty({ type: () => RegisterFinding, isArray: true })
  findings: RegisterFinding[];

  @ApiProperty({ type: 'integer', description: 'findings of severity error', example: 1 })
  errors: number;

  @ApiProperty({ type: 'integer', description: 'errors that would refuse saving (422)', example: 0 })
  definitionErrors: number;
}
