import type { WorldState } from '@storyos/contracts';
import type { GameScenario } from './game-scenario';

/** The scenario as the model reads it. */
export function describeScenario(scenario: GameScenario): string {
  return [
    `Scenario: ${scenario.name}`,
    `Description: ${scenario.description}`,
    `Setting: ${scenario.setting}`,
    `Narrator behaviour: ${scenario.narratorBehavior}`,
    `Player character: ${scenario.playerName}, ${scenario.playerRole}`,
    `Starting location: ${scenario.initialLocation}`,
    `Tone: ${scenario.tone}`,
    `Content rating: ${scenario.contentRating}`,
  ].join('\n');
}

/** The world state as compact JSON: exact for the model, and the shape the world-state reply must keep. */
export function describeWorldState(state: WorldState): string {
  return `Current world state:\n${JSON.stringify(state)}`;
}
