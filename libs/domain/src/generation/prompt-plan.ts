import type { ChatMessage, StoryBrief, ToolDefinition } from './text-provider';

/** When an optional part is dropped: lower tiers first, then lower order (older first). */
export interface DropRank {
  tier: number;
  order: number;
}

/**
 * One piece of a prompt. Parts of the same role that follow each other are
 * sent as one message. Optional parts may be left out to fit the model's
 * context; parts with the same rank go together (a player's action and the
 * narrator's reply to it), so roles keep alternating.
 */
export interface PromptPart {
  role: ChatMessage['role'];
  text: string;
  /** Absent: always sent. */
  optional?: DropRank;
  /** Put before this part when it joins the previous one's message. */
  joinWith?: '\n' | '\n\n';
  /** Pictures sent with this part (data: URLs), for a model that can see; each counts IMAGE_PROMPT_TOKENS. */
  images?: string[];
}

/** A reply asked for as JSON matching `schema` (a JSON Schema), where the provider can enforce it. */
export interface JsonReplyFormat {
  name: string;
  schema: Record<string, unknown>;
}

/**
 * What a step asks the model, before it is fitted to a context: the parts,
 * the brief the builtin engine plans from, and how long the reply may be.
 */
export interface PromptPlan {
  parts: PromptPart[];
  brief?: StoryBrief;
  temperature?: number;
  /** The reply this step needs at most, in tokens (OUTPUT_TOKENS); the deployment's cap may lower it. */
  outputTokens: number;
  json?: JsonReplyFormat;
  /**
   * Reads a structured reply. A reply with problems is shown them once, to
   * be written again; if the second is no better the step fails with
   * `failure`, in words for the reader (the problems go to the log).
   */
  check?: { problems(reply: string): string[]; failure: string };
  /** Tools the model may call in this step (sent as `tools` where the provider supports them). */
  tools?: ToolDefinition[];
  /** The model the step asks (one of the deployment's model list); absent: the configured one. */
  model?: string;
}

/**
 * What a picture costs in the prompt, in tokens. Vision models count a
 * picture by its tiles (OpenAI: 85 + 170 per 512px tile; llama.cpp's mtmd
 * and Ollama: 256–1,500 by projector): a generous middle, so a context is
 * not overrun by pictures counted as nothing.
 */
export const IMAGE_PROMPT_TOKENS = 1024;

/**
 * How long each step's reply may be, in tokens. Each is what its prompt asks
 * for with room to spare; the deployment's LLM_MAX_OUTPUT_TOKENS lowers them.
 */
export const OUTPUT_TOKENS = {
  /** The narrator prompt asks for 80–180 words (about 250 tokens); admins may ask for more. */
  narratorReply: 512,
  /** One JSON object: a summary, the location, the characters met, one event. */
  worldStateUpdate: 600,
  /** 2–4 sentences. */
  premise: 300,
  /** Up to eight chapters with one- or two-sentence summaries, as JSON. */
  outline: 900,
  /** 300–600 words, about 800 tokens. */
  chapter: 1024,
  /** More of a reply or passage that the cap cut off. */
  continuation: 1024,
} as const;
