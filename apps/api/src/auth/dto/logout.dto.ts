import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class LogoutDto {
  @ApiPropertyOptional({ description: 'also refuse every other token of the account (all devices)', example: false })
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}
