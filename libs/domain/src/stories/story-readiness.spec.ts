import { chapterHeadings, nextChapterIndex, splitChapters } from './story-chapters';
import { mysterySetup, threeChapters } from './story-fixtures.spec-helper';
import { storyPhaseReadiness } from './story-readiness';

const written = (n: number) => threeChapters.chapters.slice(0, n).map((c) => `## ${c.title}\n\nText of ${c.title}.`).join('\n\n');

describe('which chapter a continue writes', () => {
  it('counts the ## headings already written', () => {
    expect(nextChapterIndex(threeChapters, '')).toBe(0);
    expect(nextChapterIndex(threeChapters, written(1))).toBe(1);
    expect(nextChapterIndex(threeChapters, written(2))).toBe(2);
  });

  it('offers one epilogue after the last chapter, then nothing', () => {
    expect(nextChapterIndex(threeChapters, written(3))).toBe(3);
    expect(nextChapterIndex(threeChapters, `${written(3)}\n\n## Epilogue\n\nAfter.`)).toBeNull();
    expect(nextChapterIndex(threeChapters, written(3), { epilogue: false })).toBeNull();
  });

  it('does not count deeper headings or the title', () => {
    expect(chapterHeadings('# Title\n\n## One\n\n### A scene\n\n## Two ##')).toEqual(['One', 'Two']);
    expect(splitChapters('Preface.\n\n## One\nBody one.\n## Two\nBody two.')).toEqual([
      { title: null, body: 'Preface.' },
      { title: 'One', body: 'Body one.' },
      { title: 'Two', body: 'Body two.' },
    ]);
  });
});

describe('which Writer phases are reachable', () => {
  const none = { setup: null, premise: null, outline: null, storyText: null };

  it('needs a valid setup for everything', () => {
    const r = storyPhaseReadiness(none);
    expect(r.premise).toMatchObject({ ready: false, blocker: 'invalid-setup' });
    expect(r.outline).toMatchObject({ ready: false, blocker: 'invalid-setup' });
    expect(storyPhaseReadiness({ ...none, setup: { ...mysterySetup, characters: '' } }).premise.ready).toBe(false);
    expect(r.furthest).toBe('setup');
  });

  it('opens premise → outline → start → continue in order, each refusal saying what is missing', () => {
    let r = storyPhaseReadiness({ ...none, setup: mysterySetup });
    expect(r.premise.ready).toBe(true);
    expect(r.outline).toMatchObject({ ready: false, blocker: 'missing-premise', message: expect.stringMatching(/premise/) });
    r = storyPhaseReadiness({ ...none, setup: mysterySetup, premise: '  ' });
    expect(r.outline.ready).toBe(false);
    r = storyPhaseReadiness({ ...none, setup: mysterySetup, premise: 'Ada finds a telegram.' });
    expect(r.outline.ready).toBe(true);
    expect(r.start).toMatchObject({ ready: false, blocker: 'missing-outline' });
    expect(r.furthest).toBe('premise');
    r = storyPhaseReadiness({ setup: mysterySetup, premise: 'P', outline: threeChapters, storyText: null });
    expect(r.start.ready).toBe(true);
    expect(r.continue).toMatchObject({ ready: false, blocker: 'not-started' });
    expect(r.export).toMatchObject({ ready: false, blocker: 'empty-story' });
    expect(r.furthest).toBe('outline');
    r = storyPhaseReadiness({ setup: mysterySetup, premise: 'P', outline: threeChapters, storyText: written(1) });
    expect(r.continue.ready).toBe(true);
    expect(r.export.ready).toBe(true);
    expect(r.nextChapterIndex).toBe(1);
    expect(r.furthest).toBe('writing');
  });

  it('refuses to continue a finished story', () => {
    const r = storyPhaseReadiness({ setup: mysterySetup, premise: 'P', outline: threeChapters, storyText: `${written(3)}\n\n## Epilogue\n\nAfter.` });
    expect(r.continue).toMatchObject({ ready: false, blocker: 'story-complete' });
    expect(r.start.ready).toBe(true);
  });
});
