import { Injectable } from '@nestjs/common';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';

/**
 * media.transcription: the transcript is the generation's own text, which
 * the pipeline stores; the recording it was made from stays as the user's
 * media (it counts against their allowance; they may delete it).
 */
@Injectable()
export class TranscriptionHandler implements GenerationHandler {
  /** Nothing to store beyond the generation's text. */
  async onFinished(_generation: GenerationEntity): Promise<void> {}
}
