import type { IllustratedStory, IllustratedStoryStatus } from '@storyos/contracts';
import { eventually } from './eventually';
import type { HttpClient } from './http';

/** Polls the seed's status route until the story is COMPLETED or FAILED, and returns its details. */
export async function waitForIllustrated(http: HttpClient, token: string, storyId: string, tries = 600): Promise<IllustratedStory> {
  await eventually(
    async () => {
      const status = (await http.get<IllustratedStoryStatus>(`/api/illustrated-stories/${storyId}/status`, { token })).body;
      expect(['COMPLETED', 'FAILED']).toContain(status.status);
      // Ended: nothing is still being made.
      for (const scene of status.scenes) for (const part of [scene.text, scene.image, scene.narration]) expect(['COMPLETED', 'FAILED', 'PENDING']).toContain(part);
    },
    { tries, intervalMs: 100 },
  );
  return (await http.get<IllustratedStory>(`/api/illustrated-stories/${storyId}`, { token })).body;
}

/** Short, simple sentences a 4-to-6-year-old can follow: they pass the age-band check. */
export const gentleScene = (n: number, word = 'pond'): string => `Scene ${n}. Pip the little dragon sat by the ${word}. He felt shy. The sun was warm and kind.`;
