import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { LivenessSchema, ReadinessSchema, type Liveness, type Readiness } from '@storyos/contracts';
import type { Response } from 'express';
import Redis from 'ioredis';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { ProviderInfoService } from '../provider-info/provider-info.service';
import { InjectRedis } from '../redis/redis.module';
import { checkDependency } from './check-dependency';
import { APP_VERSION } from './app-version';

class LivenessDto extends createZodDto(LivenessSchema) {}
class ReadinessDto extends createZodDto(ReadinessSchema) {}


@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly providerInfo: ProviderInfoService,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ZodResponse({ status: 200, type: LivenessDto })
  live(): Liveness {
    return { status: 'ok', version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()), provider: this.providerInfo.current() };
  }

  /** Readiness: PostgreSQL and Redis both answer; 503 otherwise. */
  @Get('ready')
  @ZodResponse({ status: 200, type: ReadinessDto })
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const [database, redis] = await Promise.all([
      checkDependency(() => this.dataSource.query('SELECT 1')),
      checkDependency(() => this.redis.ping()),
    ]);
    const ready = database.status === 'up' && redis.status === 'up';
    if (!ready) response.status(503);
    return { status: ready ? 'ready' : 'not_ready', checks: { database, redis } };
  }
}
