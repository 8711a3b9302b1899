import type { StoryBible } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';

/** The bible's text as prompts use it; the version is the editor's business. */
export type StoryBibleText = Pick<StoryBible, 'characters' | 'setting' | 'styleNotes'>;

export const EMPTY_BIBLE: StoryBibleText = { characters: '', setting: '', styleNotes: '' };

/** True when no section of the bible has anything in it. */
export const isEmptyBible = (bible: StoryBibleText | null | undefined): boolean => !bible || !(bible.characters.trim() || bible.setting.trim() || bible.styleNotes.trim());

/**
 * When a prompt must shrink, the bible goes after the story so far and the
 * outline (STORY_DROP_TIERS 0–2): it is what the writer wrote down to be
 * kept. Its parts go together, style notes last of all.
 */
export const BIBLE_DROP_TIER = 3;

/** The bible as prompt parts (none for an empty bible), counted against the context budget like the rest. */
export function storyBibleParts(bible: StoryBibleText | null | undefined): PromptPart[] {
  if (!bible) return [];
  const sections = [
    { label: 'Characters (keep them as described)', text: bible.characters, order: 1 },
    { label: 'Setting (keep it consistent)', text: bible.setting, order: 0 },
    { label: 'Style notes (follow them)', text: bible.styleNotes, order: 2 },
  ].filter((section) => section.text.trim());
  if (sections.length === 0) return [];
  // The heading goes with the section that goes last.
  const last = Math.max(...sections.map((section) => section.order));
  return [
    { role: 'user', text: 'Story bible — what the writer wants remembered:', optional: { tier: BIBLE_DROP_TIER, order: last } },
    ...sections.map((section) => ({
      role: 'user' as const,
      text: `${section.label}:\n${section.text.trim()}`,
      joinWith: '\n' as const,
      optional: { tier: BIBLE_DROP_TIER, order: section.order },
    })),
  ];
}

/** A Writer prompt with the bible right after the setup (the first user part), where the model reads it as part of the brief. */
export function withStoryBible(parts: PromptPart[], bible: StoryBibleText | null | undefined): PromptPart[] {
  const extra = storyBibleParts(bible);
  if (extra.length === 0) return parts;
  const at = parts.findIndex((part) => part.role === 'user');
  if (at < 0) return [...parts, ...extra];
  // The setup part may carry more than the setup (the premise task): the bible goes before it, after the system message.
  return [...parts.slice(0, at), ...extra, ...parts.slice(at)];
}
