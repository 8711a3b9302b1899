import type { WorldState } from '@storyos/contracts';
import { truncate } from '../text/sentences';
import type { GameScenario } from './game-scenario';
import { describeCharacter } from './character-description';
import { findNames } from './names-in-text';

/** The state a new game starts from: the player, and anyone the scenario names. */
export function initialWorldState(scenario: GameScenario): WorldState {
  const player = { name: scenario.playerName.trim(), summary: truncate(`You: ${scenario.playerRole.trim().replace(/[.!?]+$/, '')}.`, 1000) };
  const source = `${scenario.setting}\n${scenario.description}`;
  const named = findNames(source, [scenario.playerName, scenario.initialLocation, scenario.name]).map((found) => ({
    name: truncate(found.name, 120),
    summary: describeCharacter(found.name, source) ?? truncate(found.sentence, 1000),
  }));
  return {
    worldState: truncate(`You are ${scenario.playerName.trim()}, ${scenario.playerRole.trim().replace(/[.!?]+$/, '')}, at ${scenario.initialLocation.trim()}. ${scenario.setting.trim()}`, 4000),
    currentLocation: truncate(scenario.initialLocation.trim(), 200),
    characters: [player, ...named].slice(0, 50),
    present: [],
    timeline: [],
    act: 1,
    chapter: 1,
    turnCount: 0,
  };
}
