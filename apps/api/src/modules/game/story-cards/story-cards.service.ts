import { Injectable } from '@nestjs/common';
import { STORY_CARDS_PER_GAME, type CreateStoryCardRequest, type StoryCard, type UpdateStoryCardRequest } from '@storyos/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { toStoryCard } from '../sessions/game-session.mapper';
import { OwnedSessions } from '../sessions/owned-sessions';
import { StoryCardEntity } from './story-card.entity';

/** A game's story cards: characters, places and things the narrator is told about when their keywords come up. */
@Injectable()
export class StoryCardsService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly dataSource: DataSource,
  ) {}

  async create(user: AuthUser, sessionId: string, request: CreateStoryCardRequest): Promise<StoryCard> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned.lock(manager, user, sessionId);
      if ((await manager.countBy(StoryCardEntity, { sessionId })) >= STORY_CARDS_PER_GAME) throw GameErrors.tooManyCards(STORY_CARDS_PER_GAME);
      const card = await manager.save(manager.create(StoryCardEntity, { sessionId, kind: request.kind, title: request.title, keywords: distinct(request.keywords), content: request.content, version: 1 }));
      return toStoryCard(card);
    });
  }

  /** Saves over the version the editor showed, or not at all (409 with the card as it is now). */
  async update(user: AuthUser, sessionId: string, cardId: string, request: UpdateStoryCardRequest): Promise<StoryCard> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned.lock(manager, user, sessionId);
      const card = await this.find(manager, sessionId, cardId);
      if (card.version !== request.baseVersion) throw GameErrors.cardChangedMeanwhile(toStoryCard(card));
      const { baseVersion: _base, keywords, ...fields } = request;
      Object.assign(card, fields, keywords ? { keywords: distinct(keywords) } : {}, { version: card.version + 1 });
      return toStoryCard(await manager.save(card));
    });
  }

  async delete(user: AuthUser, sessionId: string, cardId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.owned.lock(manager, user, sessionId);
      const card = await this.find(manager, sessionId, cardId);
      await manager.delete(StoryCardEntity, { id: card.id });
    });
  }

  private async find(manager: EntityManager, sessionId: string, cardId: string): Promise<StoryCardEntity> {
    const card = await manager.findOneBy(StoryCardEntity, { id: cardId, sessionId });
    if (!card) throw GameErrors.cardNotFound();
    return card;
  }
}

/** "Maren", "maren" and "MAREN" are one keyword. */
function distinct(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((keyword) => {
    const key = keyword.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
