export { BuiltinStoryEngine, type BuiltinStoryEngineOptions } from './builtin-engine';
export { GAME_NARRATOR_WORDS } from './lexicon/lexicons';
export type { YieldToEventLoop } from './scheduler';
