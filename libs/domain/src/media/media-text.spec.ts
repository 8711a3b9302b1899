import { safeFileName } from './safe-file-name';
import { sentencesOf, splitForSpeech } from './speech-sentences';
import { decideAllowance, formatBytes } from './storage-allowance';
import { NARRATOR, voiceFor } from './voice-casting';

describe('upload file names', () => {
  it('keeps only the last path segment and the real type as extension', () => {
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(safeFileName('C:\\Users\\me\\holiday photo.JPG', 'image/jpeg')).toBe('holiday photo.jpg');
    expect(safeFileName('page.html', 'image/webp')).toBe('page.webp');
  });

  it('drops control, bidi-override and reserved characters, and leading dots', () => {
    expect(safeFileName('evil\u202egnp.exe', 'image/png')).toBe('evilgnp.png');
    expect(safeFileName('..hidden\u0000name<>.png', 'image/png')).toBe('hiddenname.png');
    expect(safeFileName('a\ud800b.png', 'image/png')).toBe('ab.png');
    expect(safeFileName('🦊 fox.png', 'image/png')).toBe('🦊 fox.png');
  });

  it('names a file with no usable name "picture"', () => {
    expect(safeFileName(undefined, 'image/png')).toBe('picture.png');
    expect(safeFileName('/', 'image/png')).toBe('picture.png');
    expect(safeFileName('....', 'image/jpeg')).toBe('picture.jpg');
  });

  it('caps long names', () => {
    expect(safeFileName(`${'x'.repeat(500)}.png`, 'image/png')).toBe(`${'x'.repeat(100)}.png`);
  });
});

describe('storage allowance', () => {
  it('allows up to the allowance and says what is left when refusing', () => {
    expect(decideAllowance(1000, 400, 600)).toEqual({ allowed: true });
    expect(decideAllowance(1000, 400, 601)).toEqual({ allowed: false, remainingBytes: 600 });
    expect(decideAllowance(1000, 1200, 1)).toEqual({ allowed: false, remainingBytes: 0 });
    expect(decideAllowance(null, 10 ** 12, 10 ** 9)).toEqual({ allowed: true });
  });

  it('writes sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
});

describe('sentences for speech', () => {
  it('splits at sentence ends but not after titles, initials or e.g.', () => {
    expect(sentencesOf('Mr. Fox went out. He met Dr. Owl and J. R. Badger, e.g. friends! Did they talk? Yes.')).toEqual([
      'Mr. Fox went out.',
      'He met Dr. Owl and J. R. Badger, e.g. friends!',
      'Did they talk?',
      'Yes.',
    ]);
  });

  it('keeps dialogue with its closing quote', () => {
    expect(sentencesOf('"Run!" she cried. They ran.')).toEqual(['"Run!" she cried.', 'They ran.']);
  });

  it('packs whole sentences up to the limit and never loses a word', () => {
    const text = 'One two three. Four five six. Seven eight nine. Ten.';
    const pieces = splitForSpeech(text, 30);
    expect(pieces).toEqual(['One two three. Four five six.', 'Seven eight nine. Ten.']);
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts a sentence longer than the limit at a clause, else between words', () => {
    const long = `${'word '.repeat(30)}and then, after all that waiting, ${'more '.repeat(30)}end.`;
    const pieces = splitForSpeech(long, 80);
    expect(pieces.every((piece) => piece.length <= 80)).toBe(true);
    expect(pieces.join(' ').split(/\s+/)).toEqual(long.trim().split(/\s+/));
  });

  it('has nothing to say for blank text', () => {
    expect(splitForSpeech('  \n ')).toEqual([]);
  });
});

describe('voice casting', () => {
  const cast = { voices: ['en-us', 'en-us+f3', 'en-gb-x-rp', 'en-us+m3'], narratorVoice: 'en-us' };

  it('gives the narrator the narrator voice', () => {
    expect(voiceFor(undefined, cast)).toBe('en-us');
    expect(voiceFor(NARRATOR, cast)).toBe('en-us');
  });

  it('gives a character one of the other voices, the same one every time, whatever the case', () => {
    const fox = voiceFor('Fox', cast);
    expect(fox).not.toBe('en-us');
    expect(cast.voices).toContain(fox);
    expect(voiceFor(' fox ', cast)).toBe(fox);
  });

  it('spreads a cast of characters over several voices', () => {
    const names = ['Fox', 'Owl', 'Badger', 'Mira', 'Tom', 'the Queen', 'Grandmother', 'Pip'];
    expect(new Set(names.map((name) => voiceFor(name, cast))).size).toBeGreaterThan(1);
  });

  it('falls back to the narrator voice when the engine has only one', () => {
    expect(voiceFor('Fox', { voices: ['alloy'], narratorVoice: 'alloy' })).toBe('alloy');
  });
});
