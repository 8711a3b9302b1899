import { hasOpening, type GameMessage } from './game.schemas';

type Line = Pick<GameMessage, 'role' | 'turn' | 'status' | 'content'>;
const opening = (status: GameMessage['status'], content: string): Line => ({ role: 'narrator', turn: 0, status, content });

describe('whether a game has its opening', () => {
  it.each<[string, Line[], boolean]>([
    ['a written opening', [opening('completed', 'It begins.')], true],
    ['an opening stopped with some text', [opening('stopped', 'It beg')], true],
    ['an opening still being written', [opening('streaming', '')], false],
    ['a failed opening', [opening('failed', '')], false],
    ['an opening stopped before a word', [opening('stopped', '   ')], false],
    ['no opening at all', [{ role: 'player', turn: 1, status: null, content: 'I look.' }], false],
  ])('%s', (_name, messages, expected) => {
    expect(hasOpening(messages)).toBe(expected);
  });
});
