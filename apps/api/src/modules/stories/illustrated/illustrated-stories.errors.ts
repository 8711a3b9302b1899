import type { RequirementField } from '@storyos/contracts';
import { AppError } from '../../../core/errors/app-error';

const FIELD_WORDS: Record<RequirementField, string> = {
  title: 'a title',
  ageBand: 'who the story is for',
  characters: 'at least one character',
  setting: 'a setting',
  plot: 'what happens',
  style: 'a style',
  tone: 'a tone',
  sceneCount: 'the number of scenes',
  narratorVoice: 'a narrator voice',
};

/** Every refusal about illustrated stories, in the words users read. */
export const IllustratedErrors = {
  /** Missing and someone else's look the same. */
  storyNotFound: (): AppError => AppError.notFound('The story'),
  sceneNotFound: (): AppError => AppError.notFound('The scene'),
  /** Someone else's conversation is as missing as one that never was. */
  conversationNotFound: (): AppError => AppError.notFound('The conversation'),
  notReady: (missing: readonly RequirementField[]): AppError =>
    new AppError('CONFLICT', `The story still needs ${missing.map((field) => FIELD_WORDS[field]).join(', ')}. Tell the storyteller, or fill it in by hand.`, { missing }),
  nothingToRetry: (): AppError => new AppError('CONFLICT', 'Nothing in this scene has failed, so there is nothing to retry.'),
  earlierSceneFirst: (sequence: number): AppError => new AppError('CONFLICT', `Scene ${sequence} has no text yet, and this scene follows on from it. Retry scene ${sequence} first.`),
  nothingToStop: (): AppError => new AppError('CONFLICT', 'This story is not being made right now, so there is nothing to stop.'),
  busy: (): AppError => new AppError('CONFLICT', 'This story is still being made. Wait a moment and try again.'),
  noNarration: (): AppError => AppError.notFound('The narration of this scene'),
};
