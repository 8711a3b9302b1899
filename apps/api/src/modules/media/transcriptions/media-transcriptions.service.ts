import { Injectable } from '@nestjs/common';
import type { TranscriptionAccepted } from '@storyos/contracts';
import type { TranscriptionProvider } from '@storyos/domain';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { MediaErrors } from '../media.errors';
import { MediaService } from '../media.service';
import { InjectTranscriptionProvider } from '../providers/media-provider.tokens';
import { recordingFileName, recordingTypeOf } from './recording-type';

/**
 * A user's recorded voice, to be turned into text: checked by its bytes,
 * stored within their allowance, then transcribed as a step of the pipeline
 * (one unit of the daily quota), followed like any generation.
 */
@Injectable()
export class MediaTranscriptionsService {
  constructor(
    private readonly media: MediaService,
    private readonly generations: GenerationsService,
    @InjectTranscriptionProvider() private readonly provider: TranscriptionProvider | null,
  ) {}

  async transcribe(user: AuthUser, file: Express.Multer.File | undefined): Promise<TranscriptionAccepted> {
    if (!this.provider) throw MediaErrors.noTranscription();
    if (!file) throw MediaErrors.noFile('recording');
    if (file.size === 0) throw MediaErrors.emptyRecording();
    const { type, detected } = recordingTypeOf(file.buffer);
    if (!type) throw MediaErrors.notARecording(detected);
    const recording = await this.media.store(user, { bytes: file.buffer, meta: { kind: 'recording', contentType: type, fileName: recordingFileName(type) } }, { enforceAllowance: true });
    try {
      const { generation } = await this.generations.start(user, { kind: 'media.transcription', target: { type: 'recording', id: recording.id }, input: { recordingId: recording.id } });
      return { generationId: generation.id, recordingId: recording.id };
    } catch (error) {
      // Refused (the daily quota) or not queued: a recording nobody will transcribe must not stay.
      await this.media.delete(user, recording.id);
      throw error;
    }
  }
}

