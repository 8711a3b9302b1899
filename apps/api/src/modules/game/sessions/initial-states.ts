import type { WorldState } from '@storyos/contracts';
import { initialWorldState } from '@storyos/domain';
import type { ScenarioEntity } from '../scenarios/scenario.entity';

/** Scenario versions kept; past it the oldest goes first. */
const KEPT = 500;

/**
 * The world a new game of a scenario starts from, worked out once per
 * scenario version in each process rather than on every opening: it reads
 * the scenario's whole setting and description, and a game's first words
 * wait for it. Every edit of a scenario raises its version, so a kept state
 * is never stale. Callers store the state, never change it.
 */
export class InitialStates {
  private readonly byVersion = new Map<string, WorldState>();

  of(scenario: ScenarioEntity): WorldState {
    const key = `${scenario.id}:${scenario.version}`;
    let state = this.byVersion.get(key);
    if (!state) {
      state = initialWorldState(scenario);
      if (this.byVersion.size >= KEPT) this.byVersion.delete(this.byVersion.keys().next().value!);
      this.byVersion.set(key, state);
    }
    return state;
  }
}
