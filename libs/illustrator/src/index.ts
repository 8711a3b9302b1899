export type { FigureKind, Headwear, Mood, SceneCharacter, SceneDescription, Setting, TimeOfDay, Weather } from './scene/scene';
export { composeScene } from './scene/compose-scene';
export { SETTING_RULES, TIME_RULES, MOOD_RULES, WEATHER_RULES } from './scene/scene-rules';
export { FIGURE_RULES } from './scene/character-rules';
export { drawPlate, CAPTION_FONT } from './draw/draw-plate';
export { SAMPLE_SCENES } from './samples/sample-scenes';
