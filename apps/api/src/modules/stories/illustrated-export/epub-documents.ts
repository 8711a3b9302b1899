import { describeAgeBand } from '@storyos/domain';
import type { IllustratedEpubInput } from './epub-input';
import type { SceneFiles } from './epub-layout';
import { clockValue, xmlText } from './xml-text';

/** The class e-readers put on the sentence being read (media:active-class), styled in the book's CSS. */
export const ACTIVE_CLASS = '-epub-media-overlay-active';

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** Big, readable type for reading aloud together; in a narrated book, the sentence being read is highlighted. */
export function stylesheet(narrated: boolean): string {
  return `body { font-family: serif; line-height: 1.6; margin: 1em; }
h1 { text-align: center; margin-top: 2em; }
p.byline, p.audience { text-align: center; font-style: italic; }
figure { margin: 0 0 1em 0; text-align: center; }
figure img { max-width: 100%; max-height: 60vh; }
p { font-size: 1.3em; }
${narrated ? `.${ACTIVE_CLASS} { background-color: #fff3a0; color: inherit; }\n` : ''}`;
}

function page(language: string, title: string, body: string): string {
  const lang = xmlText(language);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${xmlText(title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
${body}
</html>
`;
}

/** The title page: title, author and who the story is for. */
export function titlePage(input: IllustratedEpubInput): string {
  return page(
    input.language,
    input.title,
    `<body epub:type="frontmatter">
<section epub:type="titlepage">
<h1>${xmlText(input.title)}</h1>
<p class="byline">${xmlText(input.author)}</p>
<p class="audience">A story for ${xmlText(describeAgeBand(input.ageBand))}</p>
</section>
</body>`,
  );
}

/** A scene's page: its picture, then its text; each narrated piece is a span the overlay highlights. */
export function scenePage(input: IllustratedEpubInput, scene: SceneFiles, alt: string | null): string {
  const figure = scene.picture ? `<figure><img src="../${scene.picture.href}" alt="${xmlText(alt ?? '')}"/></figure>\n` : '';
  const spans = new Map(scene.overlay?.clips.map((clip, index) => [index, clip.spanId]) ?? []);
  const paragraphs = scene.paragraphs
    .map((runs) => `<p>${runs.map((run) => (run.kind === 'piece' ? `<span id="${spans.get(run.piece)}">${xmlText(run.text)}</span>` : xmlText(run.text))).join('')}</p>`)
    .join('\n');
  return page(
    input.language,
    `${input.title} — ${scene.number}`,
    `<body epub:type="bodymatter">
<section id="${scene.pageId}" epub:type="chapter" aria-label="Scene ${scene.number}">
${figure}${paragraphs}
</section>
</body>`,
  );
}

/** The navigation document: the title page and each scene, labelled by its first words. */
export function navDocument(input: IllustratedEpubInput, scenes: readonly SceneFiles[]): string {
  const items = scenes.map((scene) => `<li><a href="${scene.pageHref}">${xmlText(`${scene.number}. ${firstWords(input.scenes[scene.number - 1]!.text)}`)}</a></li>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${xmlText(input.language)}" lang="${xmlText(input.language)}">
<head>
<meta charset="UTF-8"/>
<title>${xmlText(input.title)}</title>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>${xmlText(input.title)}</h1>
<ol>
<li><a href="text/title.xhtml">${xmlText(input.title)}</a></li>
${items}
</ol>
</nav>
</body>
</html>
`;
}

/** A scene's media overlay: one `<par>` per narrated piece, its span and its whole audio file. */
export function overlayDocument(scene: SceneFiles): string {
  const overlay = scene.overlay;
  if (!overlay) throw new Error(`Scene ${scene.number} has no narration to synchronise`);
  const pars = overlay.clips
    .map(
      (clip) => `<par id="${clip.parId}">
<text src="../${scene.pageHref}#${clip.spanId}"/>
<audio src="../${clip.audioHref}" clipBegin="${clockValue(0)}" clipEnd="${clockValue(clip.durationMs)}"/>
</par>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq-${scene.pageId}" epub:textref="../${scene.pageHref}" epub:type="chapter">
${pars}
</seq>
</body>
</smil>
`;
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}
