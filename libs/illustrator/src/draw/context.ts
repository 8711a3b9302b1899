import type { SceneDescription } from '../scene/scene';
import type { Palette } from './palette';
import type { Random } from './random';

/** What every layer draws with: the scene area's size, its horizon, the light, and the scene's own random sequence. */
export interface DrawContext {
  width: number;
  height: number;
  horizon: number;
  palette: Palette;
  random: Random;
  scene: SceneDescription;
}

/** A backdrop's layers, back to front, and the ground line figures stand on. */
export interface Backdrop {
  /** Behind the ground: far hills, skylines, the sea. */
  back: string;
  /** The ground figures stand on. */
  ground: string;
  /** In front of the figures: grass, rocks, reeds. */
  front: string;
  groundY: (x: number) => number;
}
