import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IntField } from './input/int-field';

/** `limit` of a list query: 1 to 1000 items (default 100). */
export class LimitQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000, example: 100 })
  @IsOptional()
  @IntField('query', { min: 1, max: 1000 })
  limit?: number;
}
