import { WorldStateSchema, type WorldState } from '@storyos/contracts';
import { deriveWorldState } from './derive-world-state';

const derive = (state: WorldState, action: string, reply: string, turn: number, words: ReadonlySet<string>) => deriveWorldState(state, { action, reply, turn, playerName: state.characters[0]!.name }, words);
import type { GameScenario } from './game-scenario';
import { initialWorldState } from './initial-world-state';
import { findNames } from './names-in-text';
import { extractJsonObject, parseWorldStateReply } from './parse-world-state';

/** The rules alone: no narrator's phrase banks to tell things from people. */
const NO_NARRATOR_WORDS: ReadonlySet<string> = new Set();

const scenario: GameScenario = {
  name: 'The Keeper of the Light',
  description: 'A mystery on a lonely island. Old Wren keeps the lamp, and Captain Hale searches for his lost ship.',
  setting: 'A storm-battered island where ships vanish in the fog. The Old Lighthouse has not been lit in years, though Wren swears she saw it shine.',
  narratorBehavior: 'Slow, eerie, precise.',
  playerName: 'Mara',
  playerRole: "a lighthouse keeper's apprentice",
  initialLocation: 'the Old Lighthouse',
  tone: 'mysterious',
  contentRating: 'all-ages',
};

describe('initial world state', () => {
  it('starts at turn 0, act 1, chapter 1, at the initial location', () => {
    const state = initialWorldState(scenario);
    expect(WorldStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({ turnCount: 0, act: 1, chapter: 1, currentLocation: 'the Old Lighthouse', timeline: [] });
  });

  it('lists the player first, then the characters the setting and description name', () => {
    const names = initialWorldState(scenario).characters.map((c) => c.name);
    expect(names[0]).toBe('Mara');
    expect(names).toEqual(expect.arrayContaining(['Wren', 'Captain Hale']));
    expect(names).not.toContain('Old Lighthouse');
    expect(names).not.toContain('The');
  });
});

describe('reading a model world-state reply', () => {
  const previous: WorldState = { ...initialWorldState(scenario), turnCount: 3 };

  it('reads JSON inside a ```json fence, surrounded by prose', () => {
    const reply = 'Here is the update:\n```json\n{"worldState":"Mara found a key.","currentLocation":"the lamp room","characters":[{"name":"Mara","summary":"Apprentice"}],"timeline":[{"turn":4,"event":"Found a key"}],"act":1,"chapter":2,"turnCount":99}\n```\nDone.';
    const next = parseWorldStateReply(reply, previous);
    expect(next).toMatchObject({ worldState: 'Mara found a key.', currentLocation: 'the lamp room', chapter: 2, turnCount: 4 });
    expect(next.timeline).toEqual([{ turn: 4, event: 'Found a key' }]);
  });

  it('reads the first {...} block without a fence, even with braces inside strings', () => {
    expect(extractJsonObject('Sure! {"worldState":"a {curly} day","act":2} and {"other":1}')).toEqual({ worldState: 'a {curly} day', act: 2 });
  });

  it('keeps previous values for missing or invalid fields and always advances the turn', () => {
    const next = parseWorldStateReply('{"currentLocation": 42, "act": 0, "chapter": "two", "characters": "many"}', previous);
    expect(next).toEqual({ ...previous, turnCount: 4 });
  });

  it('keeps the previous state when the reply holds no JSON', () => {
    expect(parseWorldStateReply('I could not decide.', previous)).toEqual({ ...previous, turnCount: 4 });
    expect(parseWorldStateReply('{not json', previous)).toEqual({ ...previous, turnCount: 4 });
  });

  it('drops invalid characters and timeline entries but keeps the valid ones', () => {
    const next = parseWorldStateReply('{"characters":[{"name":"Wren","summary":"Keeper"},{"name":5}],"timeline":[{"turn":-1,"event":"x"},{"turn":4,"event":"ok"}]}', previous);
    expect(next.characters).toEqual([{ name: 'Wren', summary: 'Keeper' }]);
    expect(next.timeline).toEqual([{ turn: 4, event: 'ok' }]);
    expect(WorldStateSchema.safeParse(next).success).toBe(true);
  });
});

describe('the builtin world-state update', () => {
  const start = initialWorldState(scenario);

  it('moves the player where the action goes and logs the turn', () => {
    const next = derive(start, 'I walk to the Sunken Chapel', 'You decided to walk to the Sunken Chapel. The doors were open.', 1, NO_NARRATOR_WORDS);
    expect(next.currentLocation).toBe('the Sunken Chapel');
    expect(next.turnCount).toBe(1);
    expect(next.timeline).toEqual([{ turn: 1, event: 'You walked to the Sunken Chapel.' }]);
    expect(next.worldState).toContain('the Sunken Chapel');
    expect(WorldStateSchema.safeParse(next).success).toBe(true);
  });

  it('moves the player when the reply says "you arrive at", but not when someone else goes somewhere', () => {
    expect(derive(start, 'follow the path', 'At dusk you arrived at Port Vell, tired and cold.', 1, NO_NARRATOR_WORDS).currentLocation).toBe('Port Vell');
    expect(derive(start, 'wait', 'Wren went to the park and smiled.', 1, NO_NARRATOR_WORDS).currentLocation).toBe('the Old Lighthouse');
  });

  it('adds newly named characters with a one-line summary, once', () => {
    const next = derive(start, 'look around', 'Just then, Elias stepped out of the shadows. Wren nodded. Elias said nothing.', 1, NO_NARRATOR_WORDS);
    const elias = next.characters.filter((c) => c.name === 'Elias');
    expect(elias).toHaveLength(1);
    expect(elias[0]!.summary).toContain('Elias stepped out of the shadows');
    expect(next.characters.filter((c) => c.name === 'Wren')).toHaveLength(1);
  });

  it('turns a chapter every 5 turns and an act every 15', () => {
    let state = start;
    for (let turn = 1; turn <= 15; turn++) state = derive(state, 'wait', 'Nothing happened.', turn, NO_NARRATOR_WORDS);
    expect(state).toMatchObject({ turnCount: 15, chapter: 4, act: 2 });
    expect(state.timeline).toHaveLength(15);
  });
});

describe('who counts as a character', () => {
  const orbit: GameScenario = {
    name: 'Hollow Orbit',
    description: 'A tense science-fiction thriller aboard a mining station that has gone silent above a frozen moon.',
    setting:
      'Kepler Deep is a helium-3 mining station orbiting Thessaly, an ice moon of a gas giant in the Varuna system. Thirty-one crew; the station went silent nine hours ago. The station AI, called MOTHER, answers politely and will not open the core. Chief engineer Dana Okafor is barricaded in hydroponics. Dr. Lucas Meyer, the medic, insists everyone is fine. Someone vented Cargo Bay 3. The rescue shuttle has fuel for one return trip, and it leaves in six hours.',
    narratorBehavior: 'Tight, present-tense urgency.',
    playerName: 'Sam Reyes',
    playerRole: 'the pilot of the rescue shuttle Halcyon',
    initialLocation: 'the docking ring of Kepler Deep',
    tone: 'tense',
    contentRating: 'teen',
  };
  const start = initialWorldState(orbit);
  const names = (state: WorldState) => state.characters.map((c) => c.name);

  it('takes titled and two-word names from the setting, not places, ships or moons', () => {
    expect(names(start)).toEqual(['Sam Reyes', 'Dana Okafor', 'Dr Lucas Meyer']);
  });

  it('adds nobody for things and places in the reply, or the model’s strays', () => {
    const reply =
      'Without warning, Halcyon stepped into the light of the old well. Halcyon checked the door. Cargo Bay called to you from the top of the tower. ' +
      'Glass shattered nearby. The glass was cold. Footsteps pounded somewhere behind you. Dear appeared at the far end of the ring. ' +
      'One day, Piggy went to the park to play with his toy car. Thessaly slowly put on his paws. You saw the Varuna system.';
    const next = derive(start, 'look around', reply, 1, NO_NARRATOR_WORDS);
    expect(names(next)).toEqual(names(start));
  });

  it('takes a capitalised word of the narrator’s phrase banks for a thing, not a person', () => {
    const reply = 'Silver Lantern spilled its light over the rocks.';
    expect(names(derive(start, 'look around', reply, 1, NO_NARRATOR_WORDS))).toContain('Silver Lantern');
    expect(names(derive(start, 'look around', reply, 1, new Set(['lantern'])))).not.toContain('Silver Lantern');
  });

  it('adds a speaker, a named person, a full name, or someone the action turns to', () => {
    const next = derive(start, 'ask Captain Hale about the core', '"Hurry," Wren said. A woman named Ines waved. Mira Castell ran past you.', 1, NO_NARRATOR_WORDS);
    expect(names(next)).toEqual(expect.arrayContaining(['Captain Hale', 'Wren', 'Ines', 'Mira Castell']));
    expect(names(next)).not.toContain('Hurry');
  });

  it('takes the speaker, not the exclamation, from quoted speech ("Met Wow" was a character once)', () => {
    const next = derive(start, 'look around', '"Wow," said Lily. "Look at that!" Then "Hooray!" shouted Tom.', 1, NO_NARRATOR_WORDS);
    expect(names(next)).toEqual([...names(start), 'Lily', 'Tom']);
    expect(next.timeline.at(-1)?.event).not.toMatch(/Wow|Hooray/);
  });

  it('finds names with evidence in plain text', () => {
    expect(findNames('Wren said nothing. Thessaly glittered. Halcyon waited. The Copper Kettle was warm. Old Marigold Pell runs it. Tobias Fenn lives on Ribbon Lane.').map((f) => f.name)).toEqual([
      'Wren',
      'Old Marigold Pell',
      'Tobias Fenn',
    ]);
  });
});
