import type { StorySetup } from '@storyos/contracts';
import type { StoryCharacter } from '@storyos/domain';

export type Person = 'first' | 'second' | 'third';

export function personOf(pov: StorySetup['narrativePov']): Person {
  return pov === 'First Person' ? 'first' : pov === 'Second Person' ? 'second' : 'third';
}

/**
 * The protagonist's words in the story's point of view: {I}/{i}, {me},
 * {my}, {myself}, {was}. In the third person the first mention in a
 * paragraph is the name, later ones the pronoun (or the name again when the
 * setup does not make the pronoun clear).
 */
export function heroVars(person: Person, hero: StoryCharacter, firstInParagraph: boolean): Record<string, string> {
  if (person === 'first') return { i: 'I', me: 'me', my: 'my', myself: 'myself', was: 'was' };
  if (person === 'second') return { i: 'you', me: 'you', my: 'your', myself: 'yourself', was: 'were' };
  const p = hero.pronoun;
  const useName = firstInParagraph || p === null;
  const name = hero.shortName;
  return {
    i: useName ? name : p!,
    me: useName ? name : p === 'she' ? 'her' : 'him',
    my: useName ? `${name}’s` : p === 'she' ? 'her' : 'his',
    myself: p === 'she' ? 'herself' : p === 'he' ? 'himself' : 'themselves',
    was: 'was',
  };
}

/** Third-person vars for the model's prompts: the 260K model continues names better than "I" or "you". */
export function modelVars(hero: StoryCharacter): Record<string, string> {
  return heroVars('third', { ...hero, pronoun: hero.pronoun }, true);
}
