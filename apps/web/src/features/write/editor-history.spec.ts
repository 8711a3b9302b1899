import { canRedo, canUndo, createHistory, historyCommand, recordChange, redo, undo } from './editor-history';

describe('the editor history', () => {
  it('undoes and redoes changes made apart in time, one step each', () => {
    let history = createHistory('');
    history = recordChange(history, 'Once', { now: 1_000 });
    history = recordChange(history, 'Once upon', { now: 5_000 });
    history = recordChange(history, 'Once upon a time', { now: 9_000 });

    history = undo(history);
    expect(history.present).toBe('Once upon');
    history = undo(history);
    expect(history.present).toBe('Once');
    history = redo(history);
    expect(history.present).toBe('Once upon');
    history = redo(history);
    expect(history.present).toBe('Once upon a time');
    expect(canRedo(history)).toBe(false);
  });

  it('folds a burst of typing into one step', () => {
    let history = createHistory('The');
    for (const [index, text] of ['The s', 'The se', 'The sea'].entries()) history = recordChange(history, text, { now: 1_000 + index * 100 });
    expect(history.past).toEqual(['The']);
    history = undo(history);
    expect(history.present).toBe('The');
    expect(canUndo(history)).toBe(false);
  });

  it('starts a new step after an undo even when typing quickly', () => {
    let history = createHistory('a');
    history = recordChange(history, 'ab', { now: 1_000 });
    history = recordChange(history, 'abc', { now: 5_000 });
    history = undo(history);
    history = recordChange(history, 'abX', { now: 5_100 });
    expect(history.past).toEqual(['a', 'ab']);
    expect(undo(history).present).toBe('ab');
  });

  it('drops the redo branch when a new change is made', () => {
    let history = createHistory('one');
    history = recordChange(history, 'two', { now: 1_000 });
    history = undo(history);
    history = recordChange(history, 'three', { now: 9_000 });
    expect(canRedo(history)).toBe(false);
    expect(redo(history).present).toBe('three');
  });

  it('keeps a paste as its own step inside a typing burst', () => {
    let history = createHistory('');
    history = recordChange(history, 'Hello', { now: 1_000 });
    history = recordChange(history, 'Hello world', { now: 1_200, newStep: true });
    expect(undo(history).present).toBe('Hello');
  });

  it('ignores a change that is no change, and undo/redo with nothing to do', () => {
    const history = recordChange(createHistory('same'), 'same', { now: 1 });
    expect(history.past).toHaveLength(0);
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
  });

  it('keeps at most `limit` steps', () => {
    let history = createHistory(0);
    for (let value = 1; value <= 10; value += 1) history = recordChange(history, value, { now: value * 10_000, limit: 3 });
    expect(history.past).toEqual([7, 8, 9]);
  });

  it('works for any value, e.g. outline chapters compared by content', () => {
    const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    let history = createHistory([{ title: 'A' }]);
    history = recordChange(history, [{ title: 'A' }], { now: 1 }, sameJson);
    expect(canUndo(history)).toBe(false);
    history = recordChange(history, [{ title: 'A' }, { title: 'B' }], { now: 2 }, sameJson);
    expect(undo(history).present).toEqual([{ title: 'A' }]);
  });

  it.each([
    [{ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, 'undo'],
    [{ key: 'z', ctrlKey: false, metaKey: true, shiftKey: false, altKey: false }, 'undo'],
    [{ key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }, 'redo'],
    [{ key: 'y', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, 'redo'],
    [{ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, null],
    [{ key: 's', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, null],
  ])('reads the keys %p as %p', (event, command) => {
    expect(historyCommand(event)).toBe(command);
  });
});

describe('a history opened after a generation', () => {
  it('has the replaced text one undo away', () => {
    const history = createHistory('generated', 'mine');
    expect(undo(history).present).toBe('mine');
    expect(redo(undo(history)).present).toBe('generated');
  });

  it('has nothing to undo when nothing was replaced', () => {
    expect(createHistory('same', 'same').past).toEqual([]);
    expect(createHistory('text', null).past).toEqual([]);
  });
});
