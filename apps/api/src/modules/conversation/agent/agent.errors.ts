import type { ConversationRequirementsState } from '@storyos/contracts';
import { AppError } from '../../../core/errors/app-error';

/** Every refusal of the Create agent, in the words users read. */
export const AgentErrors = {
  /** Missing and someone else's look the same. */
  conversationNotFound: (): AppError => AppError.notFound('The conversation'),
  messageNotFound: (): AppError => AppError.notFound('The message'),
  busy: (): AppError => new AppError('CONFLICT', 'The storyteller is still answering. Wait for the reply, or stop it, before saying more.'),
  full: (max: number): AppError => new AppError('CONFLICT', `This conversation has reached its ${max} messages. Start a new one to go on.`),
  changedMeanwhile: (current: ConversationRequirementsState): AppError =>
    new AppError('CONFLICT', 'The requirements changed after you opened them (the storyteller or another tab updated them). Choose which to keep.', { current }),
  notAReply: (): AppError => new AppError('BAD_REQUEST', 'Only the storyteller’s replies can be read aloud.'),
  replyNotWritten: (): AppError => new AppError('CONFLICT', 'This reply has no words yet. Wait until it is written.'),
};
