import { unzipSync, strFromU8 } from 'fflate';
import { buildIllustratedEpub } from './build-illustrated-epub';
import type { IllustratedEpubInput } from './epub-input';

/** The validator runs as its own process and loads a WebAssembly XML engine: seconds, more on a busy machine. */
const VALIDATOR_TIMEOUT_MS = 120_000;
import { elementsNamed, epubCheck, parseXml, silentMp3, tinyPng, type XmlElement } from './epub-test-files.spec-helper';

const scene1 = 'Once upon a time, there was Pip, a shy dragon. Pip lived by a lake.\n\nPip wanted to learn to swim.';
const scene2 = 'Pip tried and tried. Wren came to help. At last, Pip could swim! The end.';

async function storyInput(overrides: Partial<IllustratedEpubInput> = {}): Promise<IllustratedEpubInput> {
  return {
    identifier: '6f1c2a4e-8d7b-4c1a-9e2f-0a1b2c3d4e5f',
    title: 'Pip Learns to Swim',
    language: 'en',
    author: 'StoryOS',
    ageBand: '4-6',
    modified: new Date('2026-12-02T10:00:00.000Z'),
    scenes: [
      {
        text: scene1,
        picture: { bytes: await tinyPng(), contentType: 'image/png', alt: 'A small green dragon looks at a blue lake.' },
        narration: [
          { text: 'Once upon a time, there was Pip, a shy dragon.', durationMs: 2_400, audio: silentMp3(2_400) },
          { text: 'Pip lived by a lake.', durationMs: 1_250, audio: silentMp3(1_250) },
          { text: 'Pip wanted to learn to swim.', durationMs: 1_700, audio: silentMp3(1_700) },
        ],
      },
      {
        text: scene2,
        picture: { bytes: await tinyPng('#3070f0'), contentType: 'image/png', alt: 'Pip swims with a duck.' },
        narration: [
          { text: 'Pip tried and tried. Wren came to help.', durationMs: 2_050, audio: silentMp3(2_050) },
          { text: 'At last, Pip could swim! The end.', durationMs: 1_999, audio: silentMp3(1_999) },
        ],
      },
    ],
    ...overrides,
  };
}

function unzip(epub: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(epub));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, /\.(xhtml|opf|smil|xml|css)$|^mimetype$/.test(name) ? strFromU8(bytes) : `<${bytes.length} bytes>`]));
}

/** "0:00:02.400" → 2400. */
function clockMs(value: string): number {
  const [h, m, s] = value.split(':');
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

interface Package {
  opf: XmlElement;
  manifest: Map<string, { href: string; mediaType: string; overlay?: string; properties?: string }>;
  durations: Map<string | null, number>;
}

function readPackage(files: Record<string, string>): Package {
  const opf = parseXml(files['OEBPS/package.opf']!);
  const manifest = new Map(elementsNamed(opf, 'item').map((item) => [item.attributes['id']!, { href: item.attributes['href']!, mediaType: item.attributes['media-type']!, overlay: item.attributes['media-overlay'], properties: item.attributes['properties'] }]));
  const durations = new Map(
    elementsNamed(opf, 'meta')
      .filter((meta) => meta.attributes['property'] === 'media:duration')
      .map((meta) => [meta.attributes['refines']?.slice(1) ?? null, clockMs(meta.text.trim())] as const),
  );
  return { opf, manifest, durations };
}

describe('the illustrated story as an EPUB 3 with media overlays', () => {
  it('opens with the mimetype entry, stored uncompressed, with no extra field (OCF)', async () => {
    const epub = buildIllustratedEpub(await storyInput());
    expect(epub.readUInt32LE(0)).toBe(0x04034b50);
    expect(epub.readUInt16LE(8)).toBe(0); // compression method: stored
    const nameLength = epub.readUInt16LE(26);
    expect(epub.readUInt16LE(28)).toBe(0); // extra field length
    expect(epub.subarray(30, 30 + nameLength).toString('ascii')).toBe('mimetype');
    expect(epub.subarray(30 + nameLength, 30 + nameLength + 20).toString('ascii')).toBe('application/epub+zip');
  });

  it('points the container at the package document, and every manifest item exists and every file is in the manifest', async () => {
    const files = unzip(buildIllustratedEpub(await storyInput()));
    const container = parseXml(files['META-INF/container.xml']!);
    expect(elementsNamed(container, 'rootfile')[0]!.attributes['full-path']).toBe('OEBPS/package.opf');
    const { manifest } = readPackage(files);
    for (const { href } of manifest.values()) expect(Object.keys(files)).toContain(`OEBPS/${href}`);
    const listed = new Set([...manifest.values()].map(({ href }) => `OEBPS/${href}`));
    const unlisted = Object.keys(files).filter((name) => name !== 'mimetype' && !name.startsWith('META-INF/') && name !== 'OEBPS/package.opf' && !listed.has(name));
    expect(unlisted).toEqual([]);
    expect([...manifest.values()].filter((item) => item.properties === 'nav')).toHaveLength(1);
    expect([...manifest.values()].find((item) => item.properties === 'cover-image')?.href).toBe('images/scene-01.png');
  });

  it('gives every spine page an overlay whose pars point at existing spans and audio files, and whose durations add up', async () => {
    const files = unzip(buildIllustratedEpub(await storyInput()));
    const { opf, manifest, durations } = readPackage(files);
    const spine = elementsNamed(opf, 'itemref').map((ref) => ref.attributes['idref']!);
    expect(spine).toEqual(['title', 'scene-01', 'scene-02']);
    let sum = 0;
    for (const id of spine.slice(1)) {
      const page = manifest.get(id)!;
      expect(page.overlay).toBeDefined();
      const overlay = manifest.get(page.overlay!)!;
      expect(overlay.mediaType).toBe('application/smil+xml');
      const smil = parseXml(files[`OEBPS/${overlay.href}`]!);
      const xhtml = parseXml(files[`OEBPS/${page.href}`]!);
      const ids = new Set(elementsNamed(xhtml, 'span').map((span) => span.attributes['id']));
      let overlayMs = 0;
      for (const par of elementsNamed(smil, 'par')) {
        const [target, fragment] = elementsNamed(par, 'text')[0]!.attributes['src']!.split('#');
        expect(`OEBPS/${target!.replace('../', '')}`).toBe(`OEBPS/${page.href}`);
        expect(ids.has(fragment)).toBe(true);
        const audio = elementsNamed(par, 'audio')[0]!;
        expect(Object.keys(files)).toContain(`OEBPS/${audio.attributes['src']!.replace('../', '')}`);
        overlayMs += clockMs(audio.attributes['clipEnd']!) - clockMs(audio.attributes['clipBegin']!);
      }
      expect(durations.get(page.overlay!)).toBe(overlayMs);
      sum += overlayMs;
    }
    expect(sum).toBe(2_400 + 1_250 + 1_700 + 2_050 + 1_999);
    expect(durations.get(null)).toBe(sum);
  });

  it('shows each scene’s picture with its words and each narrated sentence as a span, paragraphs kept', async () => {
    const files = unzip(buildIllustratedEpub(await storyInput()));
    const page = parseXml(files['OEBPS/text/scene-01.xhtml']!);
    expect(elementsNamed(page, 'img')[0]!.attributes).toMatchObject({ src: '../images/scene-01.png', alt: 'A small green dragon looks at a blue lake.' });
    const paragraphs = elementsNamed(page, 'p');
    expect(paragraphs.map((p) => p.text)).toEqual(['Once upon a time, there was Pip, a shy dragon. Pip lived by a lake.', 'Pip wanted to learn to swim.']);
    expect(paragraphs[0]!.children.map((span) => span.attributes['id'])).toEqual(['s01-01', 's01-02']);
  });

  it('joins paragraphs a narrated piece runs across, so its span stays inside one paragraph', async () => {
    const input = await storyInput();
    input.scenes[0]!.narration = [{ text: 'Once upon a time, there was Pip, a shy dragon. Pip lived by a lake. Pip wanted to learn to swim.', durationMs: 5_000, audio: silentMp3(5_000) }];
    const files = unzip(buildIllustratedEpub(input));
    const page = parseXml(files['OEBPS/text/scene-01.xhtml']!);
    expect(elementsNamed(page, 'p')).toHaveLength(1);
    expect(elementsNamed(page, 'span')[0]!.text).toBe('Once upon a time, there was Pip, a shy dragon. Pip lived by a lake. Pip wanted to learn to swim.');
  });

  it('leaves out a narration that does not read the scene’s text, and the book stays valid', async () => {
    const input = await storyInput();
    input.scenes[1]!.narration = [{ text: 'Something else entirely.', durationMs: 1_000, audio: silentMp3(1_000) }];
    const epub = buildIllustratedEpub(input);
    const files = unzip(epub);
    const { manifest, durations } = readPackage(files);
    expect(manifest.get('scene-02')!.overlay).toBeUndefined();
    expect(Object.keys(files).filter((name) => name.includes('scene-02') && name.endsWith('.mp3'))).toEqual([]);
    expect(durations.get(null)).toBe(2_400 + 1_250 + 1_700);
    const result = await epubCheck(epub);
    expect(result.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage')).toEqual([]);
    expect(result.valid).toBe(true);
  }, VALIDATOR_TIMEOUT_MS);

  it('escapes whatever the title, alt text and story say, and drops characters XML cannot hold', async () => {
    const input = await storyInput({ title: 'Pip & <Wren> say "hi" \u0007' });
    input.scenes[0]!.picture!.alt = 'A "dragon" <b>&</b>';
    input.scenes[1] = { text: 'Tom said: <script>alert("x")</script> & left.' };
    const files = unzip(buildIllustratedEpub(input));
    for (const [name, content] of Object.entries(files)) if (/\.(xhtml|opf|smil|xml)$/.test(name)) expect(() => parseXml(content)).not.toThrow();
    const { opf } = readPackage(files);
    expect(elementsNamed(opf, 'title')[0]!.text).toBe('Pip & <Wren> say "hi" ');
    expect(elementsNamed(parseXml(files['OEBPS/text/scene-02.xhtml']!), 'p')[0]!.text).toBe('Tom said: <script>alert("x")</script> & left.');
    expect(elementsNamed(parseXml(files['OEBPS/text/scene-02.xhtml']!), 'script')).toEqual([]);
  });

  it('is the same file for the same story', async () => {
    const input = await storyInput();
    expect(buildIllustratedEpub(input).equals(buildIllustratedEpub(input))).toBe(true);
  });

  it('passes EPUBCheck (the TypeScript port, no Java) without errors or warnings, with and without narration and pictures', async () => {
    const full = await storyInput();
    const plain = await storyInput({ scenes: [{ text: scene1 }, { text: scene2 }] });
    for (const input of [full, plain]) {
      const result = await epubCheck(buildIllustratedEpub(input));
      expect(result.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage')).toEqual([]);
      // Usage notes are best-practice hints; the port flags overlays and their audio as "not referenced" (they are, from the SMIL and the media-overlay attribute).
      expect(result.messages.filter((m) => m.severity === 'usage' && m.ID !== 'OPF-097')).toEqual([]);
      expect(result.valid).toBe(true);
    }
  }, VALIDATOR_TIMEOUT_MS);
});
