import { initialWorldState } from '@storyos/domain';
import type { ScenarioEntity } from '../scenarios/scenario.entity';
import { InitialStates } from './initial-states';

const scenario = (id: string, version: number, setting: string): ScenarioEntity =>
  ({
    id,
    version,
    name: 'The Lighthouse',
    description: 'Mara Voss keeps the lamp; Old Tobin rows the supply boat.',
    setting,
    playerName: 'Ada',
    playerRole: 'the new keeper',
    initialLocation: 'the lamp room',
  }) as ScenarioEntity;

describe('the world a new game starts from, per scenario version', () => {
  it('is what the domain works out for that version', () => {
    const first = scenario('s-1', 1, 'A storm circles the rock.');
    expect(new InitialStates().of(first)).toEqual(initialWorldState(first));
  });

  it('is worked out again when the scenario is edited (a new version), not served from before', () => {
    const states = new InitialStates();
    const before = states.of(scenario('s-1', 1, 'A storm circles the rock.'));
    const edited = scenario('s-1', 2, 'Fog has settled over the harbour where Captain Reyes waits.');

    expect(states.of(edited)).toEqual(initialWorldState(edited));
    expect(states.of(edited)).not.toEqual(before);
  });

  it('keeps each scenario apart', () => {
    const states = new InitialStates();
    const one = scenario('s-1', 1, 'A storm circles the rock.');
    const two = { ...scenario('s-2', 1, 'A market town at noon.'), playerName: 'Bram' } as ScenarioEntity;
    states.of(one);

    expect(states.of(two)).toEqual(initialWorldState(two));
  });
});
