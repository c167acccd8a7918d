import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IntField } from '../common/input/int-field';

/** A register's definition to check with the linter (nothing is saved). */
export class LintRegisterDto {
  @ApiProperty({ description: "the register as the controller definition holds it (its `id` must be the route's key)", type: 'object', additionalProperties: true })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;
}

/** A new version of a register. */
export class SaveRegisterDto extends LintRegisterDto {
  @ApiProperty({ description: 'what changed, for the version history', maxLength: 2000 })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(3)
  @MaxLength(2000)
  changeSummary: string;

  @ApiPropertyOptional({ description: 'the version the edit started from: 409 when another version was saved meanwhile', minimum: 1 })
  @IsOptional()
  @IntField('body', { min: 1 })
  baseVersion?: number;
}
