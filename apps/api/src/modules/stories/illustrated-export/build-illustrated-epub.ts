import { strToU8, zipSync, type Zippable } from 'fflate';
import { CONTAINER_XML, navDocument, overlayDocument, scenePage, stylesheet, titlePage } from './epub-documents';
import type { IllustratedEpubInput } from './epub-input';
import { layOutScenes } from './epub-layout';
import { packageDocument } from './epub-package';

export const EPUB_CONTENT_TYPE = 'application/epub+zip';

/** Deflating JPEG, PNG or MP3 gains nothing and costs time: they are stored. */
const STORED = { level: 0 } as const;
const DEFLATED = { level: 9 } as const;

/**
 * An EPUB 3 of an illustrated story: a title page, one page per scene with
 * its picture and text, and, for each narrated scene, a media overlay that
 * reads it aloud sentence by sentence while the e-reader highlights it.
 * `mimetype` is the first entry, stored, as the OCF container requires.
 */
export function buildIllustratedEpub(input: IllustratedEpubInput): Buffer {
  const scenes = layOutScenes(input);
  const mtime = input.modified;
  // Insertion order is zip order: mimetype first.
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
    'META-INF/container.xml': [strToU8(CONTAINER_XML), { ...DEFLATED, mtime }],
    'OEBPS/package.opf': [strToU8(packageDocument(input, scenes)), { ...DEFLATED, mtime }],
    'OEBPS/nav.xhtml': [strToU8(navDocument(input, scenes)), { ...DEFLATED, mtime }],
    'OEBPS/style.css': [strToU8(stylesheet(scenes.some((scene) => scene.overlay))), { ...DEFLATED, mtime }],
    'OEBPS/text/title.xhtml': [strToU8(titlePage(input)), { ...DEFLATED, mtime }],
  };
  scenes.forEach((scene, index) => {
    const source = input.scenes[index]!;
    files[`OEBPS/${scene.pageHref}`] = [strToU8(scenePage(input, scene, source.picture?.alt ?? null)), { ...DEFLATED, mtime }];
    if (scene.picture && source.picture) files[`OEBPS/${scene.picture.href}`] = [new Uint8Array(source.picture.bytes), { ...STORED, mtime }];
    if (scene.overlay && source.narration) {
      files[`OEBPS/${scene.overlay.href}`] = [strToU8(overlayDocument(scene)), { ...DEFLATED, mtime }];
      scene.overlay.clips.forEach((clip, p) => {
        files[`OEBPS/${clip.audioHref}`] = [new Uint8Array(source.narration![p]!.audio), { ...STORED, mtime }];
      });
    }
  });
  return Buffer.from(zipSync(files));
}
