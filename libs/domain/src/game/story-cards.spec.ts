import { EstimatingTokenCounter } from '../generation/token-count';
import { cardScanText, chooseStoryCards, MAX_CARDS_PER_PROMPT, mentionsKeyword, storyCardLine, type PromptCard } from './story-cards';

const card = (id: string, keywords: string[], content = 'A fact.'): PromptCard => ({ id, kind: 'character', title: `Card ${id}`, keywords, content });
const counter = new EstimatingTokenCounter();

describe('story cards in the narrator’s prompt', () => {
  it('finds a keyword as a word or phrase, in any case, and not inside another word', () => {
    expect(mentionsKeyword('I ask MAREN about the tide.', 'Maren')).toBe(true);
    expect(mentionsKeyword("Maren's boat rocked.", 'maren')).toBe(true);
    expect(mentionsKeyword('Marenko waved.', 'Maren')).toBe(false);
    expect(mentionsKeyword('the old   lighthouse keeper', 'old lighthouse')).toBe(true);
    expect(mentionsKeyword('anything', '  ')).toBe(false);
  });

  it('looks at the player’s input and the newest messages only', () => {
    const transcript = ['the chapel', 'one', 'two', 'three', 'four'].map((content) => ({ role: 'narrator' as const, content }));
    const text = cardScanText(transcript, 'I wave to the boatman.');
    expect(mentionsKeyword(text, 'chapel')).toBe(false);
    expect(mentionsKeyword(text, 'four')).toBe(true);
    expect(mentionsKeyword(text, 'boatman')).toBe(true);
  });

  it('chooses the cards mentioned, most recently mentioned first', () => {
    const cards = [card('a', ['chapel']), card('b', ['boatman', 'Elias']), card('c', ['key'])];
    expect(chooseStoryCards(cards, 'The chapel bell rang. Later, Elias came.', null, counter).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('keeps within its share of the context, sending each card whole or not at all', () => {
    const long = card('long', ['key'], 'x '.repeat(400));
    const short = card('short', ['door'], 'Opens inward.');
    const budget = counter.count(storyCardLine(short)) + 5;
    expect(chooseStoryCards([long, short], 'the key and the door', budget, counter).map((c) => c.id)).toEqual(['short']);
    expect(chooseStoryCards([long, short], 'the key and the door', 0, counter)).toEqual([]);
  });

  it('sends at most a handful, however large the context', () => {
    const many = Array.from({ length: 20 }, (_, i) => card(String(i), ['lamp']));
    expect(chooseStoryCards(many, 'the lamp', null, counter)).toHaveLength(MAX_CARDS_PER_PROMPT);
  });
});
