import type { Story, StoryArtifact, StorySetup } from '@storyos/contracts';
import { storyPhaseReadiness } from '@storyos/domain';
import { defaultStep, stepReadiness } from './phases';
import { DEFAULT_SETUP } from './setup-fields';

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

/** A story saved from the wizard's defaults with the two required texts filled in. */
const { title: _title, ...defaults } = DEFAULT_SETUP;
const setup: StorySetup = { ...defaults, setting: 'A clock tower in a snowbound town', characters: 'Ada, a clockmaker' };
const premise = artifact('premise', { text: 'A clockmaker races time.' });
const outline = artifact('outline', { outline: { chapters: [{ title: 'The clock', summary: 'It stops.' }] } });
const story = artifact('story', { text: '## The clock\n\nIt was late.' });

type Inputs = Pick<Story, 'setup' | 'premise' | 'outline' | 'story'>;
const saved = (parts: Partial<Inputs>): Inputs => ({ setup, premise: null, outline: null, story: null, ...parts });
const open = (inputs: Inputs | null) => Object.fromEntries(Object.entries(stepReadiness(inputs)).map(([step, check]) => [step, check.ready]));

describe('which wizard steps a writer can open', () => {
  it('offers only the setup before the story is saved', () => {
    expect(open(null)).toEqual({ setup: true, premise: false, outline: false, writing: false, export: false });
  });

  it('opens the premise once the setup is saved', () => {
    expect(open(saved({}))).toEqual({ setup: true, premise: true, outline: false, writing: false, export: false });
  });

  it('opens the outline once there is a premise, and writing once there is an outline', () => {
    expect(open(saved({ premise }))).toMatchObject({ outline: true, writing: false });
    expect(open(saved({ premise, outline }))).toMatchObject({ outline: true, writing: true, export: false });
  });

  it('opens export only when there is story text', () => {
    expect(open(saved({ premise, outline, story }))).toMatchObject({ export: true });
    expect(open(saved({ premise, outline, story: artifact('story', { text: '   ' }) }))).toMatchObject({ export: false });
  });

  it('does not count an empty premise or an outline without chapters', () => {
    expect(open(saved({ premise: artifact('premise', { text: '' }) }))).toMatchObject({ outline: false });
    expect(open(saved({ premise, outline: artifact('outline', { outline: { chapters: [] } }) }))).toMatchObject({ writing: false });
  });

  it('says why a step is closed in the words the API refuses the phase with', () => {
    const steps = stepReadiness(saved({}));
    const api = storyPhaseReadiness({ setup, premise: null, outline: null, storyText: null });
    expect(steps.outline).toEqual(api.outline);
    expect(steps.writing).toEqual(api.start);
    expect(steps.export).toEqual(api.export);
    expect(steps.outline).toMatchObject({ ready: false, blocker: 'missing-premise' });
  });

  it('opens a story at its furthest step with content', () => {
    expect(defaultStep(null)).toBe('setup');
    expect(defaultStep(saved({}))).toBe('premise');
    expect(defaultStep(saved({ premise }))).toBe('premise');
    expect(defaultStep(saved({ premise, outline }))).toBe('outline');
    expect(defaultStep(saved({ premise, outline, story }))).toBe('writing');
  });
});
