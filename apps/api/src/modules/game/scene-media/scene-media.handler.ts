import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler, MediaStepPlan } from '../../generation/handlers/generation-handler';
import { GameSessionEntity } from '../sessions/game-session.entity';

/** Longest scene text an images API is sent; the builtin illustrator reads far less. */
const MAX_PICTURE_PROMPT = 3_000;

/**
 * game.illustration | game.narration: a picture of a scene, or the scene
 * read aloud, from the reply's words as they were when asked (kept in the
 * step's input, so a later edit or swipe does not change what is made).
 */
@Injectable()
export class SceneMediaHandler implements GenerationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async buildMedia(generation: GenerationEntity): Promise<MediaStepPlan> {
    const { text } = generation.input as { text?: string };
    const session = await this.dataSource.manager.findOneBy(GameSessionEntity, { id: generation.targetId });
    if (!session || !text) throw new UnrecoverableError(`Generation ${generation.id} lost its scene`);
    if (generation.kind === 'game.narration') return { type: 'narration', text };
    const place = session.state.currentLocation.trim();
    const characters = [session.playerName, ...(session.state.present ?? [])].filter((name) => name.trim().length > 0);
    return { type: 'image', request: { prompt: text.slice(0, MAX_PICTURE_PROMPT), caption: place || session.title, characters, aspect: 'landscape' } };
  }

  /** Nothing to store beyond the parts the step recorded on itself. */
  async onFinished(): Promise<void> {}
}
