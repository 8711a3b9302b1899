import type { CreateScenarioRequest, Scenario, UpdateScenarioRequest } from '@storyos/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ScenarioListParams, scenariosApi } from './api';

export const scenarioKeys = {
  all: ['scenarios'] as const,
  lists: () => [...scenarioKeys.all, 'list'] as const,
  list: (params: ScenarioListParams) => [...scenarioKeys.lists(), params] as const,
  details: () => [...scenarioKeys.all, 'detail'] as const,
  detail: (id: string) => [...scenarioKeys.details(), id] as const,
};

export const scenarioQueries = {
  // The previous page stays on screen while the next one loads, so paging does not flash empty.
  list: (params: ScenarioListParams) =>
    queryOptions({ queryKey: scenarioKeys.list(params), queryFn: () => scenariosApi.list(params), placeholderData: keepPreviousData }),
  detail: (id: string) => queryOptions({ queryKey: scenarioKeys.detail(id), queryFn: () => scenariosApi.get(id) }),
};

function useScenarioSaved() {
  const queryClient = useQueryClient();
  return async (scenario: Scenario) => {
    queryClient.setQueryData(scenarioKeys.detail(scenario.id), scenario);
    await queryClient.invalidateQueries({ queryKey: scenarioKeys.lists() });
  };
}

export function useCreateScenarioMutation() {
  const saved = useScenarioSaved();
  return useMutation({ mutationFn: (body: CreateScenarioRequest) => scenariosApi.create(body), onSuccess: saved });
}

export function useUpdateScenarioMutation(id: string) {
  const saved = useScenarioSaved();
  return useMutation({ mutationFn: (body: UpdateScenarioRequest) => scenariosApi.update(id, body), onSuccess: saved });
}

export function usePublishScenarioMutation() {
  const saved = useScenarioSaved();
  return useMutation({ mutationFn: (id: string) => scenariosApi.publish(id), onSuccess: saved });
}

export function useArchiveScenarioMutation() {
  const saved = useScenarioSaved();
  return useMutation({ mutationFn: (id: string) => scenariosApi.archive(id), onSuccess: saved });
}
