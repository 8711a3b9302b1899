import { Injectable } from '@nestjs/common';
import { MAX_RECORDING_BYTES, MAX_UPLOAD_BYTES, RecordingContentTypeSchema, UploadContentTypeSchema, type MediaCapabilities } from '@storyos/contracts';
import type { ImageProvider, SpeechProvider, TranscriptionProvider } from '@storyos/domain';
import { InjectImageProvider, InjectSpeechProvider, InjectTranscriptionProvider } from './media-provider.tokens';

/** What this deployment can do with media, for clients to show or hide. */
@Injectable()
export class MediaCapabilitiesService {
  constructor(
    @InjectImageProvider() private readonly image: ImageProvider,
    @InjectSpeechProvider() private readonly speech: SpeechProvider,
    @InjectTranscriptionProvider() private readonly transcription: TranscriptionProvider | null,
  ) {}

  current(): MediaCapabilities {
    return {
      uploads: { maxBytes: MAX_UPLOAD_BYTES, contentTypes: UploadContentTypeSchema.options },
      images: { provider: this.image.name, model: this.image.model },
      speech: { provider: this.speech.name, model: this.speech.model, voices: [...this.speech.voices] },
      transcription: { provider: this.transcription?.name ?? null, model: this.transcription?.model ?? null, maxBytes: MAX_RECORDING_BYTES, contentTypes: RecordingContentTypeSchema.options },
    };
  }
}
