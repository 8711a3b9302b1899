import { MAX_OUTLINE_CHAPTERS, OutlineSchema, type Outline, type OutlineChapter } from '@storyos/contracts';

const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;

/**
 * Reads an outline from a model's reply: JSON (bare, in a ``` fence, or
 * wrapped in prose), else a numbered or markdown list of chapters
 * ("1. Title — summary", "## Chapter 1: Title" followed by its summary).
 * Throws an Error saying what was expected when nothing usable is found.
 */
export function parseOutlineReply(text: string): Outline {
  const chapters = fromJson(text) ?? fromList(text);
  if (!chapters || chapters.length === 0) {
    throw new Error('Could not read an outline from the reply: expected JSON like {"chapters":[{"title":"…","summary":"…"}]} or a numbered list of chapters ("1. Title — summary").');
  }
  const result = OutlineSchema.safeParse({ chapters: chapters.slice(0, MAX_OUTLINE_CHAPTERS) });
  if (!result.success) throw new Error(`The outline in the reply is not usable: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

function fromJson(text: string): OutlineChapter[] | null {
  const candidates: string[] = [];
  for (const fence of text.matchAll(/```[\w-]*\s*\n?([\s\S]*?)```/g)) candidates.push(fence[1]!);
  const object = between(text, '{', '}');
  if (object) candidates.push(object);
  const array = between(text, '[', ']');
  if (array) candidates.push(array);
  for (const candidate of candidates) {
    let value: unknown;
    try {
      value = JSON.parse(candidate.trim());
    } catch {
      continue;
    }
    const chapters = chaptersOf(value);
    if (chapters && chapters.length > 0) return chapters;
  }
  return null;
}

function between(text: string, open: string, close: string): string | null {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start >= 0 && end > start ? text.slice(start, end + 1) : null;
}

function chaptersOf(value: unknown): OutlineChapter[] | null {
  let list: unknown = value;
  if (isRecord(value)) list = value['chapters'] ?? value['outline'] ?? value['Chapters'];
  if (isRecord(list) && Array.isArray(list['chapters'])) list = list['chapters'];
  if (!Array.isArray(list)) return null;
  const chapters: OutlineChapter[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      const parsed = listItem(item);
      if (parsed) chapters.push(parsed);
      continue;
    }
    if (!isRecord(item)) continue;
    const title = firstString(item, ['title', 'name', 'chapter_title', 'chapterTitle', 'heading']);
    const summary = firstString(item, ['summary', 'description', 'synopsis', 'content', 'events']);
    const chapter = make(title ?? '', summary ?? '');
    if (chapter) chapters.push(chapter);
  }
  return chapters;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(record: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

const HEADING = /^\s*(?:#{1,6}\s*|\*\*\s*)?(?:chapter|part)\s+(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[:.–—-]?\s*(.*?)\s*(?:\*\*)?\s*$|^\s*#{1,6}\s+(.+?)\s*$/i;
const NUMBERED = /^\s*(?:\d+[.)]|[-*•])\s+(.+)$/;

/** "## Chapter 1: Title" headings with summaries under them, or "1. Title — summary" items. */
function fromList(text: string): OutlineChapter[] | null {
  const chapters: OutlineChapter[] = [];
  let pending: { title: string; summary: string[] } | null = null;
  const close = () => {
    if (pending) {
      const chapter = make(pending.title, pending.summary.join(' '));
      if (chapter) chapters.push(chapter);
    }
    pending = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      const rest = stripMarkup(heading[1] ?? heading[2] ?? '');
      const split = splitTitle(rest);
      pending = { title: split.title, summary: split.summary ? [split.summary] : [] };
      continue;
    }
    const item = NUMBERED.exec(line);
    if (item && (!pending || /^\d/.test(line))) {
      // A heading with nothing under it before a numbered list is the list's caption ("# Outline").
      if (pending && (pending as { summary: string[] }).summary.length === 0) pending = null;
      close();
      const parsed = splitTitle(stripMarkup(item[1]!));
      pending = { title: parsed.title, summary: parsed.summary ? [parsed.summary] : [] };
      continue;
    }
    if (pending) pending.summary.push(stripMarkup(line.replace(/^(?:summary|synopsis)\s*:\s*/i, '')));
  }
  close();
  return chapters.length > 0 ? chapters : null;
}

function listItem(text: string): OutlineChapter | null {
  const { title, summary } = splitTitle(stripMarkup(text.replace(/^\s*(?:chapter\s+\d+\s*[:.–—-]\s*)/i, '')));
  return make(title, summary);
}

/** "Title — summary", "Title: summary", "**Title** summary". */
function splitTitle(text: string): { title: string; summary: string } {
  const bold = /^\*\*(.+?)\*\*\s*[:.–—-]?\s*(.*)$/.exec(text);
  if (bold) return { title: bold[1]!.trim(), summary: bold[2]!.trim() };
  const cut = /^(.{1,120}?)\s*(?:\s[–—-]\s|:\s)\s*(.+)$/.exec(text);
  if (cut) return { title: cut[1]!.trim(), summary: cut[2]!.trim() };
  return { title: text.trim(), summary: '' };
}

function stripMarkup(text: string): string {
  return text.replace(/^[#>\s]+/, '').replace(/^["“](.*)["”]$/, '$1').trim();
}

function make(title: string, summary: string): OutlineChapter | null {
  const cleanTitle = title.replace(/\*\*/g, '').replace(/^["“]|["”]$/g, '').replace(/[.:]+$/, '').trim();
  const cleanSummary = summary.replace(/\*\*/g, '').trim();
  if (!cleanTitle && !cleanSummary) return null;
  return {
    title: clip(cleanTitle || firstWords(cleanSummary), TITLE_MAX),
    summary: clip(cleanSummary || cleanTitle, SUMMARY_MAX),
  };
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 6).join(' ').replace(/[.,;:!?]+$/, '');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
