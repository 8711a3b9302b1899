import type { ArtifactKind, EditConflictDetails, StoryArtifact, StoryBible, StoryBibleConflictDetails } from '@storyos/contracts';
import { AppError } from '../../core/errors/app-error';

const KIND_NAMES: Record<ArtifactKind, string> = { premise: 'premise', outline: 'outline', story: 'story text' };

/** The errors the Writer answers with, worded once. */
export const StoryErrors = {
  /** Missing and someone else's look the same. */
  storyNotFound: (): AppError => AppError.notFound('The story'),
  versionNotFound: (): AppError => AppError.notFound('The version'),
  jobNotFound: (): AppError => AppError.notFound('The story job'),
  busy: (): AppError => new AppError('CONFLICT', 'This story is still being written. Wait for it to finish or stop it first.'),
  jobRunning: (): AppError => new AppError('CONFLICT', 'The whole story is being written right now. Wait for it to finish or cancel it first.'),
  phaseNotReady: (message: string): AppError => new AppError('CONFLICT', message),
  jobNotFinished: (status: string): AppError => new AppError('CONFLICT', `The story job has no result yet: it is ${status}.`),
  editConflict: (kind: ArtifactKind, current: StoryArtifact | null): AppError =>
    new AppError(
      'CONFLICT',
      `The ${KIND_NAMES[kind]} was changed elsewhere after you started editing. Choose which text to keep.`,
      { current } satisfies EditConflictDetails,
    ),
  bibleChangedMeanwhile: (current: StoryBible): AppError =>
    new AppError('CONFLICT', 'The story bible was saved elsewhere after you opened it. Choose which text to keep.', { current } satisfies StoryBibleConflictDetails),
  selectionOutOfRange: (length: number): AppError =>
    new AppError('BAD_REQUEST', `The selection goes past the end of the text (${length.toLocaleString('en-US')} characters). Select the text again.`),
  nothingToRewrite: (): AppError => new AppError('BAD_REQUEST', 'The selection holds only spaces. Select some words to rewrite.'),
  chapterNotFound: (index: number): AppError => AppError.notFound(`Chapter ${index + 1} of this story`),
  nothingToExport: (): AppError => new AppError('CONFLICT', 'There is no story text to export yet. Write the story start first.'),
};
