import type { Story } from '@storyos/contracts';
import { wordCount } from '@storyos/domain';

const chapters = (count: number) => (count === 1 ? '1 chapter' : `${count} chapters`);
const byWhom = (source: string | undefined) => (source === 'edited' ? ' (with your edits)' : '');

/**
 * What "write the whole story" will really do with this story, sentence by
 * sentence, as the job does it: a premise and an outline that exist are kept
 * as they are (edited or not) and only a missing one is written; every
 * chapter of the outline is then written from the first into a new version
 * of the story text, and the current text stays in the versions.
 */
export function wholeStoryPlan(story: Pick<Story, 'premise' | 'outline' | 'story'>): string[] {
  const premise = story.premise?.text?.trim() ? story.premise : null;
  const outlineChapters = story.outline?.outline?.chapters.length ?? 0;
  const lines: string[] = [];
  lines.push(premise ? `Your premise${byWhom(premise.source)} is kept as it is.` : 'A premise is written from your setup first.');
  lines.push(
    outlineChapters > 0
      ? `Your outline${byWhom(story.outline?.source)} is kept as it is: its ${chapters(outlineChapters)} are written one after another, from the first.`
      : `An outline is written${premise ? ' from your premise' : ''}, then each of its chapters, one after another.`,
  );
  const words = wordCount(story.story?.text ?? '');
  lines.push(
    words > 0
      ? `The chapters go into a new version of the story text; your current text (${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}) is not changed and stays in the Writing step’s versions.`
      : 'You can read each chapter on the Writing step while it is written.',
  );
  return lines;
}
