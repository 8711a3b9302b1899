import { fireEvent, render } from '@testing-library/react';
import { EMPTY_STORY_REQUIREMENTS, type IllustratedAsset, type IllustratedScene, type IllustratedStory } from '@storyos/contracts';
import { ReaderPageView } from './reader-page-view';

const NOT_MADE: IllustratedAsset = { status: 'PENDING', generationId: null, url: null, parts: [], error: null };

const scene = (sequence: number): IllustratedScene => ({
  sceneId: `00000000-0000-4000-8000-00000000000${sequence}`,
  sequence,
  status: 'PROCESSING',
  text: `Page ${sequence} of the tale.`,
  textStatus: 'COMPLETED',
  textGenerationId: null,
  textError: null,
  imageUrl: null,
  audioUrl: null,
  image: NOT_MADE,
  narration: NOT_MADE,
});

const story: IllustratedStory = {
  storyId: '00000000-0000-4000-8000-000000000000',
  title: 'Three pages',
  status: 'PROCESSING',
  progress: 50,
  stopped: false,
  error: null,
  sceneCount: 3,
  coverUrl: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  requirements: EMPTY_STORY_REQUIREMENTS,
  conversationId: null,
  scenes: [scene(1), scene(2), scene(3)],
};

describe('ReaderPageView page turns', () => {
  it('turns two pages on two quick key presses, before the first turn is shown', () => {
    const asked: number[] = [];
    render(<ReaderPageView story={story} page={3} onPage={(page) => asked.push(page)} store={false} />);
    // The parent has not re-rendered with the new page between the presses.
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(asked).toEqual([2, 1]);
  });

  it('does not turn past the last page', () => {
    const asked: number[] = [];
    render(<ReaderPageView story={story} page={2} onPage={(page) => asked.push(page)} store={false} />);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(asked).toEqual([3]);
  });
});
