export * from './requirement-rules';
export * from './extract-requirements';
export * from './age-band-check';
export { describeAgeBand, type LanguageLimits } from './age-band-words';
export * from './agent-reply';
export * from './create-briefs';
export * from './create-prompts';
export * from './parse-extracted-requirements';
