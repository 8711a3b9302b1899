import { cleanGeneratedTitle, documentTitleFromRequest, titleFromMessage } from './titles';

describe('chat titles', () => {
  it('takes the first line of the first message, without Markdown', () => {
    expect(titleFromMessage('\n  **Hello** there\nsecond line')).toBe('Hello there');
  });

  it('clips a long first message at a word boundary and says so', () => {
    const title = titleFromMessage('word '.repeat(40));
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });

  it('falls back to "New chat" for a message without words', () => {
    expect(titleFromMessage('   ')).toBe('New chat');
  });

  it('cleans a model-written title of labels, quotes and full stops', () => {
    expect(cleanGeneratedTitle('Title: "The Shy Dragon".\nMore text')).toBe('The Shy Dragon');
    expect(cleanGeneratedTitle('\n\n')).toBeNull();
  });
});

describe('document titles from the request', () => {
  it('uses the name the request gives', () => {
    expect(documentTitleFromRequest('Write a poem called the last lantern.')).toBe('The Last Lantern');
  });

  it('uses what the piece is about', () => {
    expect(documentTitleFromRequest('Write a story about a shy dragon who learns to swim')).toBe('A Shy Dragon who Learns to Swim');
  });

  it('names the kind of piece when nothing else is said', () => {
    expect(documentTitleFromRequest('Write me a poem!')).toBe('A Poem');
  });
});
