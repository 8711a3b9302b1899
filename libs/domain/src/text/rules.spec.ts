import { echoPhrase } from './echo';
import { isNonsense, NONSENSE_RULES } from './nonsense';
import { toPastTense } from './past-tense';
import { findDestination, PLACE_RULES } from './places';

describe('telling the player what they did, in the past tense', () => {
  it.each([
    ['draw your sword', 'drew your sword'],
    ['open the door', 'opened the door'],
    ['carefully open the door', 'carefully opened the door'],
    ['try the handle', 'tried the handle'],
    ['climbs the stairs', 'climbed the stairs'],
    ['draw your sword and watch the road', 'drew your sword and watched the road'],
    ['draw your sword and shield', 'drew your sword and shield'],
  ])('%p → %p', (phrase, past) => {
    expect(toPastTense(phrase)).toBe(past);
  });

  it('gives up on a phrase that does not start with a verb', () => {
    expect(toPastTense('the door')).toBeNull();
    expect(toPastTense('Wren the lamp')).toBeNull();
  });
});

describe('echoing a long action without cutting a phrase', () => {
  const long = 'check the airlock controls one panel at a time while the lights flicker over the docking ring, reading every warning on the pressure log and listening for any sound';

  it('keeps a short action whole', () => {
    expect(echoPhrase('open the door')).toBe('open the door');
  });

  it('ends at a clause end when one is in reach', () => {
    expect(echoPhrase(long)).toBe('check the airlock controls one panel at a time while the lights flicker over the docking ring,');
  });

  it('ends at a sentence end first', () => {
    expect(echoPhrase(`open the door. ${long}`)).toBe('open the door.');
  });

  it('else ends before a conjunction, and never on a dangling word', () => {
    const words = Array.from({ length: 40 }, (_, i) => (i === 12 ? 'and' : `word${i}`)).join(' ');
    expect(echoPhrase(words)).toBe(words.split(' ').slice(0, 12).join(' '));
    const dangling = [...Array.from({ length: 23 }, (_, i) => `w${i}`), 'the', 'end', 'of', 'it'].join(' ');
    expect(echoPhrase(dangling).split(' ').at(-1)).toBe('w22');
  });
});

describe('input that is not words', () => {
  it.each([
    ['a run along a keyboard row', 'asdf'],
    ['no vowel', 'xkcd'],
    ['a letter three times running', 'jjjj'],
    ['five consonants running', 'grtzkb'],
  ])('%s: %p', (rule, word) => {
    expect(NONSENSE_RULES.find((r) => r.name === rule)!.matches(word)).toBe(true);
    expect(isNonsense(word)).toBe(true);
  });

  it.each(['I open the door', 'brrr, it is cold', 'ask Wren about the key', 'look around', 'search the old mill for clues'])('takes %p for an action', (action) => {
    expect(isNonsense(action)).toBe(false);
  });

  it('takes mashing with a pronoun for mashing', () => {
    expect(isNonsense('I asdf')).toBe(true);
    expect(isNonsense('qwerty zxcv')).toBe(true);
  });
});

describe('where a movement ends', () => {
  it.each([
    ['an article needs more', 'go to the'],
    ['no pronoun', 'run to it'],
    ['a common noun must be a place', 'walk over to the pile of crates'],
    ['a bare word is a name or a place', 'walk home quickly'],
  ])('%s: no place in %p', (rule, text) => {
    expect(PLACE_RULES.some((r) => r.name === rule)).toBe(true);
    expect(findDestination(text)).toBeNull();
  });

  it.each([
    ['you arrived at Emberfall the night before the siege', 'Emberfall'],
    ['I sail to the Vale of Sunreach at dawn', 'the Vale of Sunreach'],
    ['head to hydroponics to find Dana', 'hydroponics'],
    ['I sneak into the marquee', 'the marquee'],
  ])('finds the place in %p', (text, place) => {
    expect(findDestination(text)).toBe(place);
  });
});
