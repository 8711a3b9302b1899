import { EMPTY_STORY_REQUIREMENTS, type StoryRequirements } from '@storyos/contracts';
import { extractRequirements } from './extract-requirements';

const empty = EMPTY_STORY_REQUIREMENTS;
const withDragon: StoryRequirements = { ...empty, ageBand: '4-6', characters: [{ name: 'the dragon', description: 'a shy dragon' }], plot: 'A shy dragon learns to swim.' };

describe('reading the first request of a story', () => {
  it('fills age, character, plot, scene count and a gentle tone from the seed example', () => {
    const r = extractRequirements(empty, 'A bedtime story for my 5-year-old about a shy dragon who learns to swim, three scenes');
    expect(r).toEqual({
      ...empty,
      ageBand: '4-6',
      characters: [{ name: 'the dragon', description: 'a shy dragon' }],
      plot: 'A shy dragon learns to swim.',
      sceneCount: 3,
      tone: 'gentle',
    });
  });

  it('invents nothing that was not said', () => {
    expect(extractRequirements(empty, 'Hello! Can you tell me a story?')).toEqual(empty);
    expect(extractRequirements(empty, 'a story for my daughter')).toEqual(empty);
  });
});

type Case = [description: string, current: StoryRequirements, said: string, expected: Partial<StoryRequirements>];

const cases: Case[] = [
  ['an age said as "she\'s 7"', empty, "she's 7", { ageBand: '7-9' }],
  ['an age in words', empty, 'for a seven year old', { ageBand: '7-9' }],
  ['an age with "years old"', empty, 'He is 10 years old', { ageBand: '10-12' }],
  ['an age range', empty, 'for ages 4 to 6', { ageBand: '4-6' }],
  ['a toddler', empty, 'something for toddlers', { ageBand: '0-3' }],
  ['months', empty, 'my 18 month old loves ducks', { ageBand: '0-3' }],
  ['a teenager', empty, 'for my teenager', { ageBand: 'teen' }],
  ['a correction of the age', { ...empty, ageBand: '4-6' }, "actually she's 8", { ageBand: '7-9' }],
  ['a funny tone', withDragon, 'make it funny', { tone: 'funny' }],
  ['a negated tone is not taken', withDragon, 'not scary please, make it cozy', { tone: 'cozy' }],
  ['a setting in space', withDragon, 'in space', { setting: 'space' }],
  ['a setting under the sea', empty, 'under the sea', { setting: 'under the sea' }],
  ['a setting on a farm', empty, 'it takes place on a farm', { setting: 'a farm' }],
  ['a name for the unnamed character', withDragon, 'call him Pip', { characters: [{ name: 'Pip', description: 'a shy dragon' }] }],
  ['a name in lower case', withDragon, 'call him pip', { characters: [{ name: 'Pip', description: 'a shy dragon' }] }],
  ['a name with "her name is"', { ...empty, characters: [{ name: 'the princess', description: 'a princess' }] }, 'her name is Mia', { characters: [{ name: 'Mia', description: 'a princess' }] }],
  ['a name for a character met by noun', { ...empty, characters: [{ name: 'the princess', description: 'a princess' }, { name: 'the cat', description: "the princess's cat" }] }, 'the cat is called Tom', { characters: [{ name: 'the princess', description: 'a princess' }, { name: 'Tom', description: "the princess's cat" }] }],
  ['scenes in digits', withDragon, '5 scenes', { sceneCount: 5 }],
  ['scenes in words, corrected', { ...withDragon, sceneCount: 3 }, 'actually four scenes', { sceneCount: 4 }],
  ['a single scene', empty, 'just a single scene', { sceneCount: 1 }],
  ['too many scenes are brought to the most allowed', empty, '50 pages', { sceneCount: 12 }],
  ['two characters at once', empty, 'a princess and her cat', { characters: [{ name: 'the princess', description: 'a princess' }, { name: 'the cat', description: "the princess's cat" }] }],
  ['named characters', empty, 'Mia and her dog Rex', { characters: [{ name: 'Mia', description: '' }, { name: 'Rex', description: "Mia's dog" }] }],
  ['a character named in the list', empty, 'about a brave girl named Lila who finds a lost star', { characters: [{ name: 'Lila', description: 'a brave girl' }], plot: 'Lila finds a lost star.' }],
  ['a "Name the noun" character', empty, 'starring Pip the little dragon', { characters: [{ name: 'Pip', description: 'a little dragon' }] }],
  ['the plot as an answer', withDragon, 'he finds a treasure map in the attic', { plot: 'He finds a treasure map in the attic.', setting: 'the attic' }],
  ['the plot continued with "and then"', { ...withDragon, plot: 'A shy dragon learns to swim.' }, 'and then he wins a race', { plot: 'A shy dragon learns to swim. Then he wins a race.' }],
  ['a "story where" plot', empty, 'a story where the moon loses its glow', { plot: 'The moon loses its glow.' }],
  ['a style said outright', empty, 'a sci-fi adventure', { style: 'sci-fi' }],
  ['a fairy tale', empty, 'a fairy tale please', { style: 'fairy-tale' }],
  ['a title in quotes', withDragon, 'call it "Pip Learns to Swim"', { title: 'Pip Learns to Swim' }],
  ['a narrator voice', withDragon, 'narrated by Nova', { narratorVoice: 'Nova' }],
  ['the same character said again gains detail, not a twin', { ...empty, characters: [{ name: 'the dragon', description: 'a dragon' }] }, 'about a shy green dragon', { characters: [{ name: 'the dragon', description: 'a shy green dragon' }] }],
  ['a plot clause also gives the place', empty, 'about a bunny who gets lost in the forest', { characters: [{ name: 'the bunny', description: 'a bunny' }], plot: 'A bunny gets lost in the forest.', setting: 'the forest' }],
  ['bare plural characters, and an age at the end', empty, 'Something with pirates and treasure for my 8 year old', { ageBand: '7-9', characters: [{ name: 'the pirates', description: 'pirates' }] }],
  ['"my kids" are the audience, the youngest age counts', empty, 'my kids are 3 and 5', { ageBand: '0-3' }],
  ['a place with an adjective', empty, 'set it in a magical forest', { setting: 'a magical forest' }],
  ['"Name the noun" and a friend with a name and a kind', empty, 'Luna the owl and her friend Max the mouse go on a picnic', { characters: [{ name: 'Luna', description: 'an owl' }, { name: 'Max', description: "Luna's friend, a mouse" }] }],
  ['a plural named by its members', empty, 'there are two dragons, Ember and Ash', { characters: [{ name: 'Ember', description: 'a dragon' }, { name: 'Ash', description: 'a dragon' }] }],
  ['a pet with a name that is also a noun', empty, 'a story about my cat Tiger', { characters: [{ name: 'Tiger', description: 'my cat' }] }],
  ['a grown-up audience and a person noun', empty, 'A story for grown-ups about a lighthouse keeper', { ageBand: 'adult', characters: [{ name: 'the keeper', description: 'a lighthouse keeper' }] }],
  ['a theme alone is not a plot', empty, 'it should be about sharing', {}],
  ['a scene count is not read as an age', { ...empty, ageBand: '4-6' }, 'she is 5, and 6 scenes please', { ageBand: '4-6', sceneCount: 6 }],
];

describe('reading follow-up answers and corrections', () => {
  it.each(cases)('%s', (_name, current, said, expected) => {
    const r = extractRequirements(current, said);
    expect(r).toEqual({ ...current, ...expected });
  });
});
