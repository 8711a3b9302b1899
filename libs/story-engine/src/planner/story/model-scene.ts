import type { StorySetup } from '@storyos/contracts';
import type { StoryCharacter } from '@storyos/domain';

/** TinyStories-style sentences per Writer tone: the model's own plain register, past tense. */
const SCENES: Record<StorySetup['tone'], string> = {
  Suspenseful: 'It was dark and quiet. Something was wrong.',
  Whimsical: 'It was a bright and funny day. Everything was full of magic.',
  Dark: 'It was very dark and cold.',
  Heartwarming: 'It was warm and bright. Everyone was kind.',
  Humorous: 'It was a funny and silly day.',
  Melancholic: 'It was a quiet, sad day. The rain fell.',
  Hopeful: 'The sun came up. It was a new day.',
  Mysterious: 'It was dark and quiet. Something strange was hidden there.',
  Noir: 'It was night and it was raining. The street was wet and dark.',
  Horror: 'It was very dark. Something scary was in the house.',
  Romantic: 'It was a warm night. The stars were pretty and the air was sweet.',
  Adventurous: 'The sun came up over the hills. It was time to go on a trip.',
  Epic: 'The king had a big castle. The soldiers were brave and strong.',
  Gritty: 'It was cold and grey. The street was dirty and loud.',
};

/** "a young telegraph operator" when it reads simply enough for the model; "" otherwise. */
function simpleRole(description: string): string {
  const words = description.trim().split(/\s+/);
  if (!description.trim() || words.length > 5 || !/^(?:a|an)$/i.test(words[0]!) || /[^\p{L}\s'’-]/u.test(description)) return '';
  return description.trim().toLowerCase();
}

/**
 * What the 260K model continues in a Writer chapter: a few short
 * third-person sentences naming the subject, the place and who else is
 * there, then the tone; the prompt ends with the subject's name (the lead).
 */
export function writerScene(subject: StoryCharacter, others: readonly StoryCharacter[], place: string, tone: StorySetup['tone']): string {
  const name = subject.shortName;
  const role = simpleRole(subject.description);
  const company = others.find((o) => o.shortName !== name);
  return [role ? `${name} was ${role}.` : '', `${name} was in ${place}.`, company ? `${company.shortName} was there too.` : '', SCENES[tone]].filter(Boolean).join(' ');
}
