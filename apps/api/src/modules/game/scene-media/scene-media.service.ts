import { Injectable } from '@nestjs/common';
import type { ChapterMediaKind, SceneMedia } from '@storyos/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import { isUsableMedia, withMediaSteps } from '../../generation/media-steps';
import { GameErrors } from '../game.errors';
import { GameMessageEntity } from '../sessions/game-message.entity';
import { OwnedSessions } from '../sessions/owned-sessions';
import { SceneMediaEntity } from './scene-media.entity';

const KIND_OF: Record<ChapterMediaKind, GenerationEntity['kind']> = { illustration: 'game.illustration', narration: 'game.narration' };

const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Pictures and narration of a game's scenes (its narrator replies). Asking
 * again for the same reply text answers with what was made (200); otherwise
 * a media step starts (202) and is followed like any generation.
 */
@Injectable()
export class SceneMediaService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
  ) {}

  async start(user: AuthUser, sessionId: string, messageId: string, kind: ChapterMediaKind, again: boolean): Promise<{ status: 200 | 202; body: SceneMedia }> {
    const session = await this.owned.find(user, sessionId);
    const message = await this.dataSource.manager.findOneBy(GameMessageEntity, { id: messageId, sessionId: session.id });
    if (!message || message.role !== 'narrator') throw GameErrors.messageNotFound();
    const text = message.content.trim();
    if (!text || message.status === 'queued' || message.status === 'streaming') throw GameErrors.sceneNotWritten();
    const hash = textHash(text);
    if (!again) {
      const made = await this.latest(message.id, kind, hash);
      if (made) return { status: 200, body: made };
    }
    const { result } = await this.generations.start(user, { kind: KIND_OF[kind], target: { type: 'game-session', id: session.id }, input: { messageId: message.id, text } }, (manager, generation) =>
      manager.save(manager.create(SceneMediaEntity, { sessionId: session.id, messageId: message.id, kind, textHash: hash, generationId: generation.id })),
    );
    return { status: 202, body: (await this.views([result!], new Map([[message.id, hash]])))[0]! };
  }

  /** The newest picture and narration of each reply still in the game. */
  async list(user: AuthUser, sessionId: string): Promise<SceneMedia[]> {
    const session = await this.owned.find(user, sessionId);
    const messages = await this.dataSource.manager.find(GameMessageEntity, { select: { id: true, content: true }, where: { sessionId: session.id, role: 'narrator' } });
    const hashes = new Map(messages.map((message) => [message.id, textHash(message.content.trim())]));
    const rows = await this.dataSource.manager.find(SceneMediaEntity, { where: { sessionId: session.id }, order: { createdAt: 'DESC' } });
    const newest = new Map<string, SceneMediaEntity>();
    for (const row of rows) {
      const key = `${row.messageId}:${row.kind}`;
      if (hashes.has(row.messageId) && !newest.has(key)) newest.set(key, row);
    }
    return this.views([...newest.values()], hashes);
  }

  /** A made (or making) picture or narration of this very text, if any that did not fail. */
  private async latest(messageId: string, kind: ChapterMediaKind, hash: string): Promise<SceneMedia | null> {
    const rows = await this.dataSource.manager.find(SceneMediaEntity, { where: { messageId, kind, textHash: hash }, order: { createdAt: 'DESC' }, take: 5 });
    const views = await this.views(rows, new Map([[messageId, hash]]));
    return views.find(isUsableMedia) ?? null;
  }

  private async views(rows: SceneMediaEntity[], hashes: Map<string, string>): Promise<SceneMedia[]> {
    return (await withMediaSteps(this.dataSource.manager, rows)).map(({ row, step }) => ({ messageId: row.messageId, ...step, matchesText: hashes.get(row.messageId) === row.textHash }));
  }
}
