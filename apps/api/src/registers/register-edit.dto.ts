import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IntField } from '../common/input/int-field';
import { REGISTER_DEFINITION_EXAMPLE } from './dto/register.response';

/** A register's definition to check with the linter (nothing is saved). */
export class LintRegisterDto {
  @ApiProperty({
    description: "the whole register as the controller definition holds it (GET .../registers/{key} gives it as `definition`); its `id` must be the route's key",
    type: 'object',
    additionalProperties: true,
    example: REGISTER_DEFINITION_EXAMPLE,
  })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;
}

/** A new version of a register. */
export class SaveRegisterDto extends LintRegisterDto {
  @ApiProperty({ description: 'what changed, for the version history', minLength: 3, maxLength: 2000, example: 'Log retention shortened to 90 days' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(3)
  @MaxLength(2000)
  changeSummary: string;

  @ApiPropertyOptional({ type: 'integer', description: 'the version the edit started from: 409 when another version was saved meanwhile', minimum: 1, example: 1 })
  @IsOptional()
  @IntField('body', { min: 1 })
  baseVersion?: number;
}
