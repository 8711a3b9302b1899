import type { StoryArtifact } from '@storyos/contracts';
import { defaultStep, stepReadiness } from './phases';

const artifact = (kind: StoryArtifact['kind'], content: Partial<StoryArtifact>): StoryArtifact => ({
  id: '11111111-1111-4111-8111-111111111111',
  kind,
  version: 1,
  revision: 1,
  text: null,
  outline: null,
  source: 'generated',
  generationId: null,
  cutOff: false,
  isCurrent: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...content,
});

const premise = artifact('premise', { text: 'A clockmaker races time.' });
const outline = artifact('outline', { outline: { chapters: [{ title: 'The clock', summary: 'It stops.' }] } });
const story = artifact('story', { text: '# Chapter 1\n\nIt was late.' });

describe('which wizard steps a writer can open', () => {
  it('offers only the setup before the story is saved', () => {
    expect(stepReadiness(null)).toEqual({ setup: true, premise: false, outline: false, writing: false, export: false });
  });

  it('opens the premise once the setup is saved', () => {
    expect(stepReadiness({ premise: null, outline: null, story: null })).toEqual({
      setup: true,
      premise: true,
      outline: false,
      writing: false,
      export: false,
    });
  });

  it('opens the outline once there is a premise, and writing once there is an outline', () => {
    expect(stepReadiness({ premise, outline: null, story: null })).toMatchObject({ outline: true, writing: false });
    expect(stepReadiness({ premise, outline, story: null })).toMatchObject({ outline: true, writing: true, export: false });
  });

  it('opens export only when there is story text', () => {
    expect(stepReadiness({ premise, outline, story })).toMatchObject({ export: true });
    expect(stepReadiness({ premise, outline, story: artifact('story', { text: '   ' }) })).toMatchObject({ export: false });
  });

  it('does not count an empty premise or an outline without chapters', () => {
    expect(stepReadiness({ premise: artifact('premise', { text: '' }), outline: null, story: null })).toMatchObject({ outline: false });
    expect(stepReadiness({ premise, outline: artifact('outline', { outline: null }), story: null })).toMatchObject({ writing: false });
  });

  it('opens a story at its furthest step with content', () => {
    expect(defaultStep(null)).toBe('setup');
    expect(defaultStep({ premise: null, outline: null, story: null })).toBe('premise');
    expect(defaultStep({ premise, outline: null, story: null })).toBe('premise');
    expect(defaultStep({ premise, outline, story: null })).toBe('outline');
    expect(defaultStep({ premise, outline, story })).toBe('writing');
  });
});
