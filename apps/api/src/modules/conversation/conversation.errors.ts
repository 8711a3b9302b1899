import type { DocumentVersion, FieldIssue } from '@storyos/contracts';
import { AppError } from '../../core/errors/app-error';

/** Every refusal of the chat, in the words users read. */
export const ChatErrors = {
  /** Missing and someone else's private chat look the same. */
  chatNotFound: (): AppError => AppError.notFound('The chat'),
  readOnly: (): AppError => AppError.forbidden('This chat belongs to someone else: you can read it, but not write in it.'),
  busy: (): AppError => new AppError('CONFLICT', 'A reply is still being written in this chat. Wait for it to finish or stop it first.'),
  nothingToStop: (): AppError => new AppError('CONFLICT', 'Nothing is being written in this chat right now.'),
  unknownModel: (model: string): AppError =>
    new AppError('VALIDATION_FAILED', `The model “${model}” is not offered here. Choose one from the model list.`, [{ path: 'selectedChatModel', message: 'Must be one of GET /api/models' }] satisfies FieldIssue[]),
  messageTaken: (): AppError => new AppError('CONFLICT', 'That message id is already used by another message. Send it with a new id.'),
  notUserMessage: (): AppError => new AppError('BAD_REQUEST', 'Only your own messages can be edited; a reply is regenerated instead.'),
  pictureNotFound: (): AppError =>
    new AppError('VALIDATION_FAILED', 'An attached picture was not found among your uploads. Upload it again.', [{ path: 'message.parts', message: 'Unknown picture' }] satisfies FieldIssue[]),
  cursorNotFound: (field: string): AppError =>
    new AppError('VALIDATION_FAILED', 'The chat to page from is not in your history.', [{ path: field, message: 'Unknown chat' }] satisfies FieldIssue[]),
  documentNotFound: (): AppError => AppError.notFound('The document'),
  documentReadOnly: (): AppError => AppError.forbidden('This document belongs to someone else: you can read it, but not change it.'),
  documentChangedMeanwhile: (current: DocumentVersion): AppError =>
    new AppError('CONFLICT', 'A newer version of this document was saved after you opened it. Choose which text to keep.', { current }),
  suggestionNotFound: (): AppError => AppError.notFound('The suggestion'),
  suggestionResolved: (): AppError => new AppError('CONFLICT', 'This suggestion has already been accepted or rejected.'),
  suggestionOutdated: (): AppError => new AppError('CONFLICT', 'The sentence this suggestion changes is no longer in the document, so it cannot be applied.'),
  messageNotFound: (): AppError => AppError.notFound('The message'),
  votesOnlyOnReplies: (): AppError => new AppError('BAD_REQUEST', 'Only the assistant’s replies can be voted on.'),
};
