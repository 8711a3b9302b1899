import { pickPassage } from '../planner/passage/passage-picker';
import { replaceInventedNames, toSecondPerson } from './names';
import { whitespaceWordCount } from './words';

describe('keeping model prose on-story', () => {
  it('swaps invented names for the cast, consistently and in order', () => {
    expect(replaceInventedNames('Lily saw Tom. Lily waved at Tom.', ['Wren', 'Elias'])).toBe('Wren saw Elias. Wren waved at Elias.');
  });

  it('speaks of the player as "you" with past-tense agreement', () => {
    expect(toSecondPerson("Mara was scared. Then Mara's lamp went out and Wren helped Mara.", 'Mara')).toBe('You were scared. Then your lamp went out and Wren helped you.');
  });

  it('picks a well-formed sentence over rambling, strangers and unquoted speech', () => {
    const picked = pickPassage([' Don\'t worry, you can go.', ' One day, Crown spun around', ' Wren looked at the dark sea. She was scared.\nThe end'], {
      prompt: 'Wren looked out at the sea.',
      known: ['Wren'],
      mood: ['dark', 'scared'],
    });
    expect(picked).toBe('Wren looked at the dark sea.'); // six words or more: one sentence is enough
  });
});

describe('measuring replies', () => {
  it('counts whatever stands between spaces, a dash or a heading mark too', () => {
    expect(whitespaceWordCount('## Fog  on the pier — again.')).toBe(7); // ## Fog on the pier — again.
    expect(whitespaceWordCount('   ')).toBe(0);
  });
});
