import type { ImageRequest } from '@storyos/domain';

/**
 * Twenty scenes of every setting, light, mood and cast: what the illustrator
 * is judged by, in its tests and on the contact sheet in docs/illustrations.png.
 */
export const SAMPLE_SCENES: readonly ImageRequest[] = [
  { prompt: 'Deep in the forest at dawn, Mira the young ranger followed a fox named Rusty between the old pines.', characters: ['Mira', 'Rusty the fox'] },
  { prompt: 'The king and queen watched the castle towers glow at sunset as the festival began with songs and laughter.' },
  { prompt: 'Captain Hale stood on the sandy shore while a ship with white sails crossed the calm blue sea in the afternoon sun.', characters: ['Captain Hale'] },
  { prompt: 'At midnight the wizard climbed the mountain pass under the stars, his lantern swaying in the cold wind.' },
  { prompt: 'Two astronauts stepped onto the grey moon, a ringed planet hanging huge above them in the dark of space.', characters: ['Ada', 'Tomas'] },
  { prompt: 'Rain fell on the narrow city street at dusk; the girl and her robot hurried past the lit windows.', characters: ['June', 'the robot'] },
  { prompt: 'In the village square the baker and the farmer shared bread by the well on a sunny morning, laughing together.' },
  { prompt: 'Crystals glowed in the mysterious cave as the thief crept toward the secret hidden in the dark.' },
  { prompt: 'A caravan crossed the desert dunes at noon, a pyramid shimmering far away like a mirage.', characters: ['Yusuf', 'the camel'] },
  { prompt: 'Snow fell softly on the frozen hills; a small owl watched the boy build a snowman in the winter evening.', characters: ['Owl', 'Pip'] },
  { prompt: 'Fog drifted over the swamp, and something moved between the reeds while the hunter held his breath in fear.' },
  { prompt: 'The children ran across the flower meadow to the old oak tree, laughing in the bright summer sun.', characters: ['Lily', 'Sam', 'Rosa'] },
  { prompt: 'A storm broke over the sea; thunder rolled as the sailors fought the waves in the night.', characters: ['Bram', 'Odile'] },
  { prompt: 'The knight faced the dragon before the castle gate, sword raised, as fire lit the dusk.', characters: ['Sir Aldric the knight', 'the dragon'] },
  { prompt: 'Alone at the edge of the woods, the old woman wept quietly for the friend she had lost.', characters: ['Grandmother Elsie'] },
  { prompt: 'Under the full moon, the wolf and the rabbit walked together through the quiet forest, friends at last.' },
  { prompt: 'The princess and the wizard studied the ancient map on the mountain summit at first light.' },
  { prompt: 'The robot explorer rolled across the misty moor at dawn, whispering strange numbers to the ravens.', characters: ['Unit Seven the robot', 'a raven'] },
  { prompt: 'In the city at night, neon lights shone on the rooftop where the detective and the cat waited in silence.', characters: ['Detective Moss', 'the cat'] },
  { prompt: 'The harbour village woke slowly; fishermen mended nets as gulls cried over the calm morning sea.', characters: ['Old Tam', 'a gull'] },
];
