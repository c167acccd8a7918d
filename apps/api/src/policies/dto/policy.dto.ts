import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { LANGS } from '@regula/engine';

export class PolicyDraftParams {
  @ApiProperty() @IsString() slug: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'id must be a policy draft id (UUID)' }) id: string;
}

export class PolicyVersionParams {
  @ApiProperty() @IsString() slug: string;
  @ApiProperty({ minimum: 1 }) @Type(() => Number) @IsInt({ message: 'number must be a version number' }) @Min(1) number: number;
}

export class PolicyLangQueryDto {
  @ApiPropertyOptional({ enum: LANGS }) @IsOptional() @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang?: string;
}

export class PolicyDiffQueryDto {
  @ApiProperty({ minimum: 1 }) @Type(() => Number) @IsInt({ message: 'from must be a version number' }) @Min(1) from: number;
  @ApiProperty({ minimum: 1 }) @Type(() => Number) @IsInt({ message: 'to must be a version number' }) @Min(1) to: number;
  @ApiProperty({ enum: LANGS }) @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` }) lang: string;
}

export class PublishPolicyDto {
  @ApiProperty({ description: 'what changed, in words a reader understands (shown in the archive and the announcement)', maxLength: 2000 })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(3)
  @MaxLength(2000)
  changeSummary: string;

  @ApiProperty({ description: 'a material change is announced (login page, dashboard, e-mail to account holders where the tenant promises it)' })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD in the tenant\'s time zone; default today; never in the past', example: '2026-12-01' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;
}
