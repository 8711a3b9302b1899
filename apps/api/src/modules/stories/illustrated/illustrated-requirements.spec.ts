import { directRequirements } from './illustrated-requirements';

describe('the requirements of a direct create (the seed’s mobile client)', () => {
  it('takes the prompt as the plot, the fields given, what the rules read, and the defaults', () => {
    const requirements = directRequirements({ title: 'Pip Learns to Swim', prompt: 'A shy dragon called Pip learns to swim in the pond', style: 'fantasy', sceneCount: 4 });
    expect(requirements).toMatchObject({ title: 'Pip Learns to Swim', plot: 'A shy dragon called Pip learns to swim in the pond', style: 'fantasy', sceneCount: 4, ageBand: '7-9' });
    expect(requirements.characters.length).toBeGreaterThan(0);
    expect(requirements.tone).not.toBeNull();
    expect(requirements.setting).not.toBeNull();
  });

  it('keeps the age band asked for, and three scenes unless told', () => {
    expect(directRequirements({ prompt: 'A bunny finds a friend', ageBand: '0-3' })).toMatchObject({ ageBand: '0-3', sceneCount: 3 });
  });
});
