import type { Outline, StorySetup, Tone, WorldState } from '@storyos/contracts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
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
      characters: string[];
      turn: number;
      recentEvents: string[];
    }
  | {
      /** The step after a turn: the new world state as JSON (WorldStateSchema). */
      task: 'game.world-state';
      previous: WorldState;
      /** null after the opening. */
      action: string | null;
      reply: string;
      turn: number;
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
    };

/** The game's prose briefs: a narrator reply to a player. */
export type GameProseBrief = Extract<StoryBrief, { task: 'game.opening' | 'game.turn' }>;
/** The Story Writer's briefs. */
export type StoryWriterBrief = Extract<StoryBrief, { task: 'story.premise' | 'story.outline' | 'story.chapter' }>;
/** The briefs whose answer is story prose (the others answer with JSON). */
export type ProseBrief = Exclude<StoryBrief, { task: 'game.world-state' | 'story.outline' }>;

export interface GenerationRequest {
  messages: ChatMessage[];
  brief?: StoryBrief;
  maxTokens?: number;
  temperature?: number;
  /** Same seed + same request → same text from the builtin engine. */
  seed?: number;
}

export interface StreamOutcome {
  /** 'stop', 'length', or the provider's own reason. */
  finishReason: string;
  promptTokens: number | null;
  completionTokens: number | null;
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
  stream(request: GenerationRequest, signal: AbortSignal): AsyncGenerator<string, StreamOutcome, void>;
}

/** A failure the user should read, e.g. "The provider rejected the API key". */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** Worth retrying: rate limits, 5xx, dropped connections. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
