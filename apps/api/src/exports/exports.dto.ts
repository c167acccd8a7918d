import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LANGS } from '@regula/engine';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = (name: string) => `${name} must be a date YYYY-MM-DD`;

export class TenantSlugParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;
}

export class RegisterExportParams extends TenantSlugParams {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'key must be lower-case letters, digits and hyphens' })
  @MaxLength(100)
  key: string;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ description: 'The end of this day in the controller\'s time zone; default now', example: '2026-11-20' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('asOf') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('asOf') })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Language of the texts (one the controller publishes in, or en); default the controller\'s first language', enum: LANGS })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` })
  lang?: string;
}

export class PeriodQueryDto {
  @ApiProperty({ description: 'First day of the period (controller\'s time zone)', example: '2026-01-01' })
  @Matches(DAY, { message: DAY_MESSAGE('from') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('from') })
  from: string;

  @ApiProperty({ description: 'Last day of the period, also the as-of date of the registers', example: '2026-11-20' })
  @Matches(DAY, { message: DAY_MESSAGE('to') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('to') })
  to: string;
}
