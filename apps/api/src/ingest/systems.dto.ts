import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { LimitQueryDto } from '../common/limit-query.dto';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export class CreateSystemDto {
  @ApiProperty({ description: "The name the tenant's registers use in `systems`", example: 'crm', maxLength: 64 })
  @IsString()
  @Matches(NAME, { message: 'name must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ description: 'Where signed webhooks are POSTed; omit when the system polls /events', example: 'https://crm.example.lv/regula/webhook' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string;
}

export class UpdateSystemDto {
  @ApiProperty({ type: String, nullable: true, description: 'New webhook URL, or null: the system polls /events instead', example: 'https://crm.example.lv/regula/webhook', maxLength: 2000 })
  @ValidateIf((o: UpdateSystemDto) => o.webhookUrl !== null)
  @IsString()
  @MaxLength(2000)
  webhookUrl: string | null;
}

export class RotateSystemDto {
  @ApiPropertyOptional({ description: 'Also replace the webhook signing secret', default: false, example: false })
  @IsOptional()
  @IsBoolean()
  webhookSecret?: boolean;
}

export class SystemParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;

  @IsString()
  @Matches(NAME, { message: 'name must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  name: string;
}

export class DeliveryParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;

  @IsUUID()
  id: string;
}

export class WebhooksQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'], description: 'Only deliveries in this state', example: 'failed' })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

export class EventsQueryDto extends LimitQueryDto {}

/** Route parameters of the ingest API's event acknowledgement. */
export class EventParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'tenant must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  tenant: string;

  @IsUUID()
  id: string;
}
