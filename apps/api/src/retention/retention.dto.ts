import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IntField } from '../common/input/int-field';

export class TenantParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;
}

export class RunParams extends TenantParams {
  @IsUUID()
  id: string;
}

export class RecordParams extends TenantParams {
  @IsUUID()
  id: string;
}

export class RunsQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500, example: 50 })
  @IsOptional()
  @IntField('query', { min: 1, max: 500 })
  limit?: number;
}

export class DueQueryDto {
  // Documented on the route (a dated example, see RetentionController.due).
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;
}

export class LegalHoldDto {
  @ApiProperty({ description: 'Why the record must be kept (litigation, authority order...)', example: 'court case 2-26-1234 (Riga city court)', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}
