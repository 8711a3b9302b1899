import { ApiError } from '../../lib/api-error';
import { Autosaver, type Draft, type DraftStore, localDraftStore, openingOf, type SaveState } from './autosave';

function memoryDrafts(): DraftStore<string> & { stored: Draft<string> | null } {
  const store = {
    stored: null as Draft<string> | null,
    read: () => store.stored,
    write: (draft: Draft<string>) => {
      store.stored = draft;
    },
    clear: () => {
      store.stored = null;
    },
  };
  return store;
}

const V1 = { id: 'v1', revision: 1 };
const V1_2 = { id: 'v1', revision: 2 };
const V1_3 = { id: 'v1', revision: 3 };

function setup(save: jest.Mock, validate?: (value: string) => string | null) {
  const drafts = memoryDrafts();
  const states: SaveState[] = [];
  const conflicts: string[] = [];
  const saver = new Autosaver<string>({
    save,
    validate,
    drafts,
    base: V1,
    onState: (state) => states.push(state),
    onConflict: (mine) => conflicts.push(mine),
    delayMs: 800,
    retryDelaysMs: [2_000, 5_000],
  });
  return { saver, drafts, states, conflicts, last: () => states.at(-1) };
}

/** Lets the promise callbacks of a settled save run under fake timers. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('autosave', () => {
  it('saves once, with the latest text, 800 ms after typing stops', async () => {
    const save = jest.fn().mockResolvedValue(V1_2);
    const { saver, last } = setup(save);
    saver.change('O');
    jest.advanceTimersByTime(500);
    saver.change('On');
    jest.advanceTimersByTime(500);
    saver.change('Once');
    expect(last()?.status).toBe('saving');
    jest.advanceTimersByTime(799);
    expect(save).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await settle();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Once', V1);
    expect(last()).toEqual({ status: 'saved', message: null });
  });

  it('keeps every change as a draft at once and drops it when the save succeeds', async () => {
    const save = jest.fn().mockResolvedValue(V1_2);
    const { saver, drafts } = setup(save);
    saver.change('A draft');
    expect(drafts.stored).toMatchObject({ value: 'A draft', base: V1 });
    jest.advanceTimersByTime(800);
    await settle();
    expect(drafts.stored).toBeNull();
  });

  it('keeps the draft and retries with growing waits when the network fails', async () => {
    const save = jest.fn().mockRejectedValueOnce(ApiError.network()).mockRejectedValueOnce(ApiError.network()).mockResolvedValue(V1_2);
    const { saver, drafts, last } = setup(save);
    saver.change('Precious words');
    jest.advanceTimersByTime(800);
    await settle();
    expect(last()?.status).toBe('retrying');
    expect(drafts.stored?.value).toBe('Precious words');

    jest.advanceTimersByTime(1_999);
    expect(save).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(save).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(save).toHaveBeenCalledTimes(3);
    expect(last()?.status).toBe('saved');
    expect(drafts.stored).toBeNull();
  });

  it('does not retry a change the server refuses, and says why', async () => {
    const refusal = new ApiError('CONFLICT', 'The whole story is being written right now.', 409);
    const save = jest.fn().mockRejectedValue(refusal);
    const { saver, drafts, last } = setup(save);
    saver.change('Edit during a job');
    jest.advanceTimersByTime(800);
    await settle();
    expect(last()).toEqual({ status: 'failed', message: 'The whole story is being written right now.' });
    jest.advanceTimersByTime(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(drafts.stored?.value).toBe('Edit during a job');
  });

  it('does not send a value that cannot be saved, and keeps it as a draft', () => {
    const save = jest.fn().mockResolvedValue(V1_2);
    const { saver, drafts, last } = setup(save, (value) => (value.trim() ? null : 'the text is empty'));
    saver.change('   ');
    jest.advanceTimersByTime(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(last()).toEqual({ status: 'invalid', message: 'the text is empty' });
    expect(drafts.stored?.value).toBe('   ');
  });

  it('saves at once on flush (Ctrl+S) without waiting for the pause', async () => {
    const save = jest.fn().mockResolvedValue(V1_2);
    const { saver } = setup(save);
    saver.change('Save me now');
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith('Save me now', V1);
    jest.advanceTimersByTime(800);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves a change typed while a save was in flight right after it', async () => {
    let finish: () => void = () => undefined;
    const save = jest.fn().mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(V1_2)))).mockResolvedValue(V1_3);
    const { saver, drafts, last } = setup(save);
    saver.change('first');
    jest.advanceTimersByTime(800);
    saver.change('first and second');
    finish();
    await settle();
    expect(drafts.stored?.value).toBe('first and second');
    expect(last()?.status).toBe('saving');
    jest.advanceTimersByTime(800);
    await settle();
    // Based on what the first save made, not on the revision the editor opened with.
    expect(save).toHaveBeenLastCalledWith('first and second', V1_2);
    expect(last()?.status).toBe('saved');
    expect(drafts.stored).toBeNull();
  });
});

describe('a save the server refuses because the text changed meanwhile', () => {
  const conflict = (text: string) => new ApiError('CONFLICT', 'The story text was changed elsewhere.', 409, { current: { id: 'v2', revision: 1, text } });

  it('stops saving, keeps the draft and hands both texts to the user instead of retrying', async () => {
    const save = jest.fn().mockRejectedValue(conflict('The whole story, three chapters long.'));
    const { saver, drafts, conflicts, last } = setup(save);
    saver.change('Chapter one and a few words more');
    jest.advanceTimersByTime(800);
    await settle();
    expect(last()).toEqual({ status: 'conflict', message: null });
    expect(conflicts).toEqual(['Chapter one and a few words more']);
    saver.change('Chapter one and even more words');
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(save).toHaveBeenCalledTimes(1);
    expect(drafts.stored?.value).toBe('Chapter one and even more words');
    await expect(saver.flush()).resolves.toBe(false);
  });

  it('saves "keep mine" on top of the version the server has now', async () => {
    const save = jest.fn().mockRejectedValueOnce(conflict('Theirs')).mockResolvedValue({ id: 'v2', revision: 2 });
    const { saver, drafts, last } = setup(save);
    saver.change('Mine');
    jest.advanceTimersByTime(800);
    await settle();
    saver.overrideWith('Mine', { id: 'v2', revision: 1 });
    jest.advanceTimersByTime(800);
    await settle();
    expect(save).toHaveBeenLastCalledWith('Mine', { id: 'v2', revision: 1 });
    expect(last()?.status).toBe('saved');
    expect(drafts.stored).toBeNull();
  });

  it('treats a 409 without the current text (a job is running) as a plain refusal', async () => {
    const save = jest.fn().mockRejectedValue(new ApiError('CONFLICT', 'The whole story is being written right now.', 409));
    const { saver, conflicts, last } = setup(save);
    saver.change('Edit');
    jest.advanceTimersByTime(800);
    await settle();
    expect(last()?.status).toBe('failed');
    expect(conflicts).toEqual([]);
  });
});

describe('opening an editor with a draft left in the browser', () => {
  const same = (a: string, b: string) => a === b;
  const server = { value: 'Server text', base: { id: 'v2', revision: 3 } };

  it('opens on the server text when there is no draft, or the draft says the same', () => {
    expect(openingOf(null, server, same)).toEqual({ value: 'Server text', restored: false, conflict: null });
    expect(openingOf({ value: 'Server text', base: null, editedAt: 1 }, server, same)).toMatchObject({ restored: false, conflict: null });
  });

  it('restores a draft made on the very revision the server has', () => {
    expect(openingOf({ value: 'Typed on top', base: { id: 'v2', revision: 3 }, editedAt: 1 }, server, same)).toEqual({ value: 'Typed on top', restored: true, conflict: null });
  });

  it('asks the user when the text changed since the draft was made (a job added chapters, a regeneration), and drops nothing', () => {
    for (const base of [{ id: 'v2', revision: 2 }, { id: 'v1', revision: 9 }, null]) {
      expect(openingOf({ value: 'Chapter one plus words', base, editedAt: 1 }, server, same)).toEqual({
        value: 'Chapter one plus words',
        restored: false,
        conflict: { mine: 'Chapter one plus words', theirs: server },
      });
    }
  });

  it('keeps drafts in localStorage under their key, and reads an old draft without a base as made on nothing', () => {
    const store = localDraftStore<string>('storyos.write.draft:test:premise');
    store.write({ value: 'kept', base: V1, editedAt: 1 });
    expect(localDraftStore<string>('storyos.write.draft:test:premise').read()).toEqual({ value: 'kept', base: V1, editedAt: 1 });
    window.localStorage.setItem('storyos.write.draft:test:premise', JSON.stringify({ value: 'old', baseId: 'v1', editedAt: 5 }));
    expect(store.read()).toEqual({ value: 'old', base: null, editedAt: 5 });
    store.clear();
    expect(store.read()).toBeNull();
  });
});
