import {
  type CreateGameSessionResponse,
  type GameSession,
  type GameSessionSummary,
  type Generation,
  type GenerationAccepted,
  type Page,
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
  sendTurn: (id: string, content: string) => http.post<GenerationAccepted>(`${session(id)}/turns`, { content }),
  stop: (id: string) => http.post<unknown>(`${session(id)}/stop`),
  regenerate: (id: string) => http.post<GenerationAccepted>(`${session(id)}/regenerate`),
  continueReply: (id: string) => http.post<GenerationAccepted>(`${session(id)}/continue`),
  undo: (id: string) => http.post<GameSession>(`${session(id)}/undo`),
  getGeneration: (id: string) => http.get<Generation>(`/api/generations/${id}`),
  /** The story engine in use, from the health report; null while the API does not report it. */
  provider: async (): Promise<ProviderInfo | null> => {
    const health = await http.get<{ provider?: unknown }>('/api/health');
    const parsed = ProviderInfoSchema.safeParse(health.provider);
    return parsed.success ? parsed.data : null;
  },
};
