import { jobStageLabel, words } from './labels';

describe('plain words for a whole-story job', () => {
  it.each([
    ['premise', 'Writing the premise'],
    ['outline', 'Making the outline'],
    ['chapter 2 of 5', 'Writing chapter 2 of 5'],
    ['Chapter 3 of 4', 'Writing chapter 3 of 4'],
    ['finishing', 'Finishing'],
    ['', 'Getting ready'],
    ['polishing', 'Polishing'],
  ])('names the stage %p as %p', (stage, label) => {
    expect(jobStageLabel(stage)).toBe(label);
  });

  it('counts words the way people read them', () => {
    expect(words(1)).toBe('1 word');
    expect(words(1234)).toBe('1,234 words');
  });
});
