import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { userRoom, type ServerToClientEvents, type StreamEntry } from '@storyos/contracts';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from '../redis/create-redis';
import { sessionRoom } from './session-room';
import { socketIoRedisKey } from './socket-io-key';

type EventName = keyof ServerToClientEvents;

/** What the emitter publishes through: its own connection, or a caller's Redis transaction (the event then goes out with the caller's commands, after them). */
export interface RedisPublishing {
  publish(channel: string, message: string | Buffer): unknown;
}

/**
 * Emits socket events from any process (API or worker) through Redis; the
 * Socket.IO adapter in every API process delivers them to the right sockets.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;
  private readonly emitterOptions: { key: string };

  constructor(@InjectConfig() config: AppConfig, logger: PinoLogger) {
    // Events wait through a reconnect rather than failing.
    this.redis = createRedis(config.redis, 'socket-emitter', logger, { maxRetriesPerRequest: null });
    this.emitterOptions = { key: socketIoRedisKey(config.redis.prefix) };
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, this.emitterOptions);
  }

  toUser<E extends EventName>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    this.emitter.to(userRoom(userId)).emit(event, ...payload);
  }

  /**
   * A generation's stream entry to its owner: text in the compact `generation:delta` form, the rest as `generation:entry`.
   * `through`: published with the caller's transaction instead of on this publisher's connection.
   */
  entryToUser(userId: string, generationId: string, entry: StreamEntry, through?: RedisPublishing): void {
    const emitter = through ? new Emitter<ServerToClientEvents>(through, this.emitterOptions) : this.emitter;
    const room = emitter.to(userRoom(userId));
    if (entry.type === 'delta') room.emit('generation:delta', generationId, entry.seq, entry.text);
    else room.emit('generation:entry', { generationId, entry });
  }

  /** Closes, in every API process, the sockets opened with a session that has just ended. */
  disconnectSession(sessionId: string): void {
    this.emitter.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
