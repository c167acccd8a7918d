import { Controller, Get, HttpCode, Inject, OnApplicationBootstrap, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import Redis from 'ioredis';
import type { Response } from 'express';
import { DatabaseProbe, REDIS } from '@regula/platform';
import { ApiErrors } from '../common/openapi';
import { HealthResponse } from './dto/health.response';

const CHECK_TIMEOUT_MS = 2000;

async function check(fn: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)))]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController implements OnApplicationBootstrap {
  constructor(private readonly db: DatabaseProbe, @Inject(REDIS) private readonly redis: Redis) {}

  /** Opens the probe's connection at start, so no check pays for connecting (a busy event loop made that time out). */
  async onApplicationBootstrap(): Promise<void> {
    await check(() => this.db.ping(CHECK_TIMEOUT_MS));
  }

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Checks PostgreSQL and Redis; 503 when either is down' })
  @ApiOkResponse({ type: HealthResponse, description: 'Both answer' })
  @ApiResponse({ status: 503, type: HealthResponse, description: 'PostgreSQL or Redis does not answer (status degraded, the one down named)' })
  @ApiErrors(400)
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [postgres, redis] = await Promise.all([check(() => this.db.ping(CHECK_TIMEOUT_MS)), check(() => this.redis.ping())]);
    const ok = postgres === 'up' && redis === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis } };
  }
}
