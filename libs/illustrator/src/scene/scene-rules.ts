import type { Mood, Setting, TimeOfDay, Weather } from './scene';
import type { WordRule } from './word-rules';

/** The setting is the place the text names most; a meadow when it names none. */
export const SETTING_RULES: readonly WordRule<Setting>[] = [
  { value: 'space', reason: 'Ships between stars and planets are drawn among them.', words: ['space', 'spaceship', 'starship', 'planet', 'orbit', 'galaxy', 'nebula', 'asteroid', 'astronaut', 'rocket', 'space station', 'cosmos', 'spacecraft'] },
  { value: 'sea', reason: 'Ships, waves and shores put the horizon over water.', words: ['sea', 'ocean', 'wave', 'ship', 'sail', 'harbour', 'harbor', 'shore', 'beach', 'island', 'pirate', 'deck', 'boat', 'tide', 'lighthouse', 'coast'] },
  { value: 'castle', reason: 'Towers, kings and throne rooms belong to a castle on its hill.', words: ['castle', 'tower', 'throne', 'king', 'queen', 'palace', 'battlement', 'drawbridge', 'keep', 'knight', 'kingdom', 'fortress', 'moat'] },
  { value: 'city', reason: 'Streets and buildings make a skyline.', words: ['city', 'street', 'building', 'skyscraper', 'alley', 'traffic', 'apartment', 'subway', 'downtown', 'neon', 'rooftop', 'avenue', 'metropolis', 'office'] },
  { value: 'village', reason: 'Cottages, inns and markets make a village street.', words: ['village', 'cottage', 'inn', 'tavern', 'market', 'farm', 'barn', 'hamlet', 'well', 'bakery', 'mill', 'square', 'town'] },
  { value: 'forest', reason: 'Trees and woods fill the plate with trunks and canopies.', words: ['forest', 'wood', 'woods', 'tree', 'grove', 'pine', 'oak', 'clearing', 'thicket', 'woodland', 'jungle', 'branch', 'moss'] },
  { value: 'mountains', reason: 'Peaks and passes stand against the sky.', words: ['mountain', 'peak', 'summit', 'cliff', 'ridge', 'valley', 'pass', 'climb', 'slope', 'crag', 'alps'] },
  { value: 'cave', reason: 'Caves, tunnels and mines close the plate in rock.', words: ['cave', 'cavern', 'tunnel', 'mine', 'underground', 'grotto', 'crystal', 'stalactite', 'lair', 'den', 'dungeon'] },
  { value: 'desert', reason: 'Sand, dunes and oases lie under a wide sky.', words: ['desert', 'dune', 'sand', 'oasis', 'camel', 'pyramid', 'cactus', 'sahara', 'caravan', 'mirage'] },
  { value: 'snow', reason: 'Ice and snow fields are drawn white and blue.', words: ['snow', 'ice', 'glacier', 'frozen', 'tundra', 'igloo', 'blizzard', 'arctic', 'polar', 'frost', 'winter'] },
  { value: 'swamp', reason: 'Bogs and marshes have still water and reeds.', words: ['swamp', 'marsh', 'bog', 'bayou', 'fen', 'reed', 'mire', 'frog', 'lily pad'] },
  { value: 'meadow', reason: 'Fields and gardens are open grass under the sky.', words: ['meadow', 'field', 'garden', 'hill', 'grass', 'flower', 'picnic', 'orchard', 'pasture', 'park'] },
];

export const TIME_RULES: readonly WordRule<TimeOfDay>[] = [
  { value: 'night', reason: 'Moon, stars and darkness mean night.', words: ['night', 'midnight', 'moon', 'moonlight', 'star', 'dark', 'darkness', 'lantern', 'candle', 'torch', 'asleep', 'nightfall'] },
  { value: 'dusk', reason: 'Sunset and evening light.', words: ['dusk', 'sunset', 'evening', 'twilight', 'nightfall', 'setting sun', 'gloaming'] },
  { value: 'dawn', reason: 'Sunrise and first light.', words: ['dawn', 'sunrise', 'morning', 'daybreak', 'first light', 'early'] },
  { value: 'day', reason: 'Sunlight and noon.', words: ['day', 'noon', 'sun', 'sunlight', 'sunny', 'afternoon', 'bright', 'midday'] },
];

export const MOOD_RULES: readonly WordRule<Mood>[] = [
  { value: 'tense', reason: 'Danger and fear call for hard contrast and a red-tinged light.', words: ['danger', 'fear', 'afraid', 'scream', 'battle', 'fight', 'attack', 'chase', 'run', 'monster', 'blood', 'threat', 'sword', 'fire', 'flee', 'trap', 'storm'] },
  { value: 'mysterious', reason: 'Secrets and strangeness call for cool, veiled colours.', words: ['mystery', 'mysterious', 'secret', 'strange', 'whisper', 'shadow', 'ghost', 'magic', 'spell', 'hidden', 'unknown', 'ancient', 'riddle', 'glow', 'fog', 'mist'] },
  { value: 'sad', reason: 'Loss and tears call for muted, grey-blue colours.', words: ['sad', 'sorrow', 'cry', 'tears', 'wept', 'lonely', 'alone', 'lost', 'grief', 'goodbye', 'miss', 'gloom'] },
  { value: 'joyful', reason: 'Laughter and celebration call for warm, saturated colours.', words: ['happy', 'joy', 'laugh', 'smile', 'celebrate', 'party', 'dance', 'sing', 'sang', 'cheer', 'delight', 'fun', 'play', 'friend', 'festival', 'giggle'] },
  { value: 'calm', reason: 'Quiet and rest call for soft, even colours.', words: ['calm', 'quiet', 'peace', 'gentle', 'rest', 'soft', 'still', 'slow', 'breeze', 'warm'] },
];

export const WEATHER_RULES: readonly WordRule<Weather>[] = [
  { value: 'storm', reason: 'Thunder and lightning are drawn as a storm.', words: ['storm', 'thunder', 'lightning', 'tempest', 'gale', 'hurricane'] },
  { value: 'rain', reason: 'Rain falls in slanted strokes.', words: ['rain', 'raining', 'drizzle', 'downpour', 'rainy', 'puddle'] },
  { value: 'snow', reason: 'Falling snow is drawn as flakes.', words: ['snowing', 'snowflake', 'snowfall', 'blizzard', 'flurry'] },
  { value: 'fog', reason: 'Fog and mist veil the far layers.', words: ['fog', 'mist', 'misty', 'foggy', 'haze', 'murk'] },
];
