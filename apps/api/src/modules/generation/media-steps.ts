import type { ChapterMedia, GenerationStatus } from '@storyos/contracts';
import { In, type EntityManager } from 'typeorm';
import { GenerationEntity } from './entities/generation.entity';

/** A stored request for a picture or a narration of some text (a game scene's, a chapter's): the generation making it. */
export interface MediaStepRow {
  kind: ChapterMedia['kind'];
  generationId: string;
  createdAt: Date;
}

/** What every picture or narration shows of its generation, wherever it was asked for. */
export type MediaStepState = Pick<ChapterMedia, 'kind' | 'generationId' | 'status' | 'parts' | 'error' | 'createdAt'>;

/** Each row with its generation's state, in the rows' order; a row whose generation is gone is left out. */
export async function withMediaSteps<R extends MediaStepRow>(manager: EntityManager, rows: readonly R[]): Promise<{ row: R; step: MediaStepState }[]> {
  if (!rows.length) return [];
  const generations = new Map((await manager.findBy(GenerationEntity, { id: In(rows.map((row) => row.generationId)) })).map((generation) => [generation.id, generation]));
  return rows.flatMap((row) => {
    const generation = generations.get(row.generationId);
    if (!generation) return [];
    const step = { kind: row.kind, generationId: generation.id, status: generation.status, parts: generation.media, error: generation.error, createdAt: row.createdAt.toISOString() };
    return [{ row, step }];
  });
}

/** Made or still being made: worth showing instead of asking again. */
export function isUsableMedia(media: { status: GenerationStatus }): boolean {
  return media.status !== 'failed' && media.status !== 'stopped';
}
