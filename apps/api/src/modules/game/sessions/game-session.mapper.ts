import type { GameMessage, GameSession, GameSessionSummary } from '@storyos/contracts';
import type { GameMessageEntity } from './game-message.entity';
import type { GameSessionEntity } from './game-session.entity';

/** Needs `scenario` loaded. */
export function toGameSessionSummary(session: GameSessionEntity): GameSessionSummary {
  return {
    id: session.id,
    title: session.title,
    scenario: { id: session.scenarioId, name: session.scenario?.name ?? '' },
    turnCount: session.turnCount,
    lastPlayedAt: session.lastPlayedAt.toISOString(),
    createdAt: session.createdAt.toISOString(),
  };
}

export function toGameMessage(message: GameMessageEntity): GameMessage {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    generationId: message.generationId,
    status: message.status,
    error: message.error,
    finishReason: message.finishReason,
    turn: message.turn,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toGameSession(session: GameSessionEntity, messages: GameMessageEntity[]): GameSession {
  return {
    ...toGameSessionSummary(session),
    state: session.state,
    messages: messages.map(toGameMessage),
    activeGenerationId: session.activeGenerationId,
    playerName: session.playerName,
    playerRole: session.playerRole,
  };
}
