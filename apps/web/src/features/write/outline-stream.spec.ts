import { chaptersSoFar } from './outline-stream';

describe('an outline read while it streams', () => {
  it('lists the chapters that have begun, the last one as far as it came', () => {
    const reply = '{"chapters":[{"title":"The Letter","summary":"Ada finds a \\"coded\\" note."},{"title":"Fog on the Pi';
    expect(chaptersSoFar(reply)).toEqual([
      { title: 'The Letter', summary: 'Ada finds a "coded" note.' },
      { title: 'Fog on the Pi', summary: '' },
    ]);
  });

  it('drops a half-written escape at the end', () => {
    expect(chaptersSoFar('{"chapters":[{"title":"A\\')).toEqual([{ title: 'A', summary: '' }]);
  });

  it('reads nothing from a reply that is not outline JSON', () => {
    expect(chaptersSoFar('The wind pressed against the tower.')).toEqual([]);
  });
});
