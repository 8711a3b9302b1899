import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JOB_NAMES, QUEUE_NAMES, stepTypeOf, type GenerationJob, type GenerationKind, type GenerationStepType } from '@storyos/contracts';
import type { Queue } from 'bullmq';

/**
 * Which queue runs a generation, by its step type: text streams from the
 * text provider; pictures and narration go to the media queue; recordings
 * to the transcription queue (each has its own processor in the worker).
 */
@Injectable()
export class StepQueues {
  private readonly byType: Record<GenerationStepType, { queue: Queue<GenerationJob>; jobName: string }>;

  constructor(
    @InjectQueue(QUEUE_NAMES.generation) text: Queue<GenerationJob>,
    @InjectQueue(QUEUE_NAMES.media) media: Queue<GenerationJob>,
    @InjectQueue(QUEUE_NAMES.transcription) transcription: Queue<GenerationJob>,
  ) {
    this.byType = {
      text: { queue: text, jobName: JOB_NAMES.runGeneration },
      image: { queue: media, jobName: JOB_NAMES.runMediaStep },
      narration: { queue: media, jobName: JOB_NAMES.runMediaStep },
      transcription: { queue: transcription, jobName: JOB_NAMES.runTranscriptionStep },
    };
  }

  forKind(kind: GenerationKind): { queue: Queue<GenerationJob>; jobName: string } {
    return this.byType[stepTypeOf(kind)];
  }
}
