import type { Scenario, ScenarioConflictDetails, SystemPrompt, SystemPromptConflictDetails } from '@storyos/contracts';
import { AppError } from '../../core/errors/app-error';

/** The errors the game answers with, worded once. */
export const GameErrors = {
  /** Missing and someone else's look the same. */
  sessionNotFound: (): AppError => AppError.notFound('The game'),
  scenarioNotFound: (): AppError => AppError.notFound('The scenario'),
  busy: (): AppError => new AppError('CONFLICT', 'The story is still being written. Wait for it to finish or stop it first.'),
  nothingToStop: (): AppError => new AppError('CONFLICT', 'Nothing is being written right now, so there is nothing to stop.'),
  nothingToRegenerate: (): AppError => new AppError('CONFLICT', 'There is no narrator reply to write again yet.'),
  nothingToUndo: (): AppError => new AppError('CONFLICT', 'There is no turn to undo yet.'),
  noOpening: (): AppError => new AppError('CONFLICT', 'The story has no opening yet: regenerate the opening before you play.'),
  nothingToContinue: (): AppError => new AppError('CONFLICT', 'The last reply was not cut off, so there is nothing to continue.'),
  scenarioArchived: (): AppError => new AppError('CONFLICT', 'This scenario has been archived and can no longer start new games.'),
  onlyAdminsPublish: (): AppError => AppError.forbidden('Only an admin can make a scenario public or archive it.'),
  scenarioChangedMeanwhile: (current: Scenario): AppError =>
    new AppError('CONFLICT', 'This scenario was changed by someone else after you opened it. Choose which version to keep.', { current } satisfies ScenarioConflictDetails),
  promptChangedMeanwhile: (current: SystemPrompt | null): AppError =>
    new AppError(
      'CONFLICT',
      current ? `A newer version (${current.version}) of this prompt was saved after you opened it. Choose which text to keep.` : 'The version you edited no longer exists. Reload the page.',
      { current } satisfies SystemPromptConflictDetails,
    ),
  notYourScenario: (): AppError => AppError.forbidden('Only an admin can edit a scenario that is not your own private one.'),
};
