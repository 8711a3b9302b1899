import { MAX_OUTLINE_CHAPTERS, type OutlineChapter } from '@storyos/contracts';
import { addChapter, canAddChapter, moveChapter, removeChapter, updateChapter } from './outline-ops';

const chapter = (title: string): OutlineChapter => ({ title, summary: `${title} happens.` });
const titles = (chapters: readonly OutlineChapter[]) => chapters.map((item) => item.title);
const three = [chapter('One'), chapter('Two'), chapter('Three')];

describe('editing the outline as a list', () => {
  it('adds an empty chapter at the end, or at a given place', () => {
    expect(addChapter(three)).toHaveLength(4);
    expect(addChapter(three).at(-1)).toEqual({ title: '', summary: '' });
    expect(titles(addChapter(three, 1))).toEqual(['One', '', 'Two', 'Three']);
  });

  it('does not add past the most chapters an outline can have', () => {
    const full = Array.from({ length: MAX_OUTLINE_CHAPTERS }, (_, index) => chapter(`C${index}`));
    expect(canAddChapter(full)).toBe(false);
    expect(addChapter(full)).toHaveLength(MAX_OUTLINE_CHAPTERS);
  });

  it('removes the chapter asked for and ignores an index out of range', () => {
    expect(titles(removeChapter(three, 1))).toEqual(['One', 'Three']);
    expect(titles(removeChapter(three, 7))).toEqual(['One', 'Two', 'Three']);
  });

  it('moves a chapter up or down by one place', () => {
    expect(titles(moveChapter(three, 2, -1))).toEqual(['One', 'Three', 'Two']);
    expect(titles(moveChapter(three, 0, 1))).toEqual(['Two', 'One', 'Three']);
  });

  it('leaves the order alone when a chapter is already at the top or the bottom', () => {
    expect(titles(moveChapter(three, 0, -1))).toEqual(['One', 'Two', 'Three']);
    expect(titles(moveChapter(three, 2, 1))).toEqual(['One', 'Two', 'Three']);
  });

  it('edits a title or summary without touching the others', () => {
    const edited = updateChapter(three, 1, { title: 'Second' });
    expect(edited[1]).toEqual({ title: 'Second', summary: 'Two happens.' });
    expect(edited[0]).toBe(three[0]);
  });

  it('never changes the list it was given', () => {
    const before = JSON.stringify(three);
    addChapter(three);
    removeChapter(three, 0);
    moveChapter(three, 0, 1);
    updateChapter(three, 0, { summary: 'x' });
    expect(JSON.stringify(three)).toBe(before);
  });
});
