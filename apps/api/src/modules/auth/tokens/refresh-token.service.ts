import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, IsNull, type EntityManager, type Repository } from 'typeorm';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';
import { RevokedSessions } from './revoked-sessions.service';
import { RotationGrace } from './rotation-grace';

/** A refresh token as handed out; `familyId` is the sign-in session its access tokens name. */
export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
  familyId: string;
}

type Rotation =
  | { kind: 'rotated'; userId: string; next: IssuedRefreshToken }
  | { kind: 'replayed'; userId: string; familyId: string }
  | { kind: 'ended' }
  | { kind: 'expired' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const invalid = (): AppError => AppError.unauthenticated('Your session is no longer valid. Please sign in again.');

/** Refresh tokens are `<id>.<secret>`; each use rotates to a new one in the same family. */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    private readonly dataSource: DataSource,
    private readonly grace: RotationGrace,
    private readonly revokedSessions: RevokedSessions,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RefreshTokenService.name);
  }

  issue(userId: string): Promise<IssuedRefreshToken> {
    return this.issueIn(this.tokens.manager, userId, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new one. The same token presented again
   * within the grace window (two tabs refreshing at once) gets the same
   * successor; after it, a rotated or revoked token is a replay: the whole
   * family is revoked and the caller refused.
   */
  async rotate(presented: string): Promise<{ userId: string; next: IssuedRefreshToken }> {
    const { id, secret } = parse(presented);
    // The row lock serialises concurrent rotations of one token: the second waits, then finds the successor.
    const rotation = await this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const row = await manager.findOne(RefreshTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !secretMatches(row, secret)) throw invalid();
      if (row.rotatedAt) return this.rotatedAgain(row, secret);
      if (row.revokedAt) return { kind: 'ended' };
      if (row.expiresAt <= new Date()) return { kind: 'expired' };
      await manager.update(RefreshTokenEntity, row.id, { rotatedAt: new Date() });
      const next = await this.issueIn(manager, row.userId, row.familyId);
      await this.grace.remember(row.id, secret, next);
      return { kind: 'rotated', userId: row.userId, next };
    });
    switch (rotation.kind) {
      case 'rotated':
        return rotation;
      case 'ended':
        throw AppError.unauthenticated('This session has ended. Please sign in again.');
      case 'expired':
        throw AppError.unauthenticated('Your session has expired. Please sign in again.');
      case 'replayed':
        await this.revokeFamily(rotation.familyId);
        this.logger.warn({ userId: rotation.userId, familyId: rotation.familyId }, 'Refresh token reuse detected; family revoked');
        throw new AppError('REFRESH_TOKEN_REUSED', 'This session was signed out for your safety because its token was used twice. Please sign in again.');
    }
  }

  /** Logout: the presented token's family stops working, its access tokens and sockets included. Unknown tokens are ignored. */
  async revoke(presented: string): Promise<void> {
    const row = await this.find(presented).catch(() => null);
    if (row) await this.revokeFamily(row.familyId);
  }

  private async rotatedAgain(row: RefreshTokenEntity, secret: string): Promise<Rotation> {
    const withinGrace = !row.revokedAt && Date.now() - row.rotatedAt!.getTime() <= this.grace.seconds * 1000;
    const successor = withinGrace ? await this.grace.recall(row.id, secret) : null;
    return successor ? { kind: 'rotated', userId: row.userId, next: successor } : { kind: 'replayed', userId: row.userId, familyId: row.familyId };
  }

  private async issueIn(manager: EntityManager, userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    const row = await manager.save(manager.create(RefreshTokenEntity, { userId, familyId, secretHash: hashSecret(secret), expiresAt, rotatedAt: null, revokedAt: null }));
    return { token: `${row.id}.${secret}`, expiresAt, familyId };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.revokedSessions.revoke(familyId);
  }

  private async find(presented: string): Promise<RefreshTokenEntity> {
    const { id, secret } = parse(presented);
    const row = await this.tokens.findOneBy({ id });
    if (!row || !secretMatches(row, secret)) throw invalid();
    return row;
  }
}

function parse(presented: string): { id: string; secret: string } {
  const [id, secret] = presented.split('.');
  if (!id || !secret || !UUID.test(id)) throw invalid();
  return { id, secret };
}

function secretMatches(row: RefreshTokenEntity, secret: string): boolean {
  const expected = Buffer.from(row.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
