import type { CastMember } from './cast';

/** What the player's action is about, so the reply answers it. */
export type ActionTarget =
  | { kind: 'person'; member: CastMember; asksName: boolean; known: boolean }
  | { kind: 'thing'; phrase: string; verb: ThingVerb };

/** How the action handles a thing: each gets its own kind of answer. */
export type ThingVerb = 'take' | 'examine' | 'open' | 'use';

/** People named by what they are, not by name: "the stranger", "the old woman", "a guard". */
const PERSON_NOUNS =
  'stranger|man|woman|boy|girl|child|guard|guards|soldier|knight|captain|keeper|boatman|fisherman|sailor|merchant|baker|innkeeper|priest|monk|mage|wizard|witch|old man|old woman|figure|traveller|traveler|visitor|medic|doctor|engineer|pilot|judge|cook|child|clerk|watchman|ferryman|lady|lord|king|queen|prince|princess|hooded figure|newcomer|voice';
const PERSON = new RegExp(`\\b(?:ask|asks|tell|greet|warn|help|follow|wake|thank|question|call to|call out to|talk to|talk with|speak to|speak with|approach|look at|watch|wave to|nod to|smile at|shake hands with)\\s+((?:the|a|an|that|this)\\s+(?:[a-z-]+\\s+)?(?:${PERSON_NOUNS}))\\b`, 'i');
const ASKS_NAME = /\b(?:name|who (?:she|he|they) (?:is|are)|who are you)\b/i;

const THING_VERBS: ReadonlyArray<[ThingVerb, RegExp]> = [
  ['take', /\b(?:take|takes|pick up|picks up|grab|grabs|lift|lifts|pocket|carry|hold)\s+/i],
  ['examine', /\b(?:examine|examines|inspect|inspects|study|studies|look at|looks at|look closely at|read|reads|search|searches|touch|touches|check|checks)\s+/i],
  ['open', /\b(?:open|opens|unlock|unlocks|pry open|force open|break open)\s+/i],
  ['use', /\b(?:use|uses|light|lights|ring|rings|pull|pulls|push|pushes|turn|turns|fix|fixes|wind|winds|throw|throws|drop|drops)\s+/i],
];
const OBJECT = /^((?:the|a|an|your|my|that|this|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u;

/**
 * The person or thing an action turns to: someone in the cast by name
 * ("ask Wren …"), someone named by what they are ("ask the stranger her
 * name"), or an object the action handles ("pick up the lantern").
 */
export function targetOf(action: string, cast: readonly CastMember[], playerName: string): ActionTarget | null {
  const words = action.split(/\s+/).slice(1).map((w) => w.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, ''));
  const named = cast.find((member) => words.some((w) => w.length > 1 && !/^(?:Mr|Mrs|Dr|Captain|Lady|Lord|Sir|Old|Brother|Keeper|Chief)$/.test(w) && member.name.split(/\s+/).includes(w)));
  if (named) return { kind: 'person', member: named, asksName: false, known: true };
  const stranger = /\b(?:ask|tell|greet|warn|help|follow|wake|thank|question|call|talk to|speak to|speak with|talk with)\s+(\p{Lu}\p{Ll}+)\b/u.exec(action)?.[1];
  if (stranger && !playerName.split(/\s+/).includes(stranger)) return { kind: 'person', member: { name: stranger, epithet: '' }, asksName: false, known: false };
  const described = PERSON.exec(action)?.[1];
  if (described) {
    const phrase = described.toLowerCase().replace(/^(?:a|an|that|this)\s/, 'the ');
    return { kind: 'person', member: { name: phrase, epithet: '' }, asksName: ASKS_NAME.test(action), known: false };
  }
  for (const [verb, pattern] of THING_VERBS) {
    const match = pattern.exec(action);
    if (!match) continue;
    const object = OBJECT.exec(action.slice((match.index ?? 0) + match[0].length))?.[1];
    if (object) return { kind: 'thing', phrase: object.replace(/^my\s/i, 'your ').replace(/^(?:a|an)\s/i, 'the '), verb };
  }
  return null;
}
