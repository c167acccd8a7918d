import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A person's confirmation of an assumed or unknown fact. */
export class ConfirmFactDto {
  @ApiProperty({ description: 'the fact\'s path as the list gives it', example: 'registers[clients].retention[client-data]', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  path: string;

  @ApiProperty({ description: 'the value hash the list showed: 409 when the value changed since', pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'valueHash must be the 64-character hash of the value shown' })
  valueHash: string;

  @ApiProperty({ description: 'what you checked (kept with the confirmation and in the audit log)', minLength: 3, maxLength: 2000, example: 'Checked with the clinic manager: client data is kept 5 years after the last visit.' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(3)
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({
    description: 'a value to put in place of the assumed one (required for an unknown fact): a text, or an object with the fields to replace',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    example: { description: 'five years after the last visit' },
  })
  @IsOptional()
  @IsDefined()
  replacement?: unknown;
}
