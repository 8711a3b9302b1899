import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { splitChapters, storyByline, type StoryExportInput } from '@storyos/domain';

/** A Word document: the title, the byline, the premise, then each chapter under a Heading 2. */
export async function storyToDocx(input: StoryExportInput): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: oneLine(input.title), heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: storyByline(input.setup), italics: true })] }),
  ];
  for (const paragraph of paragraphs(input.premise ?? '')) children.push(new Paragraph({ children: [new TextRun({ text: paragraph, italics: true })] }));
  for (const chapter of splitChapters(input.text)) {
    if (chapter.title) children.push(new Paragraph({ text: oneLine(chapter.title), heading: HeadingLevel.HEADING_2 }));
    for (const paragraph of paragraphs(chapter.body)) children.push(new Paragraph({ children: runs(paragraph) }));
  }
  const document = new Document({ title: oneLine(input.title), creator: 'StoryOS', sections: [{ children }] });
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
