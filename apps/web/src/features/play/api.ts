import {
  type CreateStoryCardRequest,
  type GameNotes,
  type PlayerInputMode,
  type StoryCard,
  type UpdateGameNotesRequest,
  type UpdateStoryCardRequest,
  type CreateGameSessionResponse,
  type GameSession,
  type GameSessionSummary,
  type Generation,
  type GenerationAccepted,
  type ChapterMediaKind,
  type Page,
  type SceneMedia,
  type ProviderInfo,
  ProviderInfoSchema,
} from '@storyos/contracts';
import { http } from '../../lib/http';

const session = (id: string) => `/api/game/sessions/${id}`;

export const playApi = {
  listSessions: (page: number, pageSize: number) =>
    http.get<Page<GameSessionSummary>>(`/api/game/sessions?page=${page}&pageSize=${pageSize}`),
  getSession: (id: string) => http.get<GameSession>(session(id)),
  createSession: (scenarioId: string) => http.post<CreateGameSessionResponse>('/api/game/sessions', { scenarioId }),
  renameSession: (id: string, title: string) => http.patch<GameSessionSummary>(session(id), { title }),
  deleteSession: (id: string) => http.delete<void>(session(id)),
  sendTurn: (id: string, content: string, mode: PlayerInputMode) => http.post<GenerationAccepted>(`${session(id)}/turns`, { content, mode }),
  /** `shownChars`: how much of the live reply was on screen, so the kept text ends there. */
  stop: (id: string, shownChars?: number) => http.post<unknown>(`${session(id)}/stop`, shownChars === undefined ? {} : { shownChars }),
  regenerate: (id: string) => http.post<GenerationAccepted>(`${session(id)}/regenerate`),
  continueStory: (id: string) => http.post<GenerationAccepted>(`${session(id)}/continue`),
  swipe: (id: string, index: number) => http.post<GameSession>(`${session(id)}/swipe`, { index }),
  editMessage: (id: string, messageId: string, content: string, baseRevision: number) =>
    http.patch<GameSession>(`${session(id)}/messages/${messageId}`, { content, baseRevision }),
  updateNotes: (id: string, notes: UpdateGameNotesRequest) => http.put<GameNotes>(`${session(id)}/notes`, notes),
  createCard: (id: string, card: CreateStoryCardRequest) => http.post<StoryCard>(`${session(id)}/story-cards`, card),
  updateCard: (id: string, cardId: string, card: UpdateStoryCardRequest) => http.patch<StoryCard>(`${session(id)}/story-cards/${cardId}`, card),
  deleteCard: (id: string, cardId: string) => http.delete<void>(`${session(id)}/story-cards/${cardId}`),
  undo: (id: string) => http.post<GameSession>(`${session(id)}/undo`),
  getGeneration: (id: string) => http.get<Generation>(`/api/generations/${id}`),
  /** The newest picture and narration of each narrator reply. */
  sceneMedia: (id: string) => http.get<SceneMedia[]>(`${session(id)}/media`),
  /** Draws a scene or reads it aloud: 202 while it is made, 200 with the one made for this text (unless `again`). */
  startSceneMedia: (id: string, messageId: string, kind: ChapterMediaKind, again = false) =>
    http.post<SceneMedia>(`${session(id)}/messages/${messageId}/${kind}`, { again }),
  /** The story engine in use, from the health report; null while the API does not report it. */
  provider: async (): Promise<ProviderInfo | null> => {
    const health = await http.get<{ provider?: unknown }>('/api/health');
    const parsed = ProviderInfoSchema.safeParse(health.provider);
    return parsed.success ? parsed.data : null;
  },
};
