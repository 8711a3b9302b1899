import { formatBytes } from '@storyos/domain';
import { AppError } from '../../core/errors/app-error';

/** Every refusal the media module gives, in the words users read. */
export const MediaErrors = {
  notFound: (): AppError => AppError.notFound('The picture or recording'),
  unreadableUpload: (message: string, rule: string): AppError => new AppError('BAD_REQUEST', message, { rule }),
  noFile: (noun = 'picture'): AppError => new AppError('VALIDATION_FAILED', `Choose a ${noun} to upload.`, [{ path: 'file', message: 'Required' }]),
  tooLarge: (maxBytes: number, noun = 'picture'): AppError => new AppError('PAYLOAD_TOO_LARGE', `The ${noun} is too large: the limit is ${formatBytes(maxBytes)}.`),
  emptyRecording: (): AppError => new AppError('BAD_REQUEST', 'The recording is empty. Record something, then send it again.', { rule: 'empty' }),
  notARecording: (detected: string | null): AppError =>
    new AppError('BAD_REQUEST', `This file is ${detected ? `a ${detected} file, ` : ''}not a recording: send WebM, Ogg, WAV, MP3 or M4A audio.`, { rule: 'not-a-recording' }),
  noTranscription: (): AppError =>
    new AppError('CONFLICT', 'This server has no speech-to-text service configured. Use your browser’s own speech recognition, or type instead.'),
  allowanceExceeded: (allowanceBytes: number, usedBytes: number, incomingBytes: number): AppError =>
    new AppError(
      'STORAGE_ALLOWANCE_EXCEEDED',
      `This upload needs ${formatBytes(incomingBytes)}, but only ${formatBytes(Math.max(0, allowanceBytes - usedBytes))} of your ${formatBytes(allowanceBytes)} storage allowance is left. Delete some pictures to make room.`,
      { allowanceBytes, usedBytes, incomingBytes },
    ),
  rangeNotSatisfiable: (size: number): AppError =>
    new AppError('RANGE_NOT_SATISFIABLE', `The requested range is outside the file, which is ${size} bytes long.`, { size }, { 'Content-Range': `bytes */${size}` }),
  missingBytes: (): AppError => new AppError('NOT_FOUND', 'The file is no longer in storage.'),
};
