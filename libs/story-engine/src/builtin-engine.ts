import { builtinAgentReply, deriveWorldState, extractRequirements, splitSentences, type GenerationRequest, type StoryBrief, type StreamOutcome, type TextProvider } from '@storyos/domain';
import { GAME_NARRATOR_WORDS } from './lexicon/lexicons';
import { Llama2Model } from './llama2/llama2-model';
import { planCreateScene } from './planner/create/scene-planner';
import { planFreeStory } from './planner/free-story-planner';
import { planGameReply } from './planner/game-planner';
import type { StoryPlan } from './planner/story-plan';
import { planStoryProse, writeStoryOutline } from './planner/story/story-planner';
import { writePassage } from './passage-writer';
import { hashString } from './random';
import { yieldToEventLoop, type YieldToEventLoop } from './scheduler';
import { replaceInventedNames, toFirstPerson, toSecondPerson } from './text/names';
import { whitespaceWordCount } from './text/words';

export interface BuiltinStoryEngineOptions {
  /** The llama2.c checkpoint and tokenizer bytes; without them the planner's templates write everything. */
  model?: { checkpoint: Uint8Array; tokenizer: Uint8Array };
  /** How to let the event loop breathe; injectable so tests can count or skip pauses. */
  yieldToEventLoop?: YieldToEventLoop;
  /** Sampled tokens between pauses. */
  tokensPerPause?: number;
}

/** Lower than llama2.c's 1.0: a 260K model drifts into nonsense fast when sampled hot. */
const DEFAULT_TEMPERATURE = 0.6;
const TRIES_PER_PASSAGE = 4;
const TOKENS_PER_TRY = 40;
const DELTAS_PER_PAUSE = 24;

type StopReason = 'aborted' | 'length' | null;

/**
 * The offline provider: a story planner gives each reply its structure and
 * honours the brief; the TinyStories model, when loaded, writes short passages
 * in between. Same request and seed, same text.
 */
export class BuiltinStoryEngine implements TextProvider {
  readonly name = 'builtin' as const;
  readonly model: string;
  readonly detail: string;
  private readonly llm: Llama2Model | null;
  private readonly pause: YieldToEventLoop;
  private readonly tokensPerPause: number;

  constructor(options: BuiltinStoryEngineOptions = {}) {
    this.pause = options.yieldToEventLoop ?? yieldToEventLoop;
    this.tokensPerPause = Math.max(1, options.tokensPerPause ?? 8);
    let llm: Llama2Model | null = null;
    let problem = 'model weights not found';
    if (options.model) {
      try {
        llm = new Llama2Model(options.model.checkpoint, options.model.tokenizer);
      } catch (error) {
        // Bad weights should not take the game down: the templates still tell the story.
        problem = `model weights unreadable: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    this.llm = llm;
    this.model = llm ? 'tinystories-260k' : 'templates';
    this.detail = llm ? 'TinyStories 260K model + story planner' : `Story planner templates (${problem})`;
  }

  async *stream(request: GenerationRequest, signal: AbortSignal): AsyncGenerator<string, StreamOutcome, void> {
    const brief = request.brief;
    if (brief?.task === 'game.world-state') return yield* this.streamWorldState(brief, signal);
    // The Create agent's questions and the requirements it reads are rules: the model could not ask or write JSON.
    if (brief?.task === 'create.requirements') return yield* this.streamLines(`${JSON.stringify(extractRequirements(brief.current, brief.userMessage), null, 2)}\n`, signal);
    if (brief?.task === 'create.agent') return yield* this.streamWords(builtinAgentReply(brief.before, brief.requirements), request.maxTokens, signal);
    const seed = (request.seed ?? hashString(JSON.stringify([request.messages, brief ?? null]))) >>> 0;
    if (brief?.task === 'story.outline') return yield* this.streamLines(writeStoryOutline(brief, seed), signal);
    const plan: StoryPlan = !brief
      ? planFreeStory(lastUserMessage(request), seed)
      : brief.task === 'create.scene'
        ? planCreateScene(brief, seed)
        : brief.task === 'story.premise' || brief.task === 'story.chapter'
          ? planStoryProse(brief, seed)
          : planGameReply(brief, seed);
    const limit = request.maxTokens ?? Number.POSITIVE_INFINITY;
    const temperature = request.temperature ?? DEFAULT_TEMPERATURE;
    let written = '';
    let words = 0;
    let deltas = 0;
    let promptTokens = 0;
    const session = this.llm?.session();
    const outcome = (finishReason: string): StreamOutcome => ({ finishReason, promptTokens: this.llm ? promptTokens : 0, completionTokens: deltas });

    // Writes text word by word; returns why it had to stop early, if it did.
    const emit = async function* (this: BuiltinStoryEngine, text: string, paragraph: boolean): AsyncGenerator<string, StopReason, void> {
      const separator = written.length === 0 ? '' : paragraph ? '\n\n' : ' ';
      const pieces = (separator + text).match(/\s*\S+/g) ?? [];
      for (const piece of pieces) {
        if (signal.aborted) return 'aborted';
        if (deltas >= limit) return 'length';
        written += piece;
        deltas++;
        yield piece;
        if (deltas % DELTAS_PER_PAUSE === 0) await this.pause();
      }
      words = whitespaceWordCount(written);
      return null;
    }.bind(this);

    for (const segment of plan.segments) {
      if (signal.aborted) return outcome('aborted');
      if (segment.kind === 'text') {
        if (segment.onlyIfWordsBelow !== undefined && words >= segment.onlyIfWordsBelow) continue;
        const stop = yield* emit(segment.text, segment.paragraph ?? false);
        if (stop) return outcome(stop);
        continue;
      }
      if (segment.skipIfWordsAbove !== undefined && words >= segment.skipIfWordsAbove) continue;
      let passage: string | null = null;
      if (this.llm && session) {
        const prompt = segment.prompt ?? lastSentences(`${plan.context ?? ''} ${written}`);
        const known = [...segment.cast, plan.playerName, ...(plan.narratorNames ?? [])];
        const writer = writePassage(
          session,
          this.llm.tokenizer,
          prompt,
          { seed: segment.seed, temperature, tries: plan.tries ?? TRIES_PER_PASSAGE, maxTokens: TOKENS_PER_TRY, ...(segment.lead !== undefined && { lead: segment.lead }) },
          {
            prompt,
            known,
            mood: plan.mood,
            strict: plan.strictPassages ?? false,
            ...(plan.scene !== undefined && { scene: plan.scene }),
            ...(plan.vocabulary !== undefined && { vocabulary: plan.vocabulary }),
            ...(segment.subject !== undefined && { subject: segment.subject, written }),
            ...(plan.minMeanLogProb !== undefined && { minMeanLogProb: plan.minMeanLogProb }),
          },
        );
        let step = writer.next();
        for (let tokens = 1; !step.done; tokens++) {
          if (signal.aborted) return outcome('aborted');
          if (tokens % this.tokensPerPause === 0) await this.pause();
          step = writer.next();
        }
        promptTokens += step.value.promptTokens;
        if (step.value.text) passage = narrate(plan, replaceInventedNames(step.value.text, plan.strictPassages || plan.scene !== undefined ? castAbsentFrom(step.value.text, segment.cast) : segment.cast, known));
        // "Ada and Ada", "you and you": a passage that doubled its character is worse than the template.
        if (passage && plan.strictPassages && /\b(\p{L}+) and \1\b/iu.test(passage)) passage = null;
        if (passage && plan.accept && !plan.accept(passage)) passage = null;
      }
      const stop = yield* emit(passage ?? segment.fallback, segment.paragraph ?? false);
      if (stop) return outcome(stop);
    }
    return outcome('stop');
  }

  /** The model cannot write JSON, so the rules update the world and stream it: the step reads it like any model's reply. */
  private streamWorldState(brief: Extract<StoryBrief, { task: 'game.world-state' }>, signal: AbortSignal): AsyncGenerator<string, StreamOutcome, void> {
    const state = deriveWorldState(brief.previous, { action: brief.action ?? '', mode: brief.mode ?? 'do', reply: brief.reply, turn: brief.turn, playerName: brief.playerName }, GAME_NARRATOR_WORDS);
    return this.streamLines(JSON.stringify(state, null, 2), signal);
  }

  /** Streams rule-made prose word by word, like the planner's, within the reply's cap. */
  private async *streamWords(text: string, maxTokens: number | undefined, signal: AbortSignal): AsyncGenerator<string, StreamOutcome, void> {
    const pieces = text.match(/\s*\S+/g) ?? [];
    let deltas = 0;
    for (const piece of pieces) {
      if (signal.aborted) return { finishReason: 'aborted', promptTokens: 0, completionTokens: deltas };
      if (maxTokens !== undefined && deltas >= maxTokens) return { finishReason: 'length', promptTokens: 0, completionTokens: deltas };
      deltas++;
      yield piece;
      if (deltas % DELTAS_PER_PAUSE === 0) await this.pause();
    }
    return { finishReason: 'stop', promptTokens: 0, completionTokens: deltas };
  }

  /** Streams planner-made text (JSON) line by line. */
  private async *streamLines(text: string, signal: AbortSignal): AsyncGenerator<string, StreamOutcome, void> {
    const pieces = text.match(/[^\n]*\n?/g) ?? [];
    let deltas = 0;
    for (const piece of pieces) {
      if (!piece) continue;
      if (signal.aborted) return { finishReason: 'aborted', promptTokens: 0, completionTokens: deltas };
      deltas++;
      yield piece;
    }
    return { finishReason: 'stop', promptTokens: 0, completionTokens: deltas };
  }
}

function lastUserMessage(request: GenerationRequest): string {
  const users = request.messages.filter((m) => m.role === 'user');
  return (users[users.length - 1] ?? request.messages[request.messages.length - 1])?.content ?? '';
}

/** Invented names become characters not already in the passage, so "Lily and Ada" does not turn into "Ada and Ada". */
function castAbsentFrom(text: string, cast: string[]): string[] {
  const absent = cast.filter((name) => !text.includes(name.split(/\s+/).pop() ?? name));
  return absent.length > 0 ? absent : cast;
}

/** Model prose in the plan's point of view: the game's player and a second-person narrator become "you", a first-person narrator "I". */
function narrate(plan: StoryPlan, text: string): string {
  if (plan.pov === undefined) return toSecondPerson(text, plan.playerName);
  if (plan.pov === 'third') return text;
  const names = plan.narratorNames ?? [plan.playerName];
  return names.reduce((out, name) => (plan.pov === 'first' ? toFirstPerson(out, name) : toSecondPerson(out, name)), text);
}

/** The model continues the last sentence or two: more context only confuses a 260K model. Headings are not sentences. */
function lastSentences(text: string): string {
  const sentences = splitSentences(text.replace(/^#{1,6}[ \t].*$/gm, '').trim());
  const tail = sentences.slice(-2).join(' ');
  return tail.length > 320 ? (sentences[sentences.length - 1] ?? '').slice(-320) : tail;
}
