import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';
import type { IssuedRefreshToken } from './refresh-token.service';

const SuccessorSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime(), familyId: z.uuid() });

/**
 * For a few seconds after a refresh token is rotated, remembers its successor
 * so that a second tab presenting the same token gets the same new token
 * instead of tripping reuse detection. The successor is stored encrypted with
 * a key derived from the old token's secret: only a holder of that token can
 * read it, as the database keeps only hashes of refresh tokens.
 */
@Injectable()
export class RotationGrace {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get seconds(): number {
    return this.config.auth.refreshReuseGraceSeconds;
  }

  async remember(tokenId: string, secret: string, successor: IssuedRefreshToken): Promise<void> {
    if (this.seconds === 0) return;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
    const plain = JSON.stringify({ ...successor, expiresAt: successor.expiresAt.toISOString() });
    const sealed = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    await this.redis.set(this.key(tokenId), sealed.toString('base64url'), 'EX', this.seconds);
  }

  /** The successor, while the grace window lasts; null after it or when the secret does not open it. */
  async recall(tokenId: string, secret: string): Promise<IssuedRefreshToken | null> {
    const stored = await this.redis.get(this.key(tokenId));
    if (!stored) return null;
    const sealed = Buffer.from(stored, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8');
      const successor = SuccessorSchema.parse(JSON.parse(plain));
      return { ...successor, expiresAt: new Date(successor.expiresAt) };
    } catch {
      return null;
    }
  }

  private key(tokenId: string): string {
    return `${this.config.redis.prefix}:refresh-successor:${tokenId}`;
  }
}

const keyFrom = (secret: string): Buffer => createHash('sha256').update('storyos refresh successor\0').update(secret).digest();
