import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { socketIoRedisKey } from './socket-io-key';

/**
 * Socket.IO across processes: rooms and emits travel through Redis, and a
 * browser Origin outside the allow-list is refused before the handshake.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.pub = new Redis(config.redis.url, { maxRetriesPerRequest: 3 });
    this.sub = this.pub.duplicate();
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.config.http.corsOrigins);
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: [...allowed], credentials: true },
      // Non-browser clients send no Origin; browsers always do, and must be on the list.
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, allowed: boolean) => void) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || allowed.has(origin));
      },
    });
    server.adapter(createAdapter(this.pub, this.sub, { key: socketIoRedisKey(this.config.redis.prefix) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
