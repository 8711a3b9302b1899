import type { GameScenario } from './game-scenario';
import { initialWorldState } from './initial-world-state';
import { buildNarratorMessages } from './narrator-messages';
import { buildOpeningBrief, buildTurnBrief } from './story-briefs';
import { DEFAULT_SYSTEM_PROMPTS } from './system-prompts';
import { recentTranscript } from './transcript';
import { buildWorldStateMessages } from './world-state-messages';

const scenario: GameScenario = {
  name: 'The Keeper of the Light',
  description: 'A mystery on a lonely island.',
  setting: 'A storm-battered island. Wren keeps the lamp.',
  narratorBehavior: 'Slow, eerie, precise.',
  playerName: 'Mara',
  playerRole: "a lighthouse keeper's apprentice",
  initialLocation: 'the Old Lighthouse',
  tone: 'mysterious',
  contentRating: 'all-ages',
};
const state = initialWorldState(scenario);

describe('default system prompts', () => {
  it('has a substantial narrator and world-state prompt', () => {
    expect(DEFAULT_SYSTEM_PROMPTS.narrator.length).toBeGreaterThanOrEqual(200);
    expect(DEFAULT_SYSTEM_PROMPTS['world-state'].length).toBeGreaterThanOrEqual(200);
    for (const field of ['worldState', 'currentLocation', 'characters', 'timeline', 'act', 'chapter', 'turnCount']) expect(DEFAULT_SYSTEM_PROMPTS['world-state']).toContain(field);
  });
});

describe('narrator messages', () => {
  it('puts the admin prompt first, then the scenario and state, the transcript, and the action last', () => {
    const messages = buildNarratorMessages({
      systemPrompt: 'ADMIN PROMPT v7',
      scenario,
      state,
      transcript: [
        { role: 'narrator', content: 'The fog rolled in.' },
        { role: 'player', content: 'light the lamp' },
        { role: 'narrator', content: 'The lamp flickered.' },
      ],
      action: 'climb the stairs',
    });
    expect(messages[0]).toEqual({ role: 'system', content: 'ADMIN PROMPT v7' });
    expect(messages[1]!.content).toContain('Slow, eerie, precise.');
    expect(messages[1]!.content).toContain('"currentLocation":"the Old Lighthouse"');
    expect(messages.slice(2, 5).map((m) => m.role)).toEqual(['assistant', 'user', 'assistant']);
    expect(messages[messages.length - 1]).toEqual({ role: 'user', content: expect.stringContaining('climb the stairs') });
  });

  it('asks for an opening scene when there is no action', () => {
    const messages = buildNarratorMessages({ systemPrompt: 'p', scenario, state, transcript: [] });
    expect(messages).toHaveLength(3);
    expect(messages[2]!.content).toMatch(/opening scene.*Mara/);
  });

  it('bounds the transcript to the newest messages and characters', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? ('player' as const) : ('narrator' as const), content: `message ${i} `.repeat(20) }));
    const kept = recentTranscript(long, { maxMessages: 12, maxChars: 1000 });
    expect(kept.length).toBeLessThanOrEqual(12);
    expect(kept.reduce((n, e) => n + e.content.length, 0)).toBeLessThanOrEqual(1000);
    expect(kept[kept.length - 1]).toBe(long[39]);
    expect(recentTranscript([{ role: 'narrator', content: 'x'.repeat(5000) }], { maxMessages: 5, maxChars: 100 })[0]!.content).toHaveLength(100);
  });
});

describe('world-state messages', () => {
  it('asks for exactly the WorldState fields and includes the reply and action', () => {
    const messages = buildWorldStateMessages({ systemPrompt: 'WS PROMPT', scenario, state, transcript: [], action: 'light the lamp', reply: 'The lamp blazed.' });
    expect(messages[0]).toEqual({ role: 'system', content: 'WS PROMPT' });
    const ask = messages[messages.length - 1]!.content;
    expect(ask).toContain('light the lamp');
    expect(ask).toContain('The lamp blazed.');
    expect(ask).toContain('worldState, currentLocation, characters, timeline, act, chapter, turnCount');
    expect(ask).toContain('The turnCount is 1');
  });
});

describe('briefs for the builtin planner', () => {
  it('carries the scenario inputs into the opening brief', () => {
    expect(buildOpeningBrief(scenario)).toEqual({
      task: 'game.opening',
      scenarioName: 'The Keeper of the Light',
      setting: scenario.setting,
      playerName: 'Mara',
      playerRole: "a lighthouse keeper's apprentice",
      location: 'the Old Lighthouse',
      tone: 'mysterious',
      characters: ['Mara'],
    });
  });

  it('takes the location, characters, turn and recent events from the state', () => {
    const later = { ...state, currentLocation: 'the lamp room', turnCount: 4, timeline: [1, 2, 3, 4].map((turn) => ({ turn, event: `event ${turn}` })) };
    expect(buildTurnBrief(scenario, later, '  open the hatch ')).toMatchObject({
      task: 'game.turn',
      location: 'the lamp room',
      action: 'open the hatch',
      turn: 5,
      characters: later.characters.map((c) => c.name),
      recentEvents: ['event 2', 'event 3', 'event 4'],
    });
  });
});
