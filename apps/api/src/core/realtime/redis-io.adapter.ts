import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from '../redis/create-redis';
import { SOCKET_COMPRESSION } from './socket-compression';
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
    const logger = app.get(Logger);
    const warn = { warn: (context: object, message: string) => logger.warn(context, message) };
    this.pub = createRedis(config.redis, 'socket-adapter-pub', warn, { maxRetriesPerRequest: null });
    this.sub = createRedis(config.redis, 'socket-adapter-sub', warn, { maxRetriesPerRequest: null });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.config.http.corsOrigins);
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: [...allowed], credentials: true },
      perMessageDeflate: this.config.http.socketCompression ? SOCKET_COMPRESSION : false,
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
    await Promise.all([closeRedis(this.pub), closeRedis(this.sub)]);
  }
}
