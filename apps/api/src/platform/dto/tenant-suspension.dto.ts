import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SuspendTenantDto {
  @ApiProperty({ description: "why the controller is suspended (kept in the platform's audit chain; never shown on a public page)", minLength: 1, maxLength: 500, example: 'Contract ended on 30 November; data kept until the export is taken' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class TenantSuspensionResponse {
  @ApiProperty({ example: 'inomedis' }) slug: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: not suspended', example: '2026-12-06T22:50:00.000Z' }) suspendedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, example: 'Contract ended on 30 November' }) reason: string | null;
}
