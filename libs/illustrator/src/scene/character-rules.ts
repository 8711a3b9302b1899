import type { FigureKind, Headwear } from './scene';

/** Common nouns that put a figure in the scene even when it has no name, and how to draw it. */
export interface FigureRule {
  words: readonly string[];
  kind: FigureKind;
  headwear: Headwear;
  scale: number;
  reason: string;
}

export const FIGURE_RULES: readonly FigureRule[] = [
  { words: ['king', 'queen', 'prince', 'princess', 'emperor', 'empress'], kind: 'person', headwear: 'crown', scale: 1, reason: 'Royalty wear crowns.' },
  { words: ['wizard', 'witch', 'mage', 'sorcerer', 'sorceress', 'magician', 'enchantress'], kind: 'person', headwear: 'pointed-hat', scale: 1.05, reason: 'Magic folk wear pointed hats.' },
  { words: ['knight', 'soldier', 'guard', 'warrior', 'astronaut', 'captain'], kind: 'person', headwear: 'helmet', scale: 1.05, reason: 'Knights, guards and astronauts wear helmets.' },
  { words: ['thief', 'stranger', 'monk', 'traveller', 'traveler', 'hunter', 'ranger', 'pilgrim'], kind: 'person', headwear: 'hood', scale: 1, reason: 'Wanderers and thieves go hooded.' },
  { words: ['boy', 'girl', 'child', 'kid', 'sailor', 'farmer', 'baker', 'pirate'], kind: 'person', headwear: 'cap', scale: 0.85, reason: 'Children and working folk wear caps.' },
  { words: ['fox', 'wolf', 'dog', 'cat', 'bear', 'rabbit', 'mouse', 'horse', 'deer', 'badger', 'lion', 'tiger', 'puppy', 'kitten', 'hedgehog', 'squirrel'], kind: 'beast', headwear: 'none', scale: 0.9, reason: 'Four-legged animals are drawn on all fours.' },
  { words: ['owl', 'bird', 'raven', 'crow', 'eagle', 'parrot', 'sparrow', 'robin', 'hawk', 'dove', 'gull'], kind: 'bird', headwear: 'none', scale: 0.8, reason: 'Birds are drawn with wings.' },
  { words: ['dragon', 'wyvern', 'serpent'], kind: 'dragon', headwear: 'none', scale: 1.15, reason: 'Dragons have wings, a tail and a long neck.' },
  { words: ['robot', 'android', 'droid', 'machine', 'automaton', 'golem'], kind: 'robot', headwear: 'none', scale: 1, reason: 'Robots are boxy.' },
];
