/** Where a scene takes place, each drawn by its own backdrop. */
export type Setting = 'forest' | 'city' | 'sea' | 'desert' | 'castle' | 'space' | 'village' | 'mountains' | 'cave' | 'snow' | 'swamp' | 'meadow';
export type TimeOfDay = 'dawn' | 'day' | 'dusk' | 'night';
export type Mood = 'calm' | 'joyful' | 'mysterious' | 'tense' | 'sad';
export type Weather = 'clear' | 'rain' | 'snow' | 'fog' | 'storm';

/** How a figure is drawn. */
export type FigureKind = 'person' | 'beast' | 'bird' | 'dragon' | 'robot';
/** What a person wears on their head, which says who they are at a glance. */
export type Headwear = 'none' | 'crown' | 'pointed-hat' | 'helmet' | 'hood' | 'cap';

export interface SceneCharacter {
  name: string;
  kind: FigureKind;
  headwear: Headwear;
  /** 0–359: the colour of their clothes or coat, from the name, so a character keeps it from plate to plate. */
  hue: number;
  /** 0.8–1.15: children and small animals are smaller. */
  scale: number;
}

/** Everything the plate shows, read from the scene's text. */
export interface SceneDescription {
  setting: Setting;
  timeOfDay: TimeOfDay;
  mood: Mood;
  weather: Weather;
  characters: SceneCharacter[];
  caption: string;
  /** Varies the placement of trees, stars, windows… for the same kind of scene. */
  seed: number;
}
