import type { MediaPart } from '@storyos/contracts';
import { NarrationQueue, type NarrationSnapshot } from './narration-queue';

/** An audio element that "plays" a source until the test ends it, as a browser's would. */
class FakeAudio extends EventTarget {
  src = '';
  played: string[] = [];
  paused = true;
  play = jest.fn(async () => {
    this.paused = false;
    this.played.push(this.src);
  });
  pause = jest.fn(() => {
    this.paused = true;
  });
  load = jest.fn();
  removeAttribute = jest.fn((name: string) => {
    if (name === 'src') this.src = '';
  });
  finish(): void {
    this.paused = true;
    this.dispatchEvent(new Event('ended'));
  }
}

const part = (index: number): MediaPart => ({ index, mediaId: `00000000-0000-4000-8000-00000000000${index}`, kind: 'narration', contentType: 'audio/mpeg', durationMs: 900, width: null, height: null, text: `Sentence ${index + 1}.` });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const audio = new FakeAudio();
  const states: NarrationSnapshot[] = [];
  const queue = new NarrationQueue(audio as unknown as HTMLAudioElement, async (piece) => `blob:${piece.index}`, (snapshot) => states.push(snapshot));
  return { audio, states, queue, last: () => states.at(-1)! };
}

describe('narration queue', () => {
  it('starts on the first piece while the rest is still being made, waits for the next, and ends after the last', async () => {
    const { audio, queue, last } = setup();
    queue.update([], false);
    queue.play();
    await flush();
    expect(last().state).toBe('waiting');

    queue.update([part(0)], false);
    await flush();
    expect(audio.played).toEqual(['blob:0']);
    expect(last()).toMatchObject({ state: 'playing', index: 0 });

    audio.finish();
    await flush();
    expect(last()).toMatchObject({ state: 'waiting', index: 1 });

    queue.update([part(0), part(1)], true);
    await flush();
    expect(audio.played).toEqual(['blob:0', 'blob:1']);
    audio.finish();
    await flush();
    expect(last()).toMatchObject({ state: 'ended', index: 2 });
  });

  it('pauses and resumes where it was, and stops back to the start', async () => {
    const { audio, queue, last } = setup();
    queue.update([part(0), part(1)], true);
    queue.play();
    await flush();
    queue.pause();
    expect(last().state).toBe('paused');
    expect(audio.pause).toHaveBeenCalled();
    queue.play();
    await flush();
    expect(last()).toMatchObject({ state: 'playing', index: 0 });
    expect(audio.play).toHaveBeenCalledTimes(2);
    queue.stop();
    expect(last()).toMatchObject({ state: 'idle', index: 0 });
  });

  it('lets only one narration speak on the page at a time', async () => {
    const first = setup();
    const second = setup();
    first.queue.update([part(0)], true);
    second.queue.update([part(0)], true);
    first.queue.play();
    await flush();
    second.queue.play();
    await flush();
    expect(first.last().state).toBe('paused');
    expect(second.last().state).toBe('playing');
  });

  it('says why when the step failed before any piece, or the browser refused to play', async () => {
    const { audio, queue, last } = setup();
    queue.fail('The speech provider is down.');
    expect(last()).toMatchObject({ state: 'error', error: 'The speech provider is down.' });

    audio.play.mockRejectedValueOnce(new DOMException('blocked', 'NotAllowedError'));
    queue.update([part(0)], true);
    queue.play();
    await flush();
    expect(last()).toMatchObject({ state: 'error', error: 'The browser blocked playback. Press Listen again.' });
  });

  it('tells its owner only of real changes, so feeding the same pieces again re-renders nothing', () => {
    const { queue, states } = setup();
    queue.update([part(0)], false);
    const count = states.length;
    queue.update([part(0)], false);
    queue.update([part(0)], false);
    expect(states.length).toBe(count);
  });
});
