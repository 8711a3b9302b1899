import { parseCharacters } from './story-characters';
import { mysterySetup } from './story-fixtures.spec-helper';
import { numberedChapters, storyToMarkdown, storyToPlainText, wordCount } from './story-export';

const story = {
  title: 'The Telegraph at Low Tide',
  setup: mysterySetup,
  premise: 'Ada finds a coded telegram.\nRook wants it.',
  outline: null,
  text: '## The Coded Telegram\n\nThe fog came in **early**.\n\n## Fog on the Pier\n\nRook waited.',
};

describe('story export', () => {
  it('writes Markdown with the title, a persona line, the premise as a blockquote and the chapters', () => {
    const md = storyToMarkdown(story);
    expect(md).toBe(
      '# The Telegraph at Low Tide\n\n*Mystery Novelist · Suspenseful · Descriptive · First Person · for Adults · rated PG*\n\n> Ada finds a coded telegram.\n> Rook wants it.\n\n## The Coded Telegram\n\nThe fog came in **early**.\n\n## Fog on the Pier\n\nRook waited.\n',
    );
  });

  it('writes plain text with underlined titles and no Markdown marks', () => {
    const text = storyToPlainText(story);
    expect(text).toContain('The Telegraph at Low Tide\n=========================');
    expect(text).toContain('The Coded Telegram\n------------------\n\nThe fog came in early.');
    expect(text).not.toMatch(/[#*>]/);
  });

  it('keeps text before the first heading and turns deeper headings into chapters', () => {
    const md = storyToMarkdown({ ...story, premise: null, text: 'A prologue.\n\n### Later\n\nMore.' });
    expect(md).toContain('A prologue.\n\n## Later\n\nMore.');
    expect(md).not.toContain('>');
  });

  it('puts a chapter\'s picture under its heading, counting chapters from the first heading', () => {
    const md = storyToMarkdown({ ...story, pictures: new Map([[1, { src: 'data:image/png;base64,AAAA', caption: 'Fog [on] the Pier' }]]) });
    expect(md).toContain('## Fog on the Pier\n\n![Fog on the Pier](data:image/png;base64,AAAA)\n\nRook waited.');
    expect(md.match(/!\[/g)).toHaveLength(1);
    expect(numberedChapters({ text: 'A prologue.\n\n## One\n\nx\n\n## Two\n\ny' }).map(({ chapter, index }) => [chapter.title, index])).toEqual([
      [null, null],
      ['One', 0],
      ['Two', 1],
    ]);
    expect(numberedChapters({ text: 'No headings at all.' }).map(({ index }) => index)).toEqual([0]);
  });

  it('counts words without heading marks', () => {
    expect(wordCount(story.text)).toBe(14);
    expect(wordCount('')).toBe(0);
    expect(wordCount("  It's   Ada's   turn — now. ")).toBe(4);
  });
});

describe('reading the setup’s characters', () => {
  it('reads "Name, description; Name2" entries', () => {
    expect(parseCharacters('Ada Finch, a young telegraph operator; Inspector Rook')).toEqual([
      { name: 'Ada Finch', shortName: 'Ada', description: 'a young telegraph operator', pronoun: 'she' },
      { name: 'Inspector Rook', shortName: 'Inspector Rook', description: '', pronoun: null },
    ]);
  });

  it('reads new-line lists, comma lists of names, and "X the Y" or "named X" entries', () => {
    expect(parseCharacters('- Bram: her rival, a clockmaker\n- Cleo (a thief)').map((c) => [c.name, c.description])).toEqual([
      ['Bram', 'her rival, a clockmaker'],
      ['Cleo', 'a thief'],
    ]);
    expect(parseCharacters('Ada, Bram, Cleo').map((c) => c.name)).toEqual(['Ada', 'Bram', 'Cleo']);
    expect(parseCharacters('Mara the lighthouse keeper').map((c) => [c.name, c.description])).toEqual([['Mara', 'the lighthouse keeper']]);
    expect(parseCharacters('a brave knight named Tom').map((c) => [c.name, c.pronoun])).toEqual([['Tom', 'he']]);
  });
});
