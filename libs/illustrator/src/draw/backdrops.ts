import type { Setting } from '../scene/scene';
import { cave, city, desert, sea, space, swamp } from './backdrops-far';
import { castle, forest, meadow, mountains, snow, village } from './backdrops-land';
import type { Backdrop, DrawContext } from './context';

/** Each setting's backdrop painter; exhaustive, so a new setting cannot go undrawn. */
export const BACKDROPS: Record<Setting, (context: DrawContext) => Backdrop> = { forest, meadow, village, mountains, castle, snow, city, sea, desert, space, cave, swamp };
