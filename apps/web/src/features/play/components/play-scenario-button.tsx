import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded';
import Button from '@mui/material/Button';
import type { Scenario } from '@storyos/contracts';
import type { useStartGame } from '../hooks/use-start-game';

interface PlayScenarioButtonProps {
  scenario: Scenario;
  game: ReturnType<typeof useStartGame>;
  /** Off for another reason than a game already starting. */
  disabled?: boolean;
}

/** Starts a game from the scenario; every Play button waits while one game starts. */
export function PlayScenarioButton({ scenario, game, disabled = false }: PlayScenarioButtonProps) {
  return (
    <Button
      variant="contained"
      size="small"
      startIcon={<PlayArrowRounded />}
      onClick={() => game.start(scenario.id)}
      disabled={game.startingId !== undefined || disabled}
      aria-label={`Play ${scenario.name}`}
    >
      {game.startingId === scenario.id ? 'Starting…' : 'Play'}
    </Button>
  );
}
