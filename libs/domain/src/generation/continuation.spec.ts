import { joinContinuation } from './continuation';

describe('joining a cut-off text with its continuation', () => {
  it.each([
    ['adds the space a continuation left out', 'The door', 'opened slowly.', 'The door opened slowly.'],
    ['keeps one space when both sides have one', 'The door ', ' opened.', 'The door opened.'],
    ['attaches closing punctuation', 'The door opened', '. Then silence.', 'The door opened. Then silence.'],
    ['keeps a new paragraph a new paragraph', 'The door opened.', '\n\nLater, rain.', 'The door opened.\n\nLater, rain.'],
    ['keeps a line break', 'She said:\n', 'Run.', 'She said:\nRun.'],
    ['uses the continuation alone when nothing came before', '', '  Once upon a time', 'Once upon a time'],
    ['keeps the text when the continuation is empty', 'The end.', '   ', 'The end.'],
  ])('%s', (_name, before, after, joined) => {
    expect(joinContinuation(before, after)).toBe(joined);
  });
});
