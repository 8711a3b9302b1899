import type { Generation, StreamEntry } from '@storyos/contracts';
import { StreamAssembler } from '@storyos/contracts';
import type { GenerationEntity } from './entities/generation.entity';
import { usageOf } from './generation-finalizer.service';

/** Maps a row to the contract; while it streams, the text so far comes from the live entries. */
export function toGenerationContract(generation: GenerationEntity, liveEntries: StreamEntry[] | null): Generation {
  let text = generation.text;
  let lastSeq = generation.lastSeq;
  let media = generation.media;
  if (liveEntries) {
    const assembler = new StreamAssembler();
    liveEntries.forEach((entry) => assembler.push(entry));
    ({ text, lastSeq, media } = assembler.state());
  }
  const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
  return {
    id: generation.id,
    kind: generation.kind,
    target: { type: generation.targetType, id: generation.targetId },
    status: generation.status,
    text,
    lastSeq,
    finishReason: generation.finishReason,
    error: generation.error,
    provider: generation.provider,
    model: generation.model,
    attempt: generation.attempt,
    usage: usageOf(generation),
    limitHit: generation.limitHit,
    media,
    createdAt: generation.createdAt.toISOString(),
    startedAt: iso(generation.startedAt),
    firstChunkAt: iso(generation.firstChunkAt),
    completedAt: iso(generation.completedAt),
  };
}
