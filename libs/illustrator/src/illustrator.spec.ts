import { composeScene, drawPlate, SAMPLE_SCENES } from './index';
import { FIGURE_RULES } from './scene/character-rules';
import { MOOD_RULES, SETTING_RULES, TIME_RULES, WEATHER_RULES } from './scene/scene-rules';

describe('reading a scene', () => {
  it('finds the setting the text names most, the light and the mood', () => {
    expect(composeScene({ prompt: 'At midnight the pirates sailed their ship across the dark sea, afraid of the storm.' })).toMatchObject({ setting: 'sea', timeOfDay: 'night', weather: 'storm' });
    expect(composeScene({ prompt: 'The children laughed and sang in the sunny village square.' })).toMatchObject({ setting: 'village', timeOfDay: 'day', mood: 'joyful' });
    expect(composeScene({ prompt: 'A whisper of magic drifted through the ancient cave.' })).toMatchObject({ setting: 'cave', mood: 'mysterious' });
  });

  it('falls back to a calm day in a meadow for text that names nothing', () => {
    expect(composeScene({ prompt: 'They talked for a while.' })).toMatchObject({ setting: 'meadow', timeOfDay: 'day', mood: 'calm', weather: 'clear', characters: [] });
  });

  it('puts named and unnamed characters in, drawn as what they are, at most four', () => {
    const scene = composeScene({ prompt: 'The queen met the wizard, a fox, an owl, a robot and a knight by the river.', characters: ['Queen Mira'] });
    expect(scene.characters.map((character) => [character.name, character.kind, character.headwear])).toEqual([
      ['Queen Mira', 'person', 'crown'],
      ['wizard', 'person', 'pointed-hat'],
      ['fox', 'beast', 'none'],
      ['owl', 'bird', 'none'],
    ]);
  });

  it('gives a character the same colours in every scene', () => {
    const first = composeScene({ prompt: 'Rusty ran.', characters: ['Rusty'] }).characters[0];
    const second = composeScene({ prompt: 'Later, in the city, Rusty slept.', characters: ['Rusty'] }).characters[0];
    expect(first?.hue).toBe(second?.hue);
  });

  it('captions with the first sentence, cut at a word with an ellipsis when long', () => {
    expect(composeScene({ prompt: 'The fox ran home. Then it slept.' }).caption).toBe('The fox ran home.');
    const long = composeScene({ prompt: `${'very '.repeat(40)}long sentence.` }).caption;
    expect(long.length).toBeLessThanOrEqual(111);
    expect(long.endsWith('very…')).toBe(true);
  });

  it('gives every rule a reason', () => {
    for (const rule of [...SETTING_RULES, ...TIME_RULES, ...MOOD_RULES, ...WEATHER_RULES, ...FIGURE_RULES]) {
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.words.length).toBeGreaterThan(0);
    }
  });
});

describe('drawing the plate', () => {
  it('draws every sample scene as well-formed SVG of the asked size, the same each time', () => {
    for (const request of SAMPLE_SCENES) {
      const svg = drawPlate(composeScene(request), { width: 1024, height: 768 });
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768"')).toBe(true);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      expect(drawPlate(composeScene(request), { width: 1024, height: 768 })).toBe(svg);
    }
  });

  it('covers every setting among the samples', () => {
    const settings = new Set(SAMPLE_SCENES.map((request) => composeScene(request).setting));
    expect([...settings].sort()).toEqual(SETTING_RULES.map((rule) => rule.value).sort());
  });

  it('escapes the caption, so scene text cannot inject markup', () => {
    const svg = drawPlate(composeScene({ prompt: 'The <script>alert(1)</script> & "friends" met.' }), { width: 800, height: 600 });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
