import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { numberedChapters, storyByline, type StoryExportInput } from '@storyos/domain';

/** A chapter's picture for Word: the bytes themselves (Word embeds them) and their size. */
export interface DocxPicture {
  bytes: Buffer;
  type: 'png' | 'jpg';
  width: number;
  height: number;
  caption: string;
}

/** Pictures are set this wide at most, in pixels at 96 dpi (the text width of an A4 or Letter page). */
const PICTURE_WIDTH = 600;

/** A Word document: the title, the byline, the premise, then each chapter under a Heading 2 with its picture. */
/** `author` signs the document (its creator); the app's name when there is none. */
export async function storyToDocx(input: StoryExportInput, pictures: ReadonlyMap<number, DocxPicture> = new Map(), author: string | null = null): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: oneLine(input.title), heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: storyByline(input.setup), italics: true })] }),
  ];
  for (const paragraph of paragraphs(input.premise ?? '')) children.push(new Paragraph({ children: [new TextRun({ text: paragraph, italics: true })] }));
  for (const { chapter, index } of numberedChapters(input)) {
    if (chapter.title) children.push(new Paragraph({ text: oneLine(chapter.title), heading: HeadingLevel.HEADING_2 }));
    const picture = index === null ? undefined : pictures.get(index);
    if (picture) {
      const scale = Math.min(1, PICTURE_WIDTH / picture.width);
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: picture.type,
              data: picture.bytes,
              transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
              altText: { name: picture.caption, title: picture.caption, description: picture.caption },
            }),
          ],
        }),
      );
    }
    for (const paragraph of paragraphs(chapter.body)) children.push(new Paragraph({ children: runs(paragraph) }));
  }
  const document = new Document({ title: oneLine(input.title), creator: author ?? 'StoryOS', sections: [{ children }] });
  return Packer.toBuffer(document);
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** **bold** and *italic* as Word runs; other Markdown marks are left as written. */
function runs(paragraph: string): TextRun[] {
  const parts = paragraph.split(/(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g).filter(Boolean);
  return parts.map((part) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return new TextRun({ text: part.slice(2, -2), bold: true });
    if (/^\*[^*]+\*$/.test(part)) return new TextRun({ text: part.slice(1, -1), italics: true });
    return new TextRun(part);
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
