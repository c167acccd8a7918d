import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { LimitQueryDto } from '../common/limit-query.dto';

export class AuditQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ description: 'page backwards: entries before this sequence number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;
}
