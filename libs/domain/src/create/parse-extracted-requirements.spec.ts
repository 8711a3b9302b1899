import { EMPTY_STORY_REQUIREMENTS } from '@storyos/contracts';
import { parseExtractedRequirements } from './parse-extracted-requirements';

const current = { ...EMPTY_STORY_REQUIREMENTS, ageBand: '4-6' as const };

describe('reading a model’s requirements reply', () => {
  it('reads JSON in a code fence with prose after it', () => {
    const raw = 'Here you go:\n```json\n{"ageBand":"7-9","characters":[{"name":"Pip","description":"a shy dragon"}],"sceneCount":4}\n```\nLet me know!';
    expect(parseExtractedRequirements(raw, current)).toEqual({ ...current, ageBand: '7-9', characters: [{ name: 'Pip', description: 'a shy dragon' }], sceneCount: 4 });
  });

  it('keeps what the model left out and turns "unknown" into null', () => {
    expect(parseExtractedRequirements('{"plot":"Pip learns to swim.","setting":"unknown"}', current)).toEqual({ ...current, plot: 'Pip learns to swim.', setting: null });
  });

  it('refuses values outside the contract, prose, and objects about something else', () => {
    expect(parseExtractedRequirements('{"sceneCount": 50}', current)).toBeNull();
    expect(parseExtractedRequirements('{"style": "western"}', current)).toBeNull();
    expect(parseExtractedRequirements('I think it is for a 5 year old.', current)).toBeNull();
    expect(parseExtractedRequirements('{"answer": 42}', current)).toBeNull();
  });

  it('refuses fields the contract does not know', () => {
    expect(parseExtractedRequirements('{"ageBand":"4-6","favouriteColour":"blue"}', current)).toEqual(current);
  });
});
