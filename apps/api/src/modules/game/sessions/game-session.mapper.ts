import type { GameMessage, GameNotes, GameSession, GameSessionSummary, StoryCard } from '@storyos/contracts';
import type { StoryCardEntity } from '../story-cards/story-card.entity';
import type { GameMessageEntity } from './game-message.entity';
import type { GameSessionEntity } from './game-session.entity';

/** A row of the sessions page query: a session's summary columns and its scenario's name. */
export interface SessionSummaryRow {
  id: string;
  title: string;
  scenario_id: string;
  turn_count: number;
  last_played_at: Date;
  created_at: Date;
  scenario_name: string | null;
}

export function toGameSessionSummary(row: SessionSummaryRow): GameSessionSummary {
  return {
    id: row.id,
    title: row.title,
    scenario: { id: row.scenario_id, name: row.scenario_name ?? '' },
    turnCount: row.turn_count,
    lastPlayedAt: row.last_played_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/** Needs `scenario` loaded. */
function summaryRowOf(session: GameSessionEntity): SessionSummaryRow {
  return {
    id: session.id,
    title: session.title,
    scenario_id: session.scenarioId,
    turn_count: session.turnCount,
    last_played_at: session.lastPlayedAt,
    created_at: session.createdAt,
    scenario_name: session.scenario?.name ?? null,
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
    ...toGameSessionSummary(summaryRowOf(session)),
    state: { ...session.state, present: session.state.present ?? [] },
    messages: messages.map(toGameMessage),
    notes: toGameNotes(session),
    storyCards: cards.map(toStoryCard),
    activeGenerationId: session.activeGenerationId,
    playerName: session.playerName,
    playerRole: session.playerRole,
  };
}
