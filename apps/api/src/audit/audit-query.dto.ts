import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IntField } from '../common/input/int-field';
import { LimitQueryDto } from '../common/limit-query.dto';

export class AuditQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'page backwards: entries before this sequence number (the `seq` of the oldest entry of the page before)', example: 101 })
  @IsOptional()
  // audit_log.seq is a bigint
  @IntField('query', { min: 1, column: 'int8' })
  beforeSeq?: number;
}
