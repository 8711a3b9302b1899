import { RECENT_STORIES_KEPT, type ShelfEntry, shelfIndex } from './shelf-index';

const entry = (n: number, kept = false): ShelfEntry => ({ storyId: `story-${n}`, title: `Story ${n}`, coverUrl: null, kept, ownerId: 'reader', openedAt: n });

describe('the stories kept on this device', () => {
  beforeEach(() => localStorage.clear());

  it('lists the most recently opened first', () => {
    shelfIndex.put(entry(1));
    shelfIndex.put(entry(3));
    shelfIndex.put(entry(2));
    expect(shelfIndex.entries().map((e) => e.storyId)).toEqual(['story-3', 'story-2', 'story-1']);
  });

  it('makes room by dropping the oldest opened stories, never the ones kept offline', () => {
    shelfIndex.put(entry(0, true));
    for (let n = 1; n <= RECENT_STORIES_KEPT + 2; n++) shelfIndex.put(entry(n));
    expect(shelfIndex.overflow().map((e) => e.storyId)).toEqual(['story-2', 'story-1']);
  });

  it('tells listeners when the shelf changes, so the switch and the library follow', () => {
    const heard = jest.fn();
    const stop = shelfIndex.subscribe(heard);
    shelfIndex.put(entry(1));
    shelfIndex.remove(['story-1']);
    stop();
    expect(heard).toHaveBeenCalledTimes(2);
    expect(shelfIndex.get('story-1')).toBeNull();
  });
});
