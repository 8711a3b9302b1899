import { WorldStateSchema, type PlayerTurnMode, type WorldState } from '@storyos/contracts';
import { deriveWorldState } from './derive-world-state';
import cases from './fixtures/world-state-cases.json';
import scenarios from './fixtures/scenarios.json';
import type { GameScenario } from './game-scenario';
import { initialWorldState } from './initial-world-state';

/**
 * The world panel, checked against what a reader of each turn would write
 * down: where you are, who is with you, one description per character, and
 * a timeline told to you. Each case starts a scenario fresh and plays its
 * steps (the opening, then turns) through the rules.
 */
interface Expectation {
  location?: string;
  present?: string[];
  event?: string;
  /** Characters this step adds, each with its description (exactly, or a part of it). */
  newCharacters?: Record<string, { equals?: string; includes?: string }>;
  notCharacters?: string[];
}
interface Step {
  turn: number;
  action?: string;
  mode?: PlayerTurnMode;
  reply: string;
  expect: Expectation;
}
interface Case {
  name: string;
  scenario: keyof typeof scenarios;
  start?: { characters: Record<string, string> };
  steps: Step[];
}

const NO_NARRATOR_WORDS: ReadonlySet<string> = new Set();
const names = (state: WorldState) => state.characters.map((c) => c.name);

/** What every state must be, whatever the turn: worded for the player, one description each. */
function expectWellFormed(state: WorldState, playerName: string): void {
  expect(WorldStateSchema.safeParse(state).success).toBe(true);
  expect(state.worldState).not.toMatch(/\bthe player\b/i);
  expect(state.worldState).toMatch(/\bYou are\b/);
  for (const event of state.timeline) expect(event.event).not.toMatch(/\bthe player\b/i);
  const summaries = state.characters.map((c) => c.summary);
  expect(summaries.every((summary) => summary.trim().length > 0)).toBe(true);
  expect(new Set(summaries).size).toBe(summaries.length);
  expect(new Set(names(state)).size).toBe(state.characters.length);
  for (const name of state.present) expect(names(state)).toContain(name);
  expect(state.present).not.toContain(playerName);
}

describe('the world panel after each opening and reply', () => {
  const all = cases as Case[];

  it('has at least twenty openings and replies to check', () => {
    expect(all.flatMap((c) => c.steps).length).toBeGreaterThanOrEqual(20);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    const scenario = scenarios[fixture.scenario] as GameScenario;
    let state = initialWorldState(scenario);
    expectWellFormed(state, scenario.playerName);
    if (fixture.start) {
      expect(Object.fromEntries(state.characters.map((c) => [c.name, c.summary]))).toEqual(fixture.start.characters);
    }
    for (const step of fixture.steps) {
      const before = state;
      state = deriveWorldState(before, { action: step.action ?? '', mode: step.mode ?? 'do', reply: step.reply, turn: step.turn, playerName: scenario.playerName }, NO_NARRATOR_WORDS);
      const where = `turn ${step.turn}`;
      expectWellFormed(state, scenario.playerName);
      const { expect: wanted } = step;
      if (wanted.location !== undefined) expect({ where, location: state.currentLocation }).toEqual({ where, location: wanted.location });
      if (wanted.present !== undefined) expect({ where, present: [...state.present].sort() }).toEqual({ where, present: [...wanted.present].sort() });
      if (step.turn === 0) {
        expect(state.timeline).toEqual(before.timeline);
        expect(state.turnCount).toBe(0);
      } else {
        expect(state.timeline.at(-1)).toEqual({ turn: step.turn, event: wanted.event ?? expect.any(String) });
        expect(state.timeline.at(-1)!.event).toMatch(/^(?:You |The story went on\.|[A-Z])/);
      }
      if (wanted.newCharacters !== undefined) {
        const added = state.characters.slice(before.characters.length);
        expect(added.map((c) => c.name).sort()).toEqual(Object.keys(wanted.newCharacters).sort());
        for (const character of added) {
          const description = wanted.newCharacters[character.name]!;
          if (description.equals !== undefined) expect(character.summary).toBe(description.equals);
          if (description.includes !== undefined) expect(character.summary).toContain(description.includes);
        }
      }
      for (const name of wanted.notCharacters ?? []) expect(names(state)).not.toContain(name);
    }
  });
});
