import { parseOutlineReply } from './parse-outline';

describe('reading an outline from a reply', () => {
  const json = '{"chapters":[{"title":"The Telegram","summary":"Ada finds it."},{"title":"The Pier","summary":"Rook waits."}]}';

  it('reads bare JSON', () => {
    expect(parseOutlineReply(json)).toEqual({ chapters: [{ title: 'The Telegram', summary: 'Ada finds it.' }, { title: 'The Pier', summary: 'Rook waits.' }] });
  });

  it('reads JSON in a fence with prose around it, and a bare array', () => {
    expect(parseOutlineReply(`Here is your outline:\n\n\`\`\`json\n${json}\n\`\`\`\nEnjoy!`).chapters).toHaveLength(2);
    expect(parseOutlineReply('[{"title":"One","summary":"First."},{"name":"Two","description":"Second."}]').chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('falls back to a numbered list', () => {
    const outline = parseOutlineReply('# Outline\n1. The Telegram — Ada finds a coded message.\n2. **The Pier**: Rook waits in the fog.\n3) The Reveal - The sender is unmasked.');
    expect(outline.chapters).toEqual([
      { title: 'The Telegram', summary: 'Ada finds a coded message.' },
      { title: 'The Pier', summary: 'Rook waits in the fog.' },
      { title: 'The Reveal', summary: 'The sender is unmasked.' },
    ]);
  });

  it('falls back to markdown chapter headings with summaries under them', () => {
    const outline = parseOutlineReply('## Chapter 1: The Telegram\nAda finds a coded message.\nShe tells no one.\n\n## Chapter 2: The Pier\nRook waits.');
    expect(outline.chapters).toEqual([
      { title: 'The Telegram', summary: 'Ada finds a coded message. She tells no one.' },
      { title: 'The Pier', summary: 'Rook waits.' },
    ]);
  });

  it('refuses a reply with no outline in it, saying what it expected', () => {
    expect(() => parseOutlineReply('Sorry, I cannot help with that.')).toThrow(/Could not read an outline.*chapters/);
    expect(() => parseOutlineReply('{"chapters": []}')).toThrow(/outline/i);
    expect(() => parseOutlineReply('')).toThrow(Error);
  });
});
