import type { GameMessage, GameNotes, GameSession, GameSessionSummary, StoryCard } from '@storyos/contracts';
import type { StoryCardEntity } from '../story-cards/story-card.entity';
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
  const narrator = message.role === 'narrator';
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    mode: narrator ? null : (message.mode ?? 'do'),
    revision: message.revision,
    swipe: narrator ? { index: message.swipeIndex, count: Math.max(1, message.swipes.length) } : null,
    context: narrator ? message.context : null,
    generationId: message.generationId,
    status: message.status,
    error: message.error,
    finishReason: message.finishReason,
    turn: message.turn,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toGameNotes(session: GameSessionEntity): GameNotes {
  return { memory: session.memory, authorsNote: session.authorsNote, version: session.notesVersion };
}

export function toStoryCard(card: StoryCardEntity): StoryCard {
  return {
    id: card.id,
    kind: card.kind,
    title: card.title,
    keywords: card.keywords,
    content: card.content,
    version: card.version,
    createdAt: card.createdAt.toISOString(),
    updatedAt: card.updatedAt.toISOString(),
  };
}

export function toGameSession(session: GameSessionEntity, messages: GameMessageEntity[], cards: StoryCardEntity[]): GameSession {
  return {
    ...toGameSessionSummary(session),
    state: { ...session.state, present: session.state.present ?? [] },
    messages: messages.map(toGameMessage),
    notes: toGameNotes(session),
    storyCards: cards.map(toStoryCard),
    activeGenerationId: session.activeGenerationId,
    playerName: session.playerName,
    playerRole: session.playerRole,
  };
}
