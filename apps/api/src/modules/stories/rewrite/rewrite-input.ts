import type { RewriteMode } from '@storyos/contracts';
import { UnrecoverableError } from 'bullmq';
import type { GenerationEntity } from '../../generation/entities/generation.entity';

/**
 * What a rewrite generation is asked from, stored on it: the selected
 * passage and the text around it as they were when the user asked (the
 * version may be typed into afterwards; the alternative is for that moment).
 */
export interface RewriteInput {
  mode: RewriteMode;
  kind: 'premise' | 'story';
  artifactId: string;
  start: number;
  end: number;
  passage: string;
  before: string;
  after: string;
}

export function rewriteInputOf(generation: GenerationEntity): RewriteInput {
  const input = generation.input as Partial<RewriteInput>;
  if (typeof input.mode !== 'string' || typeof input.passage !== 'string') throw new UnrecoverableError(`Generation ${generation.id} has no rewrite in its input`);
  return {
    mode: input.mode,
    kind: input.kind === 'premise' ? 'premise' : 'story',
    artifactId: input.artifactId ?? '',
    start: input.start ?? 0,
    end: input.end ?? 0,
    passage: input.passage,
    before: input.before ?? '',
    after: input.after ?? '',
  };
}
