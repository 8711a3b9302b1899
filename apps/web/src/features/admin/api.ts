import {
  type CreateSystemPromptVersionRequest,
  type Liveness,
  type PingAccepted,
  type QueueDashboardAccess,
  type Readiness,
  ReadinessSchema,
  type SystemPrompt,
  type SystemPromptKind,
} from '@storyos/contracts';
import { ApiError } from '../../lib/api-error';
import { http } from '../../lib/http';

export const systemApi = {
  liveness: () => http.get<Liveness>('/api/health'),
  // Not ready is still an answer worth showing: the API reports which dependency is down with a 503.
  readiness: async (): Promise<Readiness> => {
    const body = await http.get<unknown>('/api/health/ready', { acceptStatuses: [503] });
    const report = ReadinessSchema.safeParse(body);
    if (report.success) return report.data;
    throw ApiError.fromBody(503, body);
  },
  ping: (nonce: string) => http.post<PingAccepted>('/api/system/ping', { nonce }),
  /** Sets the cookie that opens the queue dashboard in this browser; the answer says where it is. */
  queueDashboardAccess: () => http.post<QueueDashboardAccess>('/api/admin/queue-dashboard/access'),
};

export const systemPromptsApi = {
  list: () => http.get<SystemPrompt[]>('/api/admin/system-prompts'),
  createVersion: (kind: SystemPromptKind, body: CreateSystemPromptVersionRequest) =>
    http.post<SystemPrompt>(`/api/admin/system-prompts/${kind}/versions`, body),
  activate: (kind: SystemPromptKind, version: number) =>
    http.post<SystemPrompt>(`/api/admin/system-prompts/${kind}/versions/${version}/activate`),
};
