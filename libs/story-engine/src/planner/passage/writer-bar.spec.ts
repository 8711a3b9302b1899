import type { PassageContext, PassageSubject } from './passage-context';
import { brokenRules, passageFacts } from './passage-rules';
import { WRITER_BAR, type WriterFacts } from './writer-bar';

/** A Mystery Novelist chapter's model slot: Ada Finch and Inspector Rook, a suspenseful tone. */
const mystery: PassageContext = {
  prompt: 'Ada was a young telegraph operator. Ada was in the town. Inspector Rook was there too. It was dark and quiet. Something was wrong.',
  known: ['Ada', 'Ada Finch', 'Inspector Rook'],
  mood: ['dark', 'quiet', 'fast', 'scared', 'door', 'night', 'shadow', 'listen', 'afraid', 'run', 'secret', 'hurry'],
  strict: true,
};
const ada: PassageSubject = { name: 'Ada', pronoun: null };

const facts = (passage: string, subject: PassageSubject = ada, context: Partial<PassageContext> = {}): WriterFacts => ({
  ...passageFacts(passage, { ...mystery, ...context }),
  subject,
});

/** Each rule: a passage it refuses, and a similar one the whole bar accepts. */
const cases: Array<{ rule: string; refuses: string; accepts: string; subject?: PassageSubject; context?: Partial<PassageContext> }> = [
  { rule: 'past tense', refuses: 'Ada sees a shadow at the door.', accepts: 'Ada saw a shadow at the door.' },
  { rule: 'opens with the subject', refuses: 'Inspector Rook heard a noise at the door.', accepts: 'Ada heard a noise at the door.' },
  { rule: 'the subject did something', refuses: 'Ada many people in the town.', accepts: 'Ada met many people in the town.' },
  { rule: 'later sentences stay with the subject', refuses: 'Ada heard a noise. Inspector Rook ran to the door.', accepts: 'Ada heard a noise. She ran to the door.', subject: { name: 'Ada', pronoun: 'she' } },
  { rule: 'pronouns only for the subject', refuses: 'Ada heard a noise and she ran to the door.', accepts: 'Ada heard a noise and ran to the door.' },
  { rule: 'names from the cast', refuses: 'Ada heard Lily at the door.', accepts: 'Ada heard Inspector Rook at the door.' },
  { rule: 'no nursery, kitchen or toy box', refuses: 'Ada saw a cake on the table.', accepts: 'Ada saw a letter on the table.' },
  { rule: 'cheerful only in a cheerful tone', refuses: 'Ada smiled at the dark door.', accepts: 'Ada stared at the dark door.' },
  { rule: 'no word twice in a sentence', refuses: 'Ada saw a big box by the broken box.', accepts: 'Ada saw a big box by the broken gate.' },
  { rule: 'no pile of adjectives', refuses: 'Ada saw a big, shiny, colorful clock.', accepts: 'Ada saw a big, shiny clock.' },
  { rule: 'no tale of its own', refuses: 'Once Ada heard a noise at the door.', accepts: 'Ada heard a noise at the door once.' },
  { rule: 'nobody new named', refuses: 'Ada met a man called Rook.', accepts: 'Ada met a man at the pier.' },
  { rule: 'a feeling joins a feeling', refuses: 'Ada heard a loud noise and scared.', accepts: 'Ada heard a loud noise and was scared.' },
  { rule: 'no stray -ing after "and"', refuses: 'Ada looked at the door and running around the room.', accepts: 'Ada looked at the door and ran around the room.' },
  { rule: 'a feeling is not a thing', refuses: 'Ada felt like a stone in the night.', accepts: 'Ada felt cold in the night.' },
  { rule: 'no article before a plural', refuses: 'Ada saw a clouds in the window.', accepts: 'Ada saw the clouds in the window.' },
  { rule: 'no deed twice in a chapter', refuses: 'Ada heard a loud noise.', accepts: 'Ada heard a soft knock.', context: { written: 'It was late. I heard a loud noise. I ran.' } },
];

describe('the Writer’s bar for model passages', () => {
  it('has a test case for every rule, and a reason for each', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(WRITER_BAR.map((rule) => rule.name).sort());
    for (const rule of WRITER_BAR) expect(rule.reason).toMatch(/^\S.*[.!?]$/);
  });

  it.each(cases)('$rule: refuses "$refuses" and accepts "$accepts"', ({ rule, refuses, accepts, subject, context }) => {
    const named = WRITER_BAR.find((r) => r.name === rule)!;
    expect(named.breaks(facts(refuses, subject, context))).toBe(true);
    expect(brokenRules(WRITER_BAR, facts(accepts, subject, context))).toEqual([]);
  });

  it('lets the prompt keep its own words and a cheerful tone its cheer', () => {
    expect(brokenRules(WRITER_BAR, facts('Ada saw a cake on the table.', ada, { prompt: `${mystery.prompt} The cake was gone.` }))).toEqual([]);
    expect(brokenRules(WRITER_BAR, facts('Ada smiled at the dark door.', ada, { mood: ['happy', 'fun'] }))).toEqual([]);
  });

  it('lets a third-person subject keep their own pronoun, and only theirs', () => {
    const rook: PassageSubject = { name: 'Inspector Rook', pronoun: 'he' };
    expect(brokenRules(WRITER_BAR, facts('Inspector Rook looked at the door and held his breath.', rook))).toEqual([]);
    expect(brokenRules(WRITER_BAR, facts('Inspector Rook looked at the door and held her breath.', rook))).toEqual(['pronouns only for the subject']);
  });
});
