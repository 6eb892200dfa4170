import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../authz/policy.decorators';
import { RedisClient } from '../redis/redis.module';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({ example: { database: 'up', redis: 'up' } })
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('health check timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Readiness: PostgreSQL and Redis reachable (503 when not)' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: HealthDto, description: 'PostgreSQL and Redis answer.' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'PostgreSQL or Redis does not answer.' })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthDto> {
    const [database, redis] = await Promise.all([
      withTimeout(this.em.getConnection().execute('select 1')).then(() => 'up' as const, () => 'down' as const),
      withTimeout(this.redis.ping()).then(() => 'up' as const, () => 'down' as const),
    ]);
    const healthy = database === 'up' && redis === 'up';
    response.status(healthy ? 200 : 503);
    response.header('Cache-Control', 'no-store');
    return { status: healthy ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}
