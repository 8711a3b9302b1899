import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SaxesParser } from 'saxes';
import sharp from 'sharp';

/** A parsed XML element: enough to walk a package document, a page or an overlay in tests. */
export interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses namespace-aware, strictly: a document that is not well-formed XML throws. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.prefix ? `${a.prefix}:${a.local}` : a.local, a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    for (const open of stack) open.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error('No root element');
  return root;
}

/** Every element named `name` under `element`, depth first. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => elementsNamed(child, name))];
}

/**
 * A real MP3 of about `durationMs` of silence: MPEG-1 Layer III frames at
 * 128 kbps, 44.1 kHz (417 bytes, 26.12 ms each) with empty side information.
 */
export function silentMp3(durationMs: number): Buffer {
  const frames = Math.max(1, Math.ceil(durationMs / 26.122));
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

export async function tinyPng(colour = '#f0a040'): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 6, channels: 3, background: colour } }).png().toBuffer();
}

export interface EpubCheckMessage {
  ID: string;
  severity: 'fatal' | 'error' | 'warning' | 'info' | 'usage';
  message: string;
}

/**
 * Validates with epubcheck-ts, the TypeScript port of EPUBCheck (no Java),
 * through its command line: the library loads its XML engine by a dynamic
 * import that jest's CommonJS sandbox cannot run. The file goes to a
 * temporary folder that is removed afterwards.
 */
export async function epubCheck(epub: Buffer): Promise<{ valid: boolean; messages: EpubCheckMessage[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'storyos-epub-'));
  try {
    const file = join(folder, 'story.epub');
    await writeFile(file, epub);
    const cli = join(dirname(require.resolve('@likecoin/epubcheck-ts')), '..', 'bin', 'epubcheck.js');
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [cli, file, '--json', '-', '--quiet', '--usage'], { maxBuffer: 10_000_000 }, (error, stdout) => {
        // Exit code 1 means "not valid": the report is still on stdout.
        if (stdout.trim().startsWith('{')) resolve(stdout);
        else reject(error ?? new Error('epubcheck-ts printed no report'));
      });
    });
    const report = JSON.parse(output.slice(output.indexOf('{'))) as { messages: EpubCheckMessage[]; fatals: number; errors: number };
    return { valid: report.fatals === 0 && report.errors === 0, messages: report.messages };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
