import type { Mood, SceneDescription, TimeOfDay } from '../scene/scene';
import { mix } from './color';

/** The light of the plate: sky, sun or moon, the haze far layers fade into, and how lit the near ones are. */
export interface Palette {
  skyTop: string;
  skyHorizon: string;
  sun: string;
  haze: string;
  /** 0 (night) – 1 (noon): how much near colours keep their daylight value. */
  light: number;
  /** A wash laid over everything for the mood, with its opacity. */
  tint: { color: string; opacity: number };
  ink: string;
}

const TIMES: Record<TimeOfDay, Omit<Palette, 'tint' | 'ink'>> = {
  dawn: { skyTop: '#7d9ccf', skyHorizon: '#f6c7a1', sun: '#ffd9a0', haze: '#e9c3b6', light: 0.85 },
  day: { skyTop: '#5fa8e0', skyHorizon: '#cfe8f3', sun: '#fff4c2', haze: '#c9e0ea', light: 1 },
  dusk: { skyTop: '#47406e', skyHorizon: '#f09a5e', sun: '#ffb070', haze: '#c98a86', light: 0.7 },
  night: { skyTop: '#0f1633', skyHorizon: '#2e3f6e', sun: '#f3efd6', haze: '#34426b', light: 0.42 },
};

const MOODS: Record<Mood, { color: string; opacity: number }> = {
  calm: { color: '#fff6e0', opacity: 0.06 },
  joyful: { color: '#ffcf5c', opacity: 0.1 },
  mysterious: { color: '#4b3c8c', opacity: 0.16 },
  tense: { color: '#9c2f1f', opacity: 0.15 },
  sad: { color: '#5c6f80', opacity: 0.22 },
};

export function paletteOf(scene: SceneDescription): Palette {
  const time = TIMES[scene.setting === 'space' ? 'night' : scene.timeOfDay];
  const tint = MOODS[scene.mood];
  const overcast = scene.weather === 'rain' || scene.weather === 'storm' || scene.weather === 'fog';
  // Clouds grey the sky and flatten the light.
  const grey = scene.weather === 'storm' ? 0.55 : overcast ? 0.35 : 0;
  return {
    ...time,
    skyTop: mix(time.skyTop, '#5b6470', grey),
    skyHorizon: mix(time.skyHorizon, '#9aa2a8', grey),
    haze: mix(time.haze, '#a7aeb3', grey),
    light: time.light * (1 - grey * 0.3),
    tint,
    ink: '#3b2a1e',
  };
}

/** A near colour under this light: darker and bluer at night, warmer at dusk. */
export function lit(color: string, palette: Palette): string {
  const shaded = mix(color, mix('#10142a', palette.skyHorizon, 0.25), 1 - palette.light);
  return shaded;
}

/** A colour `depth` of the way into the distance: it fades into the haze. */
export function far(color: string, palette: Palette, depth: number): string {
  return mix(lit(color, palette), palette.haze, depth);
}
