import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';

/**
 * Ended sign-in sessions (refresh token families), so their access tokens
 * stop working at once rather than when they expire. An entry lives as long as
 * an access token can, after which every token of that session is expired anyway.
 * One Redis EXISTS per authenticated request; no database read.
 */
@Injectable()
export class RevokedSessions {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly realtime: RealtimePublisher,
  ) {}

  async revoke(sessionId: string): Promise<void> {
    await this.redis.set(this.key(sessionId), '1', 'EX', this.config.auth.accessTokenTtlSeconds);
    this.realtime.disconnectSession(sessionId);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(sessionId))) === 1;
  }

  private key(sessionId: string): string {
    return `${this.config.redis.prefix}:revoked-session:${sessionId}`;
  }
}
