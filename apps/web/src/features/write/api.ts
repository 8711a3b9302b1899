import type {
  ArtifactBase,
  ArtifactKind,
  ChapterMedia,
  ChapterMediaKind,
  CreateStoryRequest,
  ExportFormat,
  Outline,
  Page,
  Story,
  StoryArtifact,
  StoryCacheStats,
  StoryJob,
  StorySummary,
  StartPhaseResponse,
  UpdateStoryRequest,
} from '@storyos/contracts';
import { ApiError } from '../../lib/api-error';
import { refreshSession, request } from '../../lib/http';
import { sessionStore } from '../../lib/session-store';

/** The generation steps of the wizard, named as the API's routes are. */
export type PhaseRoute = 'premise' | 'outline' | 'start' | 'continue' | 'extend';

const story = (id: string) => `/api/stories/${id}`;

export const EXPORT_FILE_TYPES: Record<ExportFormat, { label: string; extension: string }> = {
  markdown: { label: 'Markdown', extension: 'md' },
  text: { label: 'Plain text', extension: 'txt' },
  docx: { label: 'Word (DOCX)', extension: 'docx' },
};

export interface ExportedFile {
  blob: Blob;
  filename: string;
}

/** The filename the server chose (Content-Disposition), RFC 5987 form first; else one made from the title. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (disposition) {
    const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
    if (extended?.[1]) {
      try {
        return decodeURIComponent(extended[1].trim());
      } catch {
        // Badly encoded: fall through to the plain form.
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
    if (plain?.[1]) return plain[1].trim();
  }
  return fallback;
}

async function fetchFile(path: string): Promise<Response> {
  const send = (token: string | null) =>
    fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'same-origin' }).catch(() => {
      throw ApiError.network();
    });
  let response = await send(sessionStore.getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    if (!session) {
      sessionStore.clear('expired');
    } else {
      response = await send(session.accessToken);
    }
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: ApiError still reads well from the status.
    }
    throw ApiError.fromBody(response.status, body);
  }
  return response;
}

export const storiesApi = {
  list: (page: number, pageSize: number) => request<Page<StorySummary>>(`/api/stories?page=${page}&pageSize=${pageSize}`),
  get: (id: string) => request<Story>(story(id)),
  create: (body: CreateStoryRequest) => request<Story>('/api/stories', { method: 'POST', body }),
  update: (id: string, body: UpdateStoryRequest) => request<Story>(story(id), { method: 'PATCH', body }),
  remove: (id: string) => request<void>(story(id), { method: 'DELETE' }),
  duplicate: (id: string) => request<Story>(`${story(id)}/duplicate`, { method: 'POST', body: {} }),
  startPhase: (id: string, phase: PhaseRoute, regenerate: boolean) =>
    request<StartPhaseResponse>(`${story(id)}/${phase}`, { method: 'POST', body: { regenerate } }),
  versions: (id: string, kind: ArtifactKind) => request<StoryArtifact[]>(`${story(id)}/versions?kind=${kind}`),
  makeCurrent: (id: string, versionId: string) => request<Story>(`${story(id)}/versions/${versionId}/current`, { method: 'POST', body: {} }),
  /** Hand edits name the version and revision they were made on (`base`); a stale one is a 409 with the current text. */
  saveText: (id: string, kind: 'premise' | 'story', text: string, base: ArtifactBase) =>
    request<StoryArtifact>(`${story(id)}/${kind}`, { method: 'PUT', body: { text, base } }),
  saveOutline: (id: string, outline: Outline, base: ArtifactBase) => request<StoryArtifact>(`${story(id)}/outline`, { method: 'PUT', body: { ...outline, base } }),
  /** The newest picture and narration of each chapter of the current story text. */
  chapterMedia: (id: string) => request<ChapterMedia[]>(`${story(id)}/media`),
  /** Draws a chapter or reads it aloud: 202 while it is made, 200 with the one made for this text (unless `again`). */
  startChapterMedia: (id: string, chapterIndex: number, kind: ChapterMediaKind, again = false) =>
    request<ChapterMedia>(`${story(id)}/chapters/${chapterIndex}/${kind}`, { method: 'POST', body: { again } }),
  writeWhole: (id: string) => request<StoryJob>(`${story(id)}/write`, { method: 'POST', body: {} }),
  cancelJob: (id: string, jobId: string) => request<StoryJob>(`${story(id)}/jobs/${jobId}/cancel`, { method: 'POST', body: {} }),
  /** The story as a file, fetched with the bearer token (a plain link could not send it). */
  exportFile: async (id: string, format: ExportFormat, title: string): Promise<ExportedFile> => {
    const response = await fetchFile(`${story(id)}/export?format=${format}`);
    const fallback = `${title.replace(/[^\w\- ]+/g, '').trim() || 'story'}.${EXPORT_FILE_TYPES[format].extension}`;
    return { blob: await response.blob(), filename: filenameFrom(response.headers.get('Content-Disposition'), fallback) };
  },
  cacheStats: () => request<StoryCacheStats>('/api/admin/story-cache'),
  clearCache: () => request<void>('/api/admin/story-cache', { method: 'DELETE' }),
};

/** Hands a fetched file to the browser's download, under the server's filename. */
export function saveFile({ blob, filename }: ExportedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
