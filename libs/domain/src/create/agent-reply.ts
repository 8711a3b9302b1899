import type { StoryRequirements } from '@storyos/contracts';
import { describeAgeBand } from './age-band-words';
import { isReadyToCreate, nextAgentQuestions } from './requirement-rules';

/** What the "Make my story" button says; the agent's last reply points at it. */
export const MAKE_MY_STORY = 'Make my story';

/**
 * The builtin agent's reply: one short sentence on what it understood from
 * the last message, then the next one or two questions; once the required
 * fields are known it says so and invites "Make my story" (still offering
 * the next optional question).
 */
export function builtinAgentReply(before: StoryRequirements, after: StoryRequirements): string {
  const understood = describeChanges(before, after);
  const questions = nextAgentQuestions(after);
  const opening = understood ?? (sameRequirements(before, after) && !isEmpty(before) ? 'I didn’t catch anything new there.' : 'Let’s make a story together!');
  if (!isReadyToCreate(after)) return [opening, ...questions].join(' ');
  const invite = `I have what I need — press “${MAKE_MY_STORY}” whenever you like.`;
  return questions.length > 0 ? `${opening} ${invite} Or tell me more: ${lowerFirst(questions[0]!)}` : `${opening} ${invite}`;
}

/** "Got it: for ages 4 to 6, a shy dragon, 3 scenes." — what changed, or null when nothing did. */
export function describeChanges(before: StoryRequirements, after: StoryRequirements): string | null {
  const said: string[] = [];
  if (after.ageBand && after.ageBand !== before.ageBand) said.push(`for ${describeAgeBand(after.ageBand)}`);
  const newCharacters = after.characters.filter((c) => !before.characters.some((b) => b.name === c.name && b.description === c.description));
  if (newCharacters.length > 0) said.push(newCharacters.map((c) => (/^the\s/i.test(c.name) && c.description ? c.description : c.description && !c.description.startsWith(c.name) ? `${c.name} (${c.description})` : c.name)).join(' and '));
  if (after.plot && after.plot !== before.plot) said.push(`what happens: ${lowerFirst(after.plot.replace(/[.!?]+$/, ''))}`);
  if (after.setting && after.setting !== before.setting) said.push(`set ${/^(?:under|inside|near|by|across|in|on|at)\s/i.test(after.setting) ? '' : 'in '}${after.setting}`);
  if (after.style && after.style !== before.style) said.push(`a ${after.style.replace('-', ' ')} story`);
  if (after.tone && after.tone !== before.tone) said.push(`${after.tone} in tone`);
  if (after.sceneCount !== null && after.sceneCount !== before.sceneCount) said.push(`${after.sceneCount} ${after.sceneCount === 1 ? 'scene' : 'scenes'}`);
  if (after.narratorVoice && after.narratorVoice !== before.narratorVoice) said.push(`read by ${after.narratorVoice}`);
  if (after.title && after.title !== before.title) said.push(`called “${after.title}”`);
  return said.length > 0 ? `Got it: ${said.join(', ')}.` : null;
}

function sameRequirements(a: StoryRequirements, b: StoryRequirements): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isEmpty(r: StoryRequirements): boolean {
  return Object.values(r).every((value) => value === null || (Array.isArray(value) && value.length === 0));
}

function lowerFirst(text: string): string {
  // Only a leading article, pronoun or question word: a name stays capitalised.
  return /^(?:A|An|The|He|She|They|It|Who|What|Where|How|Is|Tell)\b/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
