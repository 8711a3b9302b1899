import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import type { PromptCard } from './story-cards';
import type { StoryBrief } from '../generation/text-provider';
import type { GameScenario } from './game-scenario';

/** What the builtin planner needs for the opening scene. */
export function buildOpeningBrief(scenario: GameScenario, state?: WorldState, variant = 0): StoryBrief {
  return {
    task: 'game.opening',
    scenarioName: scenario.name,
    setting: scenario.setting,
    playerName: scenario.playerName,
    playerRole: scenario.playerRole,
    location: state?.currentLocation || scenario.initialLocation,
    tone: scenario.tone,
    characters: state ? state.characters.map((c) => c.name) : [scenario.playerName],
    ...(variant > 0 && { variant }),
  };
}

export interface TurnBriefOptions {
  mode?: PlayerTurnMode;
  variant?: number;
  cards?: readonly PromptCard[];
}

/** What the builtin planner needs for a turn: where the story is now and who is in it. */
export function buildTurnBrief(scenario: GameScenario, state: WorldState, action: string, options: TurnBriefOptions = {}): StoryBrief {
  return {
    task: 'game.turn',
    scenarioName: scenario.name,
    setting: scenario.setting,
    playerName: scenario.playerName,
    playerRole: scenario.playerRole,
    location: state.currentLocation || scenario.initialLocation,
    tone: scenario.tone,
    action: action.trim(),
    characters: state.characters.map((c) => c.name),
    turn: state.turnCount + 1,
    recentEvents: state.timeline.slice(-3).map((t) => t.event),
    ...(state.present?.length && { present: state.present }),
    ...(options.mode && options.mode !== 'do' && { mode: options.mode }),
    ...(options.variant && { variant: options.variant }),
    ...(options.cards?.length && { cards: options.cards.map(({ kind, title, keywords, content }) => ({ kind, title, keywords: [...keywords], content })) }),
  };
}
