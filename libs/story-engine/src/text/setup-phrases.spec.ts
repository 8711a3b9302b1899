import { foldSetting, plotElementPhrase } from './setup-phrases';

describe('plot elements folded into a sentence', () => {
  it.each([
    ['A stolen golden scarab', 'a stolen golden scarab'],
    ['The curse of the pharaoh.', 'the curse of the pharaoh'],
    ['Betrayal by a friend', 'betrayal by a friend'],
    ['Lord Ashby’s will', 'Lord Ashby’s will'],
    ['NASA files', 'NASA files'],
    ['the curator is murdered', 'the news that the curator is murdered'],
  ])('%s → %s', (element, phrase) => {
    expect(plotElementPhrase(element)).toBe(phrase);
  });
});

describe('a setting folded into a sentence', () => {
  it('keeps a phrase as it is, with a lower-case article', () => {
    expect(foldSetting('A fog-bound seaside town in 1920')).toEqual({ phrase: 'a fog-bound seaside town in 1920', sentence: null, places: [] });
    expect(foldSetting('a quiet, rainy harbour town')).toEqual({ phrase: 'a quiet, rainy harbour town', sentence: null, places: [] });
  });

  it('turns a list into its first place and time, and keeps the other places for scenes', () => {
    expect(foldSetting('Cairo, 1920s; the museum, the souk, the Nile')).toEqual({ phrase: 'Cairo in the 1920s', sentence: null, places: ['the museum', 'the souk', 'the Nile'] });
    expect(foldSetting('Victorian London; foggy docks; a locked library')).toEqual({ phrase: 'Victorian London', sentence: null, places: ['foggy docks', 'a locked library'] });
  });

  it('keeps prose as its first sentence', () => {
    expect(foldSetting('The year is 2300. Cities float above the drowned coast.')).toEqual({ phrase: null, sentence: 'The year is 2300.', places: [] });
  });
});
