import { Inject } from '@nestjs/common';

/** The deployment's ImageProvider: openai-compatible when IMAGE_BASE_URL is set, else the builtin illustrator. */
export const IMAGE_PROVIDER = Symbol('IMAGE_PROVIDER');
/** The deployment's SpeechProvider: openai-compatible when SPEECH_BASE_URL is set, else builtin espeak-ng. */
export const SPEECH_PROVIDER = Symbol('SPEECH_PROVIDER');
/** The deployment's TranscriptionProvider, or null when TRANSCRIPTION_BASE_URL is not set. */
export const TRANSCRIPTION_PROVIDER = Symbol('TRANSCRIPTION_PROVIDER');

export const InjectImageProvider = (): ParameterDecorator => Inject(IMAGE_PROVIDER);
export const InjectSpeechProvider = (): ParameterDecorator => Inject(SPEECH_PROVIDER);
export const InjectTranscriptionProvider = (): ParameterDecorator => Inject(TRANSCRIPTION_PROVIDER);
