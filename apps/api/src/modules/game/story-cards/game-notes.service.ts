import { Injectable } from '@nestjs/common';
import type { GameNotes, UpdateGameNotesRequest } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GameErrors } from '../game.errors';
import { GameSessionEntity } from '../sessions/game-session.entity';
import { toGameNotes } from '../sessions/game-session.mapper';
import { OwnedSessions } from '../sessions/owned-sessions';

/** A game's memory and author's note: saved together, over the version the editor showed or not at all. */
@Injectable()
export class GameNotesService {
  constructor(
    private readonly owned: OwnedSessions,
    private readonly dataSource: DataSource,
  ) {}

  async update(user: AuthUser, sessionId: string, request: UpdateGameNotesRequest): Promise<GameNotes> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.owned.lock(manager, user, sessionId);
      if (session.notesVersion !== request.baseVersion) throw GameErrors.notesChangedMeanwhile(toGameNotes(session));
      const saved = { memory: request.memory, authorsNote: request.authorsNote, notesVersion: session.notesVersion + 1 };
      await manager.update(GameSessionEntity, { id: sessionId }, saved);
      return toGameNotes({ ...session, ...saved });
    });
  }
}
