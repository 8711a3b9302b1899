import { PREVIEW_CHARS, versionPreview, versionText } from './version-preview';

const opening = 'In a fog-bound seaside town in 1920, Ada Finch, a young telegraph operator, is the first to notice a coded telegram. ';

describe('version previews', () => {
  it('show a short text whole', () => {
    expect(versionPreview({ text: 'A short premise.', outline: null }, null)).toBe('A short premise.');
  });

  it('start where a version parts from the one before it, so alike versions read differently', () => {
    const first = versionPreview({ text: `${opening}Inspector Rook wants answers too.`, outline: null }, { text: `${opening}Only Rook understands.`, outline: null });
    expect(first.startsWith('…')).toBe(true);
    expect(first).toContain('Inspector Rook wants answers too.');
  });

  it('show far more than a line of a long text, cut at a word', () => {
    const long = 'word '.repeat(400);
    const preview = versionPreview({ text: long, outline: null }, null);
    expect(preview.length).toBeGreaterThan(300);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_CHARS + 2);
    expect(preview.endsWith('word…')).toBe(true);
  });

  it('read an outline as its numbered chapters', () => {
    expect(versionText({ text: null, outline: { chapters: [{ title: 'One', summary: 'It begins.' }] } })).toBe('1. One — It begins.');
  });
});
