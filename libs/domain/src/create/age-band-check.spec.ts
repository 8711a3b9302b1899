import { checkAgeBand, syllables } from './age-band-check';

describe('keeping a story within its age band', () => {
  it('passes a short, gentle picture-book scene for the youngest', () => {
    const text = 'This is Pip. Pip is a little dragon. Pip wants to swim. Splash! Pip is wet and happy. The end.';
    expect(checkAgeBand(text, '0-3')).toEqual({ ok: true, problems: [] });
  });

  type Case = [description: string, text: string, band: Parameters<typeof checkAgeBand>[1], problem: RegExp];
  const refused: Case[] = [
    ['violence, by stem', 'The knight killed the wolf.', '4-6', /violence: “killed”/],
    ['weapons', 'She picked up a sword and a knife.', '7-9', /weapons: “sword”, “knife”/],
    ['death', 'The old fish died in the pond.', '0-3', /death: “died”/],
    ['gore, even for ten-year-olds', 'There was blood everywhere.', '10-12', /blood or gore: “blood”/],
    ['frightening words', 'A terrifying monster screamed.', '4-6', /frightening words: “terrifying”, “monster”, “screamed”/],
    ['swearing below adult', 'What the hell is that, he said.', 'teen', /swearing: “hell”/],
    ['sexual content below adult', 'They were naked on the beach.', 'teen', /sexual content/],
    ['long sentences for the youngest', 'The little dragon walked all the way down to the edge of the big blue lake and looked at the water for a long time.', '0-3', /Sentences too long for ages 0 to 3 \(at most 12 words\)/],
    ['many long words for young readers', 'Extraordinary, unbelievable, incredible, magnificent adventures happened.', '4-6', /Too many long words for ages 4 to 6: “extraordinary”, “unbelievable”/],
  ];
  it.each(refused)('refuses %s, in plain words', (_name, text, band, problem) => {
    const check = checkAgeBand(text, band);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(problem);
  });

  type Allowed = [description: string, text: string, band: Parameters<typeof checkAgeBand>[1]];
  const allowed: Allowed[] = [
    ['a shooting star and a pillow fight', 'They saw a shooting star. Then they had a pillow fight.', '4-6'],
    ['words that only contain a stem-like part (skill, warm, stable)', 'Pip had great skill. The warm stable was cozy.', '4-6'],
    ['being a little scared or worried', 'Pip was a little scared of the water. Pip felt worried.', '4-6'],
    ['a sword fight for teenagers', 'The knight drew his sword and the battle began.', 'teen'],
    ['anything for adults', 'The soldier was killed in the war, and there was blood on the snow.', 'adult'],
    ['long sentences for teenagers', 'The long and winding road led them through the valley where the river bent twice before it reached the old stone bridge that nobody crossed any more.', 'teen'],
  ];
  it.each(allowed)('allows %s', (_name, text, band) => {
    expect(checkAgeBand(text, band)).toEqual({ ok: true, problems: [] });
  });

  it('does not count names as long words', () => {
    expect(checkAgeBand('Hello Alexandria. Hi Maximilian. Bye Anastasia.', '0-3').ok).toBe(true);
  });

  it('estimates syllables near enough to tell short words from long ones', () => {
    expect(syllables('cat')).toBe(1);
    expect(syllables('dragon')).toBe(2);
    expect(syllables('elephant')).toBe(3);
    expect(syllables('extraordinary')).toBeGreaterThanOrEqual(5);
  });
});
