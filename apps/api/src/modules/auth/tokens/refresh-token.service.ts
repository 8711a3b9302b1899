import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { IsNull, type Repository } from 'typeorm';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Refresh tokens are `<id>.<secret>`; each use rotates to a new one in the same family. */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RefreshTokenService.name);
  }

  async issue(userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    const row = await this.tokens.save(this.tokens.create({ userId, familyId, secretHash: hashSecret(secret), expiresAt, rotatedAt: null, revokedAt: null }));
    return { token: `${row.id}.${secret}`, expiresAt };
  }

  /**
   * Exchanges a refresh token for a new one. A token that was already rotated
   * or revoked is a replay: the whole family is revoked and the caller refused.
   */
  async rotate(presented: string): Promise<{ userId: string; next: IssuedRefreshToken }> {
    const row = await this.find(presented);
    const now = new Date();
    if (row.revokedAt && !row.rotatedAt) throw AppError.unauthenticated('This session has ended. Please sign in again.');
    if (row.rotatedAt) {
      await this.revokeFamily(row.familyId);
      this.logger.warn({ userId: row.userId, familyId: row.familyId }, 'Refresh token reuse detected; family revoked');
      throw new AppError('REFRESH_TOKEN_REUSED', 'This session was signed out for your safety because its token was used twice. Please sign in again.');
    }
    if (row.expiresAt <= now) throw AppError.unauthenticated('Your session has expired. Please sign in again.');
    // Only one concurrent rotation may win; the loser is treated as a replay.
    const claimed = await this.tokens.update({ id: row.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: now });
    if (!claimed.affected) {
      await this.revokeFamily(row.familyId);
      throw new AppError('REFRESH_TOKEN_REUSED', 'This session was signed out for your safety because its token was used twice. Please sign in again.');
    }
    return { userId: row.userId, next: await this.issue(row.userId, row.familyId) };
  }

  /** Logout: the presented token's family stops working. Unknown tokens are ignored. */
  async revoke(presented: string): Promise<void> {
    const row = await this.find(presented).catch(() => null);
    if (row) await this.revokeFamily(row.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async find(presented: string): Promise<RefreshTokenEntity> {
    const [id, secret] = presented.split('.');
    const invalid = AppError.unauthenticated('Your session is no longer valid. Please sign in again.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid;
    const row = await this.tokens.findOneBy({ id });
    if (!row) throw invalid;
    const expected = Buffer.from(row.secretHash, 'hex');
    const actual = Buffer.from(hashSecret(secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw invalid;
    return row;
  }
}
