import { useNavigate } from 'react-router';
import { useCreateSessionMutation } from '../queries';

/** Starts a game from a scenario and opens it; the opening is already streaming when the page appears. */
export function useStartGame() {
  const navigate = useNavigate();
  const create = useCreateSessionMutation();
  return {
    start: (scenarioId: string) => create.mutate(scenarioId, { onSuccess: ({ id }) => navigate(`/play/${id}`) }),
    startingId: create.isPending ? create.variables : undefined,
    error: create.error,
  };
}
