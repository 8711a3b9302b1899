import { ApiError } from '../../lib/api-error';
import { Autosaver, type Draft, type DraftStore, localDraftStore, type SaveState, shouldRestoreDraft } from './autosave';

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

function setup(save: (value: string) => Promise<void>, validate?: (value: string) => string | null) {
  const drafts = memoryDrafts();
  const states: SaveState[] = [];
  const saver = new Autosaver<string>({
    save,
    validate,
    drafts,
    baseId: 'v1',
    onState: (state) => states.push(state),
    delayMs: 800,
    retryDelaysMs: [2_000, 5_000],
  });
  return { saver, drafts, states, last: () => states.at(-1) };
}

/** Lets the promise callbacks of a settled save run under fake timers. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('autosave', () => {
  it('saves once, with the latest text, 800 ms after typing stops', async () => {
    const save = jest.fn().mockResolvedValue(undefined);
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
    expect(save).toHaveBeenCalledWith('Once');
    expect(last()).toEqual({ status: 'saved', message: null });
  });

  it('keeps every change as a draft at once and drops it when the save succeeds', async () => {
    const save = jest.fn().mockResolvedValue(undefined);
    const { saver, drafts } = setup(save);
    saver.change('A draft');
    expect(drafts.stored).toMatchObject({ value: 'A draft', baseId: 'v1' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(drafts.stored).toBeNull();
  });

  it('keeps the draft and retries with growing waits when the network fails', async () => {
    const save = jest.fn().mockRejectedValueOnce(ApiError.network()).mockRejectedValueOnce(ApiError.network()).mockResolvedValue(undefined);
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
    const save = jest.fn().mockResolvedValue(undefined);
    const { saver, drafts, last } = setup(save, (value) => (value.trim() ? null : 'the text is empty'));
    saver.change('   ');
    jest.advanceTimersByTime(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(last()).toEqual({ status: 'invalid', message: 'the text is empty' });
    expect(drafts.stored?.value).toBe('   ');
  });

  it('saves at once on flush (Ctrl+S) without waiting for the pause', async () => {
    const save = jest.fn().mockResolvedValue(undefined);
    const { saver } = setup(save);
    saver.change('Save me now');
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith('Save me now');
    jest.advanceTimersByTime(800);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves a change typed while a save was in flight right after it', async () => {
    let finish: () => void = () => undefined;
    const save = jest.fn().mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve))).mockResolvedValue(undefined);
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
    expect(save).toHaveBeenLastCalledWith('first and second');
    expect(last()?.status).toBe('saved');
    expect(drafts.stored).toBeNull();
  });
});

describe('restoring a draft on opening', () => {
  const current = { id: 'v2', createdAt: '2025-01-01T10:00:00.000Z' };

  it('restores a draft made on the current version', () => {
    expect(shouldRestoreDraft({ value: 'x', baseId: 'v2', editedAt: 0 }, current)).toBe(true);
  });

  it('restores a draft made after the current version was', () => {
    expect(shouldRestoreDraft({ value: 'x', baseId: 'v1', editedAt: Date.parse('2025-01-01T10:05:00.000Z') }, current)).toBe(true);
  });

  it('drops a draft that a newer version (a regeneration, say) has replaced', () => {
    expect(shouldRestoreDraft({ value: 'x', baseId: 'v1', editedAt: Date.parse('2025-01-01T09:00:00.000Z') }, current)).toBe(false);
  });

  it('keeps drafts in localStorage under their key', () => {
    const store = localDraftStore<string>('storyos.write.draft:test:premise');
    store.write({ value: 'kept', baseId: null, editedAt: 1 });
    expect(localDraftStore<string>('storyos.write.draft:test:premise').read()?.value).toBe('kept');
    store.clear();
    expect(store.read()).toBeNull();
  });
});
