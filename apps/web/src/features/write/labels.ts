import type { StoryJob, StorySummary } from '@storyos/contracts';

export const SUMMARY_PHASE_LABELS: Record<StorySummary['phase'], string> = {
  setup: 'Setup',
  premise: 'Premise',
  outline: 'Outline',
  writing: 'Writing',
};

export const SOURCE_LABELS = { generated: 'Generated', edited: 'Edited by hand', cache: 'From the cache' } as const;

export function words(count: number): string {
  return count === 1 ? '1 word' : `${count.toLocaleString('en-US')} words`;
}

/** "premise" → "Writing the premise", "chapter 2 of 5" → "Writing chapter 2 of 5". */
export function jobStageLabel(stage: string): string {
  const trimmed = stage.trim();
  if (!trimmed) return 'Getting ready';
  if (/^premise$/i.test(trimmed)) return 'Writing the premise';
  if (/^outline$/i.test(trimmed)) return 'Making the outline';
  if (/^chapter\b/i.test(trimmed)) return `Writing ${trimmed.toLowerCase()}`;
  if (/^finishing$/i.test(trimmed)) return 'Finishing';
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

export const JOB_STATUS_LABELS: Record<StoryJob['status'], string> = {
  queued: 'Waiting for a writer',
  running: 'Writing',
  completed: 'The whole story is written',
  cancelled: 'Cancelled',
  failed: 'The whole story could not be written',
};
