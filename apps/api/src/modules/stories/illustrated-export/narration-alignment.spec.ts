import { alignNarration } from './narration-alignment';

const piece = (text: string) => ({ text, durationMs: 1000, audio: Buffer.alloc(0) });

describe('lining the narration up with the scene’s text', () => {
  it('marks each piece in its paragraph, whatever the whitespace', () => {
    const runs = alignNarration('Pip is  a dragon.\nPip swims.\n\n  Wren helps. ', [piece('Pip is a dragon. Pip swims.'), piece('Wren helps.')]);
    expect(runs).toEqual([[{ kind: 'piece', text: 'Pip is a dragon. Pip swims.', piece: 0 }], [{ kind: 'piece', text: 'Wren helps.', piece: 1 }]]);
  });

  it('keeps text the narration does not read after its last piece as plain text', () => {
    expect(alignNarration('Pip is a dragon. The end.', [piece('Pip is a dragon.')])).toEqual([
      [
        { kind: 'piece', text: 'Pip is a dragon.', piece: 0 },
        { kind: 'text', text: ' The end.' },
      ],
    ]);
  });

  it('joins the paragraphs a piece runs across', () => {
    const runs = alignNarration('One.\n\nTwo.\n\nThree.', [piece('One. Two.'), piece('Three.')]);
    expect(runs).toHaveLength(2);
    expect(runs![0]).toEqual([{ kind: 'piece', text: 'One. Two.', piece: 0 }]);
  });

  it('refuses a narration that skips, reorders or changes the words', () => {
    expect(alignNarration('One. Two.', [piece('Two.')])).toBeNull();
    expect(alignNarration('One. Two.', [piece('Two.'), piece('One.')])).toBeNull();
    expect(alignNarration('One. Two.', [piece('One.'), piece('Too.')])).toBeNull();
    expect(alignNarration('One. Two.', [piece('   ')])).toBeNull();
  });
});
