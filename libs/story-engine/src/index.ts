export { BuiltinStoryEngine, type BuiltinStoryEngineOptions } from './builtin-engine';
export { GAME_NARRATOR_WORDS } from './planner/tone-lexicon';
export type { YieldToEventLoop } from './scheduler';
