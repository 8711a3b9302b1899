import type { IllustratedStatus } from '@storyos/contracts';

/**
 * A scene's status from its text, picture and narration: FAILED when any
 * failed, COMPLETED when all are done, PENDING while none has started, else
 * PROCESSING.
 */
export function sceneStatus(assets: readonly IllustratedStatus[]): IllustratedStatus {
  if (assets.includes('FAILED')) return 'FAILED';
  if (assets.every((status) => status === 'COMPLETED')) return 'COMPLETED';
  if (assets.every((status) => status === 'PENDING')) return 'PENDING';
  return 'PROCESSING';
}

/** 0–100: the share of all scenes' texts, pictures and narrations made. Never goes back: nothing made is unmade. */
export function storyProgress(assets: readonly IllustratedStatus[]): number {
  if (!assets.length) return 0;
  return Math.floor((100 * assets.filter((status) => status === 'COMPLETED').length) / assets.length);
}
