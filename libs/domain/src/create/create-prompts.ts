import { StoryRequirementsSchema, type AgeBand, type StoryRequirements } from '@storyos/contracts';
import { jsonReplyFormat } from '../generation/json-reply';
import type { JsonReplyFormat, PromptPart, PromptPlan } from '../generation/prompt-plan';
import { checkAgeBand } from './age-band-check';
import { describeAgeBand, LANGUAGE_LIMITS } from './age-band-words';
import { buildAgentBrief, buildRequirementsBrief, buildSceneBrief } from './create-briefs';
import { parseExtractedRequirements } from './parse-extracted-requirements';
import { missingRequirementFields, nextAgentQuestions, type CompleteStoryRequirements } from './requirement-rules';

/** How long each Create step's reply may be, in tokens. */
export const CREATE_OUTPUT_TOKENS = {
  /** One acknowledging sentence and one or two questions. */
  agentReply: 200,
  /** The requirements object as JSON. */
  requirements: 700,
  /** A picture-book scene: 40–250 words by band. */
  scene: 600,
} as const;

/** What a Create prompt gives up first: the oldest turns of the conversation, then the earliest scenes. */
export const CREATE_DROP_TIERS = { transcript: 0, olderScenes: 1 } as const;

/** One earlier message of the Create conversation. */
export interface CreateTurn {
  role: 'user' | 'assistant';
  text: string;
}

const AGENT_SYSTEM = [
  'You are StoryMimi, a warm helper who finds out what story a parent or child would like, so it can be written, illustrated and narrated for them.',
  'Reply in two or three short sentences, in plain friendly words, in the language of the user.',
  'First say in one short sentence what you understood from their last message. Then ask only the one or two questions you are given, in your own words.',
  'Never write the story yourself, never make up details they did not give, and never ask about something already known.',
].join(' ');

/**
 * The agent's reply: what is known, what to ask next, the conversation so far
 * (without the newest message; oldest dropped first), then the newest message.
 */
export function agentReplyPlan(input: { before: StoryRequirements; requirements: StoryRequirements; transcript: readonly CreateTurn[]; userMessage: string }): PromptPlan {
  const questions = nextAgentQuestions(input.requirements);
  const missing = missingRequirementFields(input.requirements);
  const next =
    questions.length === 0
      ? 'Everything is known. Tell them warmly the story is ready to make and they can press "Make my story".'
      : missing.some((field) => field === 'ageBand' || field === 'characters' || field === 'plot')
        ? `Ask next: ${questions.join(' ')}`
        : `What is needed is known: tell them they can press "Make my story" now, or answer one more question: ${questions.join(' ')}`;
  // Everything for the system goes first: some chat templates refuse a system message after the conversation has begun.
  const parts: PromptPart[] = [
    { role: 'system', text: AGENT_SYSTEM },
    { role: 'system', text: `What is known so far (JSON; null means not known yet):\n${JSON.stringify(input.requirements)}`, joinWith: '\n\n' },
    { role: 'system', text: next, joinWith: '\n\n' },
    ...transcriptParts(input.transcript),
    { role: 'user', text: input.userMessage },
  ];
  return { parts, brief: buildAgentBrief(input.before, input.requirements, input.userMessage), outputTokens: CREATE_OUTPUT_TOKENS.agentReply, temperature: 0.6 };
}

/** The JSON Schema the requirements step asks providers to enforce. */
export const REQUIREMENTS_REPLY_FORMAT: JsonReplyFormat = jsonReplyFormat('story_requirements', StoryRequirementsSchema);

const EXTRACTION_SYSTEM = [
  'You keep the requirements of a children’s story up to date from a conversation.',
  'Given the requirements so far and the user’s newest message, reply with the updated requirements as one JSON object, and nothing else.',
  'Change only what the message says (a correction replaces the old value); keep everything else exactly as it is; never invent a value that was not said — leave it null.',
  `ageBand is one of ${'"0-3", "4-6", "7-9", "10-12", "teen", "adult"'} (a 5-year-old is "4-6"). characters is a list of {"name","description"}; with no name given use "the <noun>" (e.g. "the dragon").`,
  'style is one of fantasy, sci-fi, adventure, fairy-tale, animals, mystery, funny, everyday, spooky, historical; tone one of gentle, cozy, funny, exciting, silly, mysterious, heartwarming, spooky, wistful; sceneCount a whole number from 1 to 12 ("three scenes" is 3). A bedtime story is gentle.',
].join(' ');

/** The requirements as a JSON step: the newest message read into the requirements so far, with the earlier turns (without the newest message) for context. */
export function requirementsExtractionPlan(input: { current: StoryRequirements; transcript: readonly CreateTurn[]; userMessage: string }): PromptPlan {
  const parts: PromptPart[] = [
    { role: 'system', text: EXTRACTION_SYSTEM },
    ...transcriptParts(input.transcript),
    { role: 'user', text: `Requirements so far:\n${JSON.stringify(input.current)}\n\nNewest message: ${input.userMessage}\n\nReply with the updated requirements as JSON only.` },
  ];
  return {
    parts,
    brief: buildRequirementsBrief(input.current, input.userMessage),
    outputTokens: CREATE_OUTPUT_TOKENS.requirements,
    temperature: 0,
    json: REQUIREMENTS_REPLY_FORMAT,
    check: {
      problems: (reply) => (parseExtractedRequirements(reply, input.current) ? [] : ['The reply was not a JSON object with the requirements fields (title, ageBand, characters, setting, plot, style, tone, sceneCount, narratorVoice).']),
      failure: 'The story helper could not read your answer this time. Please try saying it another way.',
    },
  };
}

/** The language rules a scene's system prompt gives a model, by band. */
export function ageBandGuidance(band: AgeBand): string {
  const limits = LANGUAGE_LIMITS[band];
  const who = describeAgeBand(band);
  if (band === 'adult') return 'The story is for adults.';
  if (band === 'teen') return 'The story is for teenagers: no sexual content and no strong swearing.';
  const content =
    band === '10-12'
      ? 'No gore, no sexual content, no swearing, no drugs or alcohol.'
      : 'No violence, no weapons, no death, no blood, no frightening or scary words, nothing sad without comfort; characters may be shy or a little worried, and are always safe.';
  const plain = limits ? `Use short sentences (at most ${limits.maxSentenceWords} words each) and simple, everyday words a child of ${who} knows.` : '';
  return `The story is for children of ${who}. ${content} ${plain}`.trim();
}

/** How long a scene is by band, in words. */
export const SCENE_WORDS: Readonly<Record<AgeBand, readonly [number, number]>> = {
  '0-3': [30, 60],
  '4-6': [50, 100],
  '7-9': [80, 150],
  '10-12': [120, 220],
  teen: [150, 250],
  adult: [150, 250],
};

/** Where this scene sits in the story: the beginning introduces, the middle moves the plot, the end is gentle and happy. */
export function scenePart(sceneIndex: number, sceneCount: number): 'beginning' | 'middle' | 'end' | 'whole' {
  if (sceneCount === 1) return 'whole';
  if (sceneIndex === 0) return 'beginning';
  return sceneIndex >= sceneCount - 1 ? 'end' : 'middle';
}

const PART_TASK = {
  whole: 'This single scene is the whole story: introduce the characters, let the plot happen, and end gently and happily.',
  beginning: 'This is the beginning: introduce the main character and the place, and start what happens.',
  middle: 'This is the middle: carry the plot forward from the scene before; do not finish the story yet.',
  end: 'This is the ending: finish what happens and close the story gently and happily.',
} as const;

/** A scene's text: the requirements, the scenes so far (older ones dropped first), this scene's place in the arc. */
export function scenePlan(requirements: CompleteStoryRequirements, sceneIndex: number, scenesSoFar: readonly string[], variant = 0): PromptPlan {
  const [minWords, maxWords] = SCENE_WORDS[requirements.ageBand];
  const characters = requirements.characters.map((c) => `- ${c.name}${c.description ? `: ${c.description}` : ''}`).join('\n');
  const parts: PromptPart[] = [
    {
      role: 'system',
      text: `You write illustrated, read-aloud picture-book stories, one scene at a time. ${ageBandGuidance(requirements.ageBand)} Reply with the scene's text only: no title, no heading, no notes.`,
    },
    {
      role: 'user',
      text: [
        `Story: “${requirements.title}” — a ${requirements.style.replace('-', ' ')} story, ${requirements.tone} in tone, for ${describeAgeBand(requirements.ageBand)}.`,
        `Characters (call them by these names):\n${characters}`,
        `Setting: ${requirements.setting}`,
        `What happens: ${requirements.plot}`,
      ].join('\n'),
    },
    ...(scenesSoFar.length > 0 ? [{ role: 'user' as const, text: 'The scenes so far:' }] : []),
    ...scenesSoFar.map((text, index) => ({
      role: 'user' as const,
      text: `Scene ${index + 1}: ${text}`,
      ...(index < scenesSoFar.length - 1 && { optional: { tier: CREATE_DROP_TIERS.olderScenes, order: index } }),
    })),
    {
      role: 'user',
      text: `Write scene ${sceneIndex + 1} of ${requirements.sceneCount}. ${PART_TASK[scenePart(sceneIndex, requirements.sceneCount)]} About ${minWords}–${maxWords} words, something a picture can show.`,
    },
  ];
  return {
    parts,
    brief: buildSceneBrief(requirements, sceneIndex, scenesSoFar, variant),
    outputTokens: CREATE_OUTPUT_TOKENS.scene,
    temperature: 0.8,
    check: {
      problems: (reply) => checkAgeBand(reply, requirements.ageBand).problems,
      failure: `This scene could not be written in words right for ${describeAgeBand(requirements.ageBand)}.`,
    },
  };
}

/** What a picture prompt may say for young bands: gentle, bright, nothing frightening. */
const PICTURE_STYLE_FOR_BAND: Readonly<Record<AgeBand, string>> = {
  '0-3': 'soft rounded shapes, bright friendly colours, simple uncluttered composition, cheerful faces, nothing frightening',
  '4-6': 'warm picture-book illustration, bright friendly colours, cheerful expressive faces, nothing frightening or violent',
  '7-9': 'colourful storybook illustration, lively and friendly, no violence, no weapons, nothing frightening',
  '10-12': 'detailed storybook illustration, no gore, no violence shown',
  teen: 'detailed illustration, no nudity, no gore',
  adult: 'detailed illustration',
};

const STYLE_ART: Readonly<Record<CompleteStoryRequirements['style'], string>> = {
  fantasy: 'a magical fantasy world',
  'sci-fi': 'a bright, friendly science-fiction world',
  adventure: 'an adventurous outdoor scene',
  'fairy-tale': 'a classic fairy-tale look',
  animals: 'charming animal characters',
  mystery: 'a curious, mysterious mood',
  funny: 'a playful, comic look',
  everyday: 'an everyday, homely scene',
  spooky: 'a gently spooky, moonlit mood',
  historical: 'a historical setting',
};

/** The picture for a scene: what the scene shows, its characters and setting, in an art style and within the age band. */
export function scenePicturePrompt(requirements: CompleteStoryRequirements, sceneIndex: number, sceneText: string): string {
  const who = requirements.characters.map((c) => (c.description ? `${c.name} (${c.description})` : c.name)).join(', ');
  const moment = firstSentences(sceneText, 2);
  const safe = checkAgeBand(moment, requirements.ageBand).ok ? moment : requirements.plot;
  return [
    `Illustration for scene ${sceneIndex + 1} of a children’s story “${requirements.title}”.`,
    `Scene: ${safe}`,
    `Characters: ${who}.`,
    `Setting: ${requirements.setting}.`,
    `Style: ${STYLE_ART[requirements.style]}, ${requirements.tone} mood; ${PICTURE_STYLE_FOR_BAND[requirements.ageBand]}. No text or letters in the picture.`,
  ].join(' ');
}

function firstSentences(text: string, count: number): string {
  const sentences = text.replace(/\s+/g, ' ').trim().match(/[^.!?]+[.!?]+["”’]?/g) ?? [text];
  const joined = sentences.slice(0, count).map((s) => s.trim()).join(' ');
  return joined.length > 400 ? `${joined.slice(0, 399)}…` : joined;
}

/** The conversation as chat turns, oldest dropped first; a leading assistant turn is kept only when it fits. */
function transcriptParts(transcript: readonly CreateTurn[]): PromptPart[] {
  return transcript.map((turn, index) => ({ role: turn.role, text: turn.text, optional: { tier: CREATE_DROP_TIERS.transcript, order: index } }));
}
