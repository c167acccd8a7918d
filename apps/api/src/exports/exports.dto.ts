import { ApiPropertyOptional } from '@nestjs/swagger';
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
  // Documented on the routes (ApiAsOf: a dated example).
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE('asOf') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('asOf') })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Language of the texts (one the controller publishes in, or en); default the controller\'s first language', enum: LANGS, example: 'en' })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` })
  lang?: string;
}

export class PeriodQueryDto {
  // from and to are documented on the route (dated examples).
  @Matches(DAY, { message: DAY_MESSAGE('from') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('from') })
  from: string;

  @Matches(DAY, { message: DAY_MESSAGE('to') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('to') })
  to: string;
}
