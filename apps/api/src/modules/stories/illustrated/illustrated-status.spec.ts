import { sceneStatus, storyProgress } from './illustrated-status';

describe('a scene’s status from its text, picture and narration', () => {
  it.each([
    [['PENDING', 'PENDING', 'PENDING'], 'PENDING'],
    [['PROCESSING', 'PENDING', 'PENDING'], 'PROCESSING'],
    [['COMPLETED', 'PENDING', 'PENDING'], 'PROCESSING'],
    [['COMPLETED', 'COMPLETED', 'PROCESSING'], 'PROCESSING'],
    [['COMPLETED', 'COMPLETED', 'COMPLETED'], 'COMPLETED'],
    [['COMPLETED', 'FAILED', 'COMPLETED'], 'FAILED'],
    [['COMPLETED', 'FAILED', 'PROCESSING'], 'FAILED'],
  ] as const)('%j reads %s', (assets, expected) => {
    expect(sceneStatus(assets)).toBe(expected);
  });
});

describe('a story’s progress', () => {
  it('is the share of parts made, rounded down, so it reaches 100 only when all are made', () => {
    expect(storyProgress([])).toBe(0);
    expect(storyProgress(['COMPLETED', 'PENDING', 'PENDING'])).toBe(33);
    expect(storyProgress(['COMPLETED', 'COMPLETED', 'FAILED'])).toBe(66);
    expect(storyProgress(['COMPLETED', 'COMPLETED', 'COMPLETED'])).toBe(100);
  });

  it('does not count a failed or running part as made', () => {
    expect(storyProgress(['FAILED', 'PROCESSING'])).toBe(0);
  });
});
