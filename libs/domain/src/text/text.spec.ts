import { normaliseAction } from './action';
import { findDestination } from './places';
import { sentenceEnd, splitSentences } from './sentences';

describe('echoing the player action', () => {
  it.each([
    ['I open the rusty door.', 'open the rusty door'],
    ['I want to look under my bed', 'look under your bed'],
    ["Let's follow the lights!", 'follow the lights'],
    ['Mara climbs the stairs', 'climbs the stairs'],
    ['Ask Wren who lit the lamp', 'ask Wren who lit the lamp'],
  ])('turns %p into %p', (action, phrase) => {
    expect(normaliseAction(action, 'Mara').phrase).toBe(phrase);
  });

  it('keeps quoted words as speech', () => {
    expect(normaliseAction('"hello, is anyone there?"')).toEqual({ kind: 'speech', phrase: 'Hello, is anyone there?' });
    expect(normaliseAction('say "we should leave"')).toEqual({ kind: 'speech', phrase: 'We should leave.' });
  });
});

describe('finding where someone goes', () => {
  it.each([
    ['go to the cellar', 'the cellar'],
    ['I climb the spiral stairs to the lamp room', 'the lamp room'],
    ['enter the Sunken Library and look around', 'the Sunken Library'],
    ['you arrived at Port Vell, tired', 'Port Vell'],
    ['walk back to my house quickly', 'your house'],
  ])('finds the place in %p', (text, place) => {
    expect(findDestination(text)).toBe(place);
  });

  it.each(['go to sleep', 'look around', 'walk home', 'run to it'])('finds no place in %p', (text) => {
    expect(findDestination(text)).toBeNull();
  });
});

describe('sentences', () => {
  it('cuts after closing quotes and not inside "Mr. Brown"', () => {
    expect(splitSentences('Mr. Brown said, "Hi!" Then he left.')).toEqual(['Mr. Brown said, "Hi!"', 'Then he left.']);
    expect(sentenceEnd('No end yet')).toBe(-1);
  });
});
