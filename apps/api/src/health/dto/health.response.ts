import { ApiProperty } from '@nestjs/swagger';

/** Each dependency's state. */
export class HealthChecks {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  postgres: string;

  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  redis: string;
}

/** Whether the API can serve: ok when PostgreSQL and Redis answer (200), degraded otherwise (503). */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' })
  status: string;

  @ApiProperty({ type: () => HealthChecks })
  checks: HealthChecks;
}
