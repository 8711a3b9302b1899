import { describeAgeBand } from '@storyos/domain';
import { ACTIVE_CLASS } from './epub-documents';
import type { IllustratedEpubInput } from './epub-input';
import type { SceneFiles } from './epub-layout';
import { clockValue, xmlText } from './xml-text';

/**
 * The package document: metadata (with each overlay's duration and their
 * total, and what the book offers for accessibility), every file in the
 * manifest, the pages in reading order.
 */
export function packageDocument(input: IllustratedEpubInput, scenes: readonly SceneFiles[]): string {
  const overlays = scenes.flatMap((scene) => (scene.overlay ? [scene.overlay] : []));
  const total = overlays.reduce((sum, overlay) => sum + overlay.durationMs, 0);
  const pictures = scenes.some((scene) => scene.picture);
  const meta = [
    `<dc:identifier id="book-id">${xmlText(bookIdentifier(input.identifier))}</dc:identifier>`,
    `<dc:title>${xmlText(input.title)}</dc:title>`,
    `<dc:language>${xmlText(input.language)}</dc:language>`,
    `<dc:creator>${xmlText(input.author)}</dc:creator>`,
    `<dc:description>${xmlText(`An illustrated story for ${describeAgeBand(input.ageBand)}.`)}</dc:description>`,
    `<meta property="dcterms:modified">${input.modified.toISOString().replace(/\.\d{3}Z$/, 'Z')}</meta>`,
    `<meta property="schema:typicalAgeRange">${xmlText(typicalAgeRange(input.ageBand))}</meta>`,
    '<meta property="schema:accessMode">textual</meta>',
    ...(pictures ? ['<meta property="schema:accessMode">visual</meta>', '<meta property="schema:accessibilityFeature">alternativeText</meta>'] : []),
    ...(overlays.length > 0 ? ['<meta property="schema:accessMode">auditory</meta>', '<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>'] : []),
    '<meta property="schema:accessModeSufficient">textual</meta>',
    '<meta property="schema:accessibilityHazard">none</meta>',
    `<meta property="schema:accessibilitySummary">${xmlText(`Each scene has its text${pictures ? ', a picture described in words' : ''}${overlays.length > 0 ? ', and a narration synchronised with the text' : ''}.`)}</meta>`,
    ...overlays.map((overlay) => `<meta property="media:duration" refines="#${overlay.id}">${clockValue(overlay.durationMs)}</meta>`),
    ...(overlays.length > 0 ? [`<meta property="media:duration">${clockValue(total)}</meta>`, `<meta property="media:active-class">${ACTIVE_CLASS}</meta>`] : []),
  ];
  const cover = scenes.find((scene) => scene.picture)?.picture?.id;
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    '<item id="title" href="text/title.xhtml" media-type="application/xhtml+xml"/>',
    ...scenes.flatMap((scene) => [
      `<item id="${scene.pageId}" href="${scene.pageHref}" media-type="application/xhtml+xml"${scene.overlay ? ` media-overlay="${scene.overlay.id}"` : ''}/>`,
      ...(scene.picture ? [`<item id="${scene.picture.id}" href="${scene.picture.href}" media-type="${scene.picture.contentType}"${scene.picture.id === cover ? ' properties="cover-image"' : ''}/>`] : []),
      ...(scene.overlay
        ? [`<item id="${scene.overlay.id}" href="${scene.overlay.href}" media-type="application/smil+xml"/>`, ...scene.overlay.clips.map((clip) => `<item id="${clip.audioId}" href="${clip.audioHref}" media-type="audio/mpeg"/>`)]
        : []),
    ]),
  ];
  const spine = ['<itemref idref="title"/>', ...scenes.map((scene) => `<itemref idref="${scene.pageId}"/>`)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${xmlText(input.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`;
}

/** A story id becomes a URN; anything else is used as it is. */
function bookIdentifier(identifier: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(identifier) ? `urn:uuid:${identifier.toLowerCase()}` : identifier;
}

/** schema.org's typicalAgeRange: "4-6", "13-17", "18-". */
function typicalAgeRange(band: IllustratedEpubInput['ageBand']): string {
  if (band === 'teen') return '13-17';
  if (band === 'adult') return '18-';
  return band;
}
