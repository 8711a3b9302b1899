import { pickPassage, scorePassage, type PassageContext } from './passage-picker';

/** A Mystery Novelist chapter's model slot: Ada Finch and Inspector Rook, a suspenseful tone. */
const writer = (subject: string, pronoun: 'he' | 'she' | null = null, written = ''): PassageContext => ({
  prompt: 'Ada was a young telegraph operator. Ada was in the town. Inspector Rook was there too. It was dark and quiet. Something was wrong.',
  known: ['Ada', 'Ada Finch', 'Inspector Rook'],
  mood: ['dark', 'quiet', 'fast', 'scared', 'door', 'night', 'shadow', 'listen', 'afraid', 'run', 'secret', 'hurry'],
  strict: true,
  subject: { name: subject, pronoun },
  written,
});

describe('the Writer’s bar for model passages', () => {
  it.each([
    'It was a big box of broccoli colorful broken box.',
    'It was a very small, scary piece of cups.',
    'Bram was very excited. She wanted to eat it.',
    'He had a great time for others to help others.',
  ])('refuses the nonsense of a Mystery Novelist chapter: %s', (nonsense) => {
    for (const subject of ['Ada', 'Inspector Rook']) {
      expect(scorePassage(nonsense, writer(subject, 'he'))).toBeNull();
      expect(pickPassage([{ raw: nonsense, meanLogProb: -1 }], writer(subject))).toBeNull();
    }
  });

  it.each([
    ['Ada saw a big box of broccoli colorful broken box.', 'a noun twice in one phrase, food'],
    ['Ada saw a big box by the broken box.', 'a noun twice'],
    ['Ada saw a big, shiny, colorful clock.', 'three adjectives in a row'],
    ['Ada was very excited to see the door.', 'excited in a suspenseful tone'],
    ['Ada felt happy and wanted to play with her toys.', 'cheerful, toys'],
    ['Lily heard a noise at the door.', 'a subject outside the cast'],
    ['Ada heard a noise. Lily ran to the door.', 'a second sentence about a stranger'],
    ['Ada looked at him and ran to the door.', 'a pronoun without a referent'],
    ['Ada heard a noise and she ran to the door.', 'a pronoun for a first-person narrator'],
    ['Ada many people in the town.', 'no verb after the name'],
    ['Ada heard a loud noise and scared.', 'a feeling joined to a noun'],
    ['Ada saw a clouds in the closet.', 'an article before a plural'],
    ['Ada looked at the door and running around the room.', 'a lost verb'],
    ['Ada felt like a piece of magic bright bag.', 'a feeling that is a thing'],
    ['Ada was scared of the roof, but she was also scared.', 'a loop'],
    ['Ada sees a shadow at the door.', 'present tense'],
    ['Ada saw her mom in the park.', 'the nursery'],
  ])('refuses %s (%s)', (passage) => {
    expect(scorePassage(passage, writer('Ada'))).toBeNull();
  });

  it('keeps plain past-tense sentences about the subject, and their own pronoun in the third person', () => {
    expect(scorePassage('Ada heard a loud noise at the door.', writer('Ada'))).not.toBeNull();
    expect(scorePassage('Inspector Rook felt scared of the dark night.', writer('Inspector Rook', 'he'))).not.toBeNull();
    expect(scorePassage('Inspector Rook looked at the door and held his breath.', writer('Inspector Rook', 'he'))).not.toBeNull();
    expect(scorePassage('Inspector Rook looked at the door and held her breath.', writer('Inspector Rook', 'he'))).toBeNull();
  });

  it('refuses a sentence the chapter already has, and tries the model found too unlikely', () => {
    expect(scorePassage('Ada heard a loud noise.', writer('Ada', null, 'It was late. I heard a loud noise. I ran.'))).toBeNull();
    const context = { ...writer('Ada'), minMeanLogProb: -2.2 };
    expect(pickPassage([{ raw: 'Ada heard a loud noise at the door.', meanLogProb: -2.5 }], context)).toBeNull();
    expect(pickPassage([{ raw: 'Ada heard a loud noise at the door.', meanLogProb: -2.5 }, { raw: 'Ada felt scared of the dark.', meanLogProb: -1.2 }], context)).toBe('Ada felt scared of the dark.');
  });
});
