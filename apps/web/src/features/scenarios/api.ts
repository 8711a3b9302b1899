import type { CreateScenarioRequest, Page, Scenario, UpdateScenarioRequest } from '@storyos/contracts';
import { http } from '../../lib/http';

export interface ScenarioListParams {
  q?: string;
  scope?: 'all' | 'mine';
  page: number;
  pageSize: number;
}

function listQuery({ q, scope, page, pageSize }: ScenarioListParams): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (q?.trim()) params.set('q', q.trim());
  if (scope) params.set('scope', scope);
  return params.toString();
}

export const scenariosApi = {
  list: (params: ScenarioListParams) => http.get<Page<Scenario>>(`/api/scenarios?${listQuery(params)}`),
  get: (id: string) => http.get<Scenario>(`/api/scenarios/${id}`),
  create: (body: CreateScenarioRequest) => http.post<Scenario>('/api/scenarios', body),
  update: (id: string, body: UpdateScenarioRequest) => http.patch<Scenario>(`/api/scenarios/${id}`, body),
  publish: (id: string) => http.post<Scenario>(`/api/scenarios/${id}/publish`),
  archive: (id: string) => http.post<Scenario>(`/api/scenarios/${id}/archive`),
};
