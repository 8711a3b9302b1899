import type {
  GameMessage,
  GameMessageConflictDetails,
  GameNotes,
  GameNotesConflictDetails,
  Scenario,
  ScenarioConflictDetails,
  StoryCard,
  StoryCardConflictDetails,
  SystemPrompt,
  SystemPromptConflictDetails,
} from '@storyos/contracts';
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
  messageNotFound: (): AppError => AppError.notFound('The message'),
  sceneNotWritten: (): AppError => new AppError('CONFLICT', 'This scene is not written yet. Wait for the narrator to finish, then try again.'),
  messageChangedMeanwhile: (current: GameMessage): AppError =>
    new AppError('CONFLICT', 'This part of the story changed after you started editing it. Choose which text to keep.', { current } satisfies GameMessageConflictDetails),
  nothingToEdit: (): AppError => new AppError('CONFLICT', 'This reply is still being written. Wait for it to finish or stop it first.'),
  noSuchSwipe: (count: number): AppError => new AppError('BAD_REQUEST', count === 1 ? 'The last reply has no other versions yet. Regenerate it to write one.' : `The last reply has ${count} versions: choose one from 1 to ${count}.`),
  nothingToSwipe: (): AppError => new AppError('CONFLICT', 'There is no narrator reply to choose a version of yet.'),
  notesChangedMeanwhile: (current: GameNotes): AppError =>
    new AppError('CONFLICT', "The memory or author's note was saved elsewhere after you opened it. Choose which text to keep.", { current } satisfies GameNotesConflictDetails),
  cardNotFound: (): AppError => AppError.notFound('The story card'),
  cardChangedMeanwhile: (current: StoryCard): AppError =>
    new AppError('CONFLICT', 'This story card was changed elsewhere after you opened it. Choose which version to keep.', { current } satisfies StoryCardConflictDetails),
  tooManyCards: (max: number): AppError => new AppError('CONFLICT', `A game can have at most ${max} story cards. Delete one you no longer need first.`),
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
