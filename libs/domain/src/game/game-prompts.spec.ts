import type { GameScenario } from './game-scenario';
import { initialWorldState } from './initial-world-state';
import { assemble, fitPrompt } from '../generation/context-budget';
import { EstimatingTokenCounter } from '../generation/token-count';
import type { PromptPart } from '../generation/prompt-plan';
import { CONTINUE_ASK, narratorPromptParts } from './narrator-messages';
import { buildOpeningBrief, buildTurnBrief } from './story-briefs';
import { DEFAULT_SYSTEM_PROMPTS } from './system-prompts';
import { recentTranscript } from './transcript';
import { worldStatePromptParts } from './world-state-messages';

/** Every part sent: what a model with a large context receives. */
const allOf = (parts: PromptPart[]) => assemble(parts, parts.map(() => true));
const buildNarratorMessages = (input: Parameters<typeof narratorPromptParts>[0]) => allOf(narratorPromptParts(input));
const buildWorldStateMessages = (input: Parameters<typeof worldStatePromptParts>[0]) => allOf(worldStatePromptParts(input));

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
    for (const field of ['worldState', 'currentLocation', 'characters', 'event', 'act', 'chapter']) expect(DEFAULT_SYSTEM_PROMPTS['world-state']).toContain(`"${field}"`);
  });
});

describe('narrator messages', () => {
  it('puts the admin prompt, scenario and state in one system message, then the transcript as alternating turns, and the action last', () => {
    const messages = buildNarratorMessages({
      systemPrompt: 'ADMIN PROMPT v7',
      scenario,
      state,
      transcript: [
        { role: 'narrator', content: 'The fog rolled in.', turn: 0 },
        { role: 'player', content: 'light the lamp', turn: 1 },
        { role: 'narrator', content: 'The lamp flickered.', turn: 1 },
      ],
      action: 'climb the stairs',
    });
    expect(messages[0]!.role).toBe('system');
    expect(messages[0]!.content.startsWith('ADMIN PROMPT v7')).toBe(true);
    expect(messages[0]!.content).toContain('Slow, eerie, precise.');
    expect(messages[0]!.content).toContain('The player is at: the Old Lighthouse.');
    expect(messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(messages[2]!.content).toBe('The fog rolled in.');
    expect(messages[messages.length - 1]).toEqual({ role: 'user', content: expect.stringContaining('climb the stairs') });
  });

  it('asks for an opening scene when there is no action', () => {
    const messages = buildNarratorMessages({ systemPrompt: 'p', scenario, state, transcript: [] });
    expect(messages).toHaveLength(2);
    expect(messages[1]!.content).toMatch(/opening scene.*Mara/);
  });

  it('asks the narrator to go on from a reply the cap cut off', () => {
    const messages = buildNarratorMessages({ systemPrompt: 'p', scenario, state, transcript: [{ role: 'narrator', content: 'The fog rolled in.', turn: 0 }], action: 'wait', cutOff: 'You wait. The bell' });
    expect(messages.slice(-3)).toEqual([
      { role: 'user', content: expect.stringContaining('Player: wait') },
      { role: 'assistant', content: 'You wait. The bell' },
      { role: 'user', content: CONTINUE_ASK },
    ]);
  });

  it('leaves out a reply whose action fell out of the transcript, so the chat still starts with the user', () => {
    const messages = buildNarratorMessages({ systemPrompt: 'p', scenario, state, transcript: [{ role: 'narrator', content: 'Reply four.', turn: 4 }, { role: 'player', content: 'go on', turn: 5 }, { role: 'narrator', content: 'Reply five.', turn: 5 }], action: 'stop' });
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.stringify(messages)).not.toContain('Reply four.');
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
    expect(messages[0]!.content.startsWith('WS PROMPT')).toBe(true);
    const ask = messages[messages.length - 1]!.content;
    expect(ask).toContain('light the lamp');
    expect(ask).toContain('The lamp blazed.');
    for (const field of ['worldState', 'currentLocation', 'characters', 'event', 'act', 'chapter']) expect(ask).toContain(`"${field}"`);
  });

  it('lets the scenario yield to the turn in a small context once the world state carries it, but never at the opening', () => {
    const wordy = { ...scenario, setting: 'A storm-battered island where the lamp must never go out. '.repeat(40) };
    const reply = 'The lamp blazed and the gulls wheeled away. '.repeat(30);
    const counter = new EstimatingTokenCounter();
    const input = { systemPrompt: 'WS PROMPT', scenario: wordy, state, transcript: [], reply };
    const budget = (parts: PromptPart[]) => ({ contextTokens: counter.count(allOf(parts).map((m) => m.content).join('')) - 200, maxOutputTokens: 300, minOutputTokens: 64 });

    const turn = worldStatePromptParts({ ...input, action: 'light the lamp' });
    const fitted = fitPrompt(turn, budget(turn), counter);
    const sent = fitted.messages.map((message) => message.content).join('\n');
    expect(sent).not.toContain('must never go out');
    expect(sent).toContain('The lamp blazed');

    const opening = worldStatePromptParts(input);
    expect(() => fitPrompt(opening, budget(opening), counter)).toThrow('too little room for a reply');
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
