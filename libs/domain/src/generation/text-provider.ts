import type { Outline, PlayerTurnMode, StoryCardKind, StoryRequirements, StorySetup, Tone, WorldState } from '@storyos/contracts';
import type { JsonReplyFormat } from './prompt-plan';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Pictures that go with the text (data: or https: URLs), for a model that can see them; providers that cannot ignore them. */
  images?: string[];
}

/**
 * Structured intent behind a request. Chat-model providers read only the
 * messages; the builtin engine's planner reads this to honour names, places
 * and tone without following instructions it cannot understand.
 */
export type StoryBrief =
  | {
      task: 'game.opening';
      scenarioName: string;
      setting: string;
      playerName: string;
      playerRole: string;
      location: string;
      tone: Tone;
      characters: string[];
      /** Which alternative of this reply: 0 first, more for each regeneration, so each reads differently. */
      variant?: number;
    }
  | {
      task: 'game.turn';
      scenarioName: string;
      setting: string;
      playerName: string;
      playerRole: string;
      location: string;
      tone: Tone;
      action: string;
      /** How the action entered the story; absent: `do`. */
      mode?: PlayerTurnMode;
      characters: string[];
      /** Who is with the player now (by name). */
      present?: string[];
      turn: number;
      recentEvents: string[];
      /** Which alternative of this reply: 0 first, more for each regeneration, so each reads differently. */
      variant?: number;
      /** Story cards whose keywords the turn mentions: what the player's words refer to. */
      cards?: { kind: StoryCardKind; title: string; keywords: string[]; content: string }[];
    }
  | {
      /** The step after a turn: the new world state as JSON (WorldStateSchema). */
      task: 'game.world-state';
      previous: WorldState;
      /** null after the opening. */
      action: string | null;
      /** How the action entered the story; absent: `do`. */
      mode?: PlayerTurnMode;
      reply: string;
      turn: number;
      playerName: string;
    }
  | {
      /** The Writer's premise: 2–4 sentences from the setup. */
      task: 'story.premise';
      setup: StorySetup;
      title: string;
    }
  | {
      /** The Writer's outline, as JSON `{"chapters":[{"title","summary"}]}` (OutlineSchema). */
      task: 'story.outline';
      setup: StorySetup;
      title: string;
      premise: string;
      /** Wanted chapters; the writer picks when absent. */
      chapterCount?: number;
    }
  | {
      /**
       * One chapter, opening with its `## <title>` heading: the story start is
       * chapter 0, each continue the next one; an index past the outline's end
       * asks for an epilogue.
       */
      task: 'story.chapter';
      setup: StorySetup;
      title: string;
      premise: string;
      outline: Outline;
      chapterIndex: number;
      /** The story text written so far (the caller may bound it). */
      storySoFar: string;
    }
  | {
      /**
       * The Create agent's reply (seed 002): says in a sentence what it
       * understood from the last message, then asks for what is still missing
       * (or invites "Make my story" when nothing required is).
       */
      task: 'create.agent';
      /** The requirements before the user's last message was read. */
      before: StoryRequirements;
      /** The requirements after it. */
      requirements: StoryRequirements;
      userMessage: string;
    }
  | {
      /** The requirements read from the user's last message, as JSON (StoryRequirementsSchema). */
      task: 'create.requirements';
      current: StoryRequirements;
      userMessage: string;
    }
  | {
      /** One scene of an illustrated story: picture-book prose within the age band. */
      task: 'create.scene';
      /** Complete requirements (defaults filled, see withRequirementDefaults). */
      requirements: StoryRequirements;
      /** 0-based. */
      sceneIndex: number;
      sceneCount: number;
      /** The texts of the scenes before this one, in order (the caller may bound them). */
      scenesSoFar: string[];
      /** Which alternative: 0 first, more for each regenerate (after a failed age-band check). */
      variant?: number;
    };

/** The game's prose briefs: a narrator reply to a player. */
export type GameProseBrief = Extract<StoryBrief, { task: 'game.opening' | 'game.turn' }>;
/** The Story Writer's briefs. */
export type StoryWriterBrief = Extract<StoryBrief, { task: 'story.premise' | 'story.outline' | 'story.chapter' }>;
/** The Create flow's briefs (seed 002): the requirements agent and the illustrated story's scenes. */
export type CreateBrief = Extract<StoryBrief, { task: 'create.agent' | 'create.requirements' | 'create.scene' }>;
/** The briefs whose answer is story prose (the others answer with JSON or are the agent's talk). */
export type ProseBrief = Exclude<StoryBrief, { task: 'game.world-state' | 'story.outline' | 'create.agent' | 'create.requirements' | 'create.scene' }>;

/** A function the model may call instead of (or besides) replying: OpenAI-compatible `tools`. */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

/** A call the model made; `arguments` is the JSON text it wrote. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface GenerationRequest {
  messages: ChatMessage[];
  brief?: StoryBrief;
  /** The reply's cap; the pipeline always sets it. */
  maxTokens?: number;
  temperature?: number;
  /** Same seed + same request → same text from the builtin engine. */
  seed?: number;
  /** Ask for JSON of this shape where the provider can enforce it. */
  responseFormat?: JsonReplyFormat;
  /** Tools the model may call; providers that cannot call tools (the builtin engine) ignore them. */
  tools?: ToolDefinition[];
  /** The model to ask, one of the deployment's model list; absent: the provider's configured model. */
  model?: string;
}

/** A provider is about to try again before the first token. */
export interface ProviderRetryNotice {
  /** The attempt about to start: 2 for the first retry. */
  attempt: number;
  attempts: number;
  delayMs: number;
  reason: string;
}

/** What a caller may hear about while a stream is set up; awaited, so it is told in order. */
export interface StreamHooks {
  onRetry?(notice: ProviderRetryNotice): Promise<void> | void;
}

export interface StreamOutcome {
  /** 'stop', 'length', or the provider's own reason. */
  finishReason: string;
  promptTokens: number | null;
  completionTokens: number | null;
  /** The complete tool calls the model made, when the request offered tools and the provider can call them. */
  toolCalls?: ToolCall[];
}

/**
 * The port every text provider implements: yields text deltas as they are
 * produced and returns how the stream ended. Aborting the signal stops it.
 */
export interface TextProvider {
  readonly name: 'builtin' | 'openai-compatible';
  readonly model: string;
  /** A short human description, e.g. "TinyStories 260K + story planner". */
  readonly detail: string;
  stream(request: GenerationRequest, signal: AbortSignal, hooks?: StreamHooks): AsyncGenerator<string, StreamOutcome, void>;
}

/** What kind of failure: the pipeline answers an over-long prompt differently from any other. */
export type ProviderErrorKind = 'context-overflow' | 'other';

/** A failure the user should read, e.g. "The provider rejected the API key". */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** Worth retrying: rate limits, 5xx, dropped connections. */
    readonly retryable: boolean,
    readonly kind: ProviderErrorKind = 'other',
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/**
 * The server does not take `tools` for this model ("does not support
 * tools", llama-server without --jinja). Thrown before any text, so the
 * caller can decide the tools' work another way.
 */
export class ToolsRefusedError extends ProviderError {
  constructor(message: string) {
    super(message, false);
    this.name = 'ToolsRefusedError';
  }
}

/** The server refused the prompt as longer than its context; what it counted, when it said. */
export class ContextOverflowError extends ProviderError {
  constructor(
    message: string,
    /** The prompt's size as the server counted it. */
    readonly promptTokens: number | null,
    /** The server's context window. */
    readonly contextTokens: number | null,
  ) {
    super(message, false, 'context-overflow');
    this.name = 'ContextOverflowError';
  }
}
