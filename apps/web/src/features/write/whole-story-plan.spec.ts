import type { Story, StoryArtifact } from '@storyos/contracts';
import { wholeStoryPlan } from './whole-story-plan';

const artifact = (fields: Partial<StoryArtifact>): StoryArtifact => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'premise',
  version: 1,
  revision: 1,
  text: null,
  outline: null,
  source: 'generated',
  generationId: null,
  cutOff: false,
  isCurrent: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const nothing: Pick<Story, 'premise' | 'outline' | 'story'> = { premise: null, outline: null, story: null };

describe('what the whole-story confirmation says', () => {
  it('says a missing premise and outline are written first', () => {
    const plan = wholeStoryPlan(nothing).join(' ');
    expect(plan).toContain('A premise is written from your setup first.');
    expect(plan).toContain('An outline is written');
  });

  it('says an edited outline is kept, with its chapter count, and the text already there stays in the versions', () => {
    const plan = wholeStoryPlan({
      premise: artifact({ text: 'Ada finds a telegram.' }),
      outline: artifact({ kind: 'outline', source: 'edited', outline: { chapters: [{ title: 'A', summary: 'a' }, { title: 'B', summary: 'b' }] } }),
      story: artifact({ kind: 'story', text: '## A\n\nOne two three.' }),
    }).join(' ');
    expect(plan).toContain('Your premise is kept as it is.');
    expect(plan).toContain('Your outline (with your edits) is kept as it is: its 2 chapters are written one after another');
    expect(plan).toContain('your current text (4 words) is not changed');
    expect(plan).not.toContain('A premise is written');
  });
});
