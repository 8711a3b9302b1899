import type {
  ChatAllowance,
  ChatDetail,
  ChatSummary,
  ChatVisibility,
  DeletedCount,
  DocumentVersion,
  HistoryPage,
  MediaAsset,
  ModelList,
  ResolveSuggestionResponse,
  Suggestion,
  Vote,
} from '@storyos/contracts';
import { http } from '../../lib/http';
import { uploadWithProgress } from './upload';

const document = (id: string) => `/api/document?id=${encodeURIComponent(id)}`;

export const chatApi = {
  history: (endingBefore: string | null, limit = 20) =>
    http.get<HistoryPage>(`/api/history?limit=${limit}${endingBefore ? `&ending_before=${encodeURIComponent(endingBefore)}` : ''}`),
  deleteAll: () => http.delete<DeletedCount>('/api/history'),
  chat: (id: string) => http.get<ChatDetail>(`/api/chat/${id}`),
  deleteChat: (id: string) => http.delete<ChatSummary>(`/api/chat?id=${encodeURIComponent(id)}`),
  setVisibility: (id: string, visibility: ChatVisibility) => http.patch<ChatSummary>(`/api/chat/${id}/visibility`, { visibility }),
  stop: (id: string) => http.post<void>(`/api/chat/${id}/stop`),
  allowance: () => http.get<ChatAllowance>('/api/chat/allowance'),
  models: () => http.get<ModelList>('/api/models'),
  votes: (chatId: string) => http.get<Vote[]>(`/api/vote?chatId=${encodeURIComponent(chatId)}`),
  vote: (chatId: string, messageId: string, type: 'up' | 'down') => http.patch<Vote>('/api/vote', { chatId, messageId, type }),
  documentVersions: (id: string) => http.get<DocumentVersion[]>(document(id)),
  saveDocument: (id: string, body: { title: string; content: string; kind: 'text'; baseVersion?: string }) => http.post<DocumentVersion>(document(id), body),
  restoreVersion: (id: string, timestamp: string) => http.delete<DeletedCount>(`${document(id)}&timestamp=${encodeURIComponent(timestamp)}`),
  suggestions: (documentId: string) => http.get<Suggestion[]>(`/api/suggestions?documentId=${encodeURIComponent(documentId)}`),
  resolveSuggestion: (id: string, action: 'accept' | 'reject') => http.patch<ResolveSuggestionResponse>(`/api/suggestions/${id}`, { action }),
  upload: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) => uploadWithProgress<MediaAsset>('/api/files/upload', file, onProgress, signal),
};
