import { GAME_LEXICON, TONE_LEXICON } from '../../lexicon/lexicons';
import { GAME_BAR } from './game-bar';
import type { PassageContext } from './passage-context';
import { brokenRules, passageFacts } from './passage-rules';

/** A mysterious game's model slot: Mara (the player) and Wren at the lighthouse. */
const lighthouse: PassageContext = {
  prompt: 'Mara was a lighthouse keeper. Mara was at the lamp room. Wren was there too. It was dark and quiet. Something strange was hidden there.',
  known: ['Wren', 'Mara'],
  mood: ['dark', 'quiet', 'strange', 'secret', 'light', 'night', 'scared', 'shadow', 'whisper', 'wonder', 'curious', 'hidden'],
  scene: "A storm-battered island where ships vanish in the fog. the Old Lighthouse a lighthouse keeper's apprentice",
  vocabulary: JSON.stringify([TONE_LEXICON.mysterious, GAME_LEXICON.mysterious]).toLowerCase().match(/\p{L}+/gu) ?? [],
};

/** Each rule: a passage it refuses, and a similar one the whole bar accepts. */
const cases: Array<{ rule: string; refuses: string; accepts: string; context?: Partial<PassageContext> }> = [
  { rule: 'past tense', refuses: 'Wren looks at the dark sea.', accepts: 'Wren looked at the dark sea.' },
  { rule: 'no he or she', refuses: 'Wren looked at him in the dark.', accepts: 'Wren looked at Mara in the dark.' },
  { rule: 'later sentences open with a name', refuses: 'Wren looked at the sea. It was dark.', accepts: 'Wren looked at the sea. Mara was scared.' },
  { rule: 'no nursery', refuses: 'Wren saw a dog by the lamp.', accepts: 'Wren saw a light by the lamp.' },
  { rule: 'names from the cast', refuses: 'Wren waved at Lily.', accepts: 'Wren waved at Mara.' },
  { rule: 'opens with someone in the story', refuses: 'Suddenly Wren looked at the sea.', accepts: 'Wren suddenly looked at the sea.' },
  { rule: 'a name once, outside quotes', refuses: 'Wren said, "Thank you, Mara."', accepts: 'Wren said, "Thank you."' },
  { rule: 'cheerful only in a cheerful tone', refuses: 'Wren was happy to see the sea.', accepts: 'Wren was quiet by the sea.' },
  { rule: 'no article opening', refuses: 'The wind howled around Wren.', accepts: 'Wren heard the wind howl.' },
  { rule: 'stays in the scene', refuses: 'Mara bought a pizza and a bicycle.', accepts: 'Mara looked at the sea in the dark.' },
  { rule: 'speech fits the scene', refuses: 'Wren said, "I am rich!"', accepts: 'Wren said, "The lamp was dark."' },
  { rule: 'no contradiction', refuses: 'Mara saw a small huge light.', accepts: 'Mara saw a small light in the dark.' },
];

describe('the game’s bar for model passages', () => {
  it('has a test case for every rule, and a reason for each', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(GAME_BAR.map((rule) => rule.name).sort());
    for (const rule of GAME_BAR) expect(rule.reason).toMatch(/^\S.*[.!?]$/);
  });

  it.each(cases)('$rule: refuses "$refuses" and accepts "$accepts"', ({ rule, refuses, accepts, context }) => {
    const named = GAME_BAR.find((r) => r.name === rule)!;
    expect(named.breaks(passageFacts(refuses, { ...lighthouse, ...context }))).toBe(true);
    expect(brokenRules(GAME_BAR, passageFacts(accepts, { ...lighthouse, ...context }))).toEqual([]);
  });

  it('keeps the tiny model’s non-sequiturs out of a mysterious lighthouse', () => {
    for (const stray of ['Mara saw a small huge hat.', 'Wren said, "I am rich!"', 'Wren said, "Hi, I\'m ours!"', 'Wren bought a pizza and a bicycle.']) expect(brokenRules(GAME_BAR, passageFacts(stray, lighthouse))).not.toEqual([]);
  });

  it('lets a scene keep its own words and a cheerful tone its cheer', () => {
    expect(brokenRules(GAME_BAR, passageFacts('Wren saw a dog by the lamp.', { ...lighthouse, scene: 'A dog guards the lighthouse.' }))).toEqual([]);
    expect(brokenRules(GAME_BAR, passageFacts('Wren was happy to see the sea.', { ...lighthouse, mood: ['happy', 'fun'] }))).toEqual([]);
  });
});
