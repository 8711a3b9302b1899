export type ArcStage = 'setup' | 'complication' | 'deepening' | 'midpoint' | 'crisis' | 'resolution' | 'epilogue';

/**
 * Where a chapter sits in the arc: the first sets up, the last resolves, the
 * one before it is the crisis; longer outlines gain a complication, a
 * midpoint and deepening chapters. Past the end is the epilogue.
 */
export function stageOf(index: number, total: number): ArcStage {
  if (index >= total) return 'epilogue';
  if (index === total - 1) return 'resolution';
  if (index === 0) return 'setup';
  if (index === total - 2) return 'crisis';
  if (total >= 5 && index === Math.floor((total - 1) / 2) && index !== 1) return 'midpoint';
  if (index === 1) return 'complication';
  return 'deepening';
}
