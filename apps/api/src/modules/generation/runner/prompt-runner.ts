import { Inject, Injectable } from '@nestjs/common';
import type { GenerationLimit } from '@storyos/contracts';
import {
  ContextOverflowError,
  EstimatingTokenCounter,
  fitPrompt,
  PromptTooLongError,
  ProviderError,
  ToolsRefusedError,
  type FittedPrompt,
  type PromptPart,
  type PromptPlan,
  type StreamOutcome,
  type TextProvider,
} from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { ContextWindowService, type ContextWindow } from '../budget/context-window.service';
import { TEXT_PROVIDER } from '../text-provider.token';
import { repairParts } from './repair-parts';

/** The finish reason of a step whose tools the server refused before it wrote anything: its handler decides the tools' work another way. */
export const TOOLS_REFUSED = 'tools-refused';

/** Text as it streams, or word that the text so far is void and a second reply follows. */
export type RunEvent = { type: 'text'; text: string } | { type: 'restart'; reason: string };

export interface RunOutcome extends StreamOutcome {
  /** The final reply (after a second try, that one). */
  text: string;
  /** Our count of the prompt as sent, to compare with what the server counted. */
  estimatedPromptTokens: number | null;
  /** A limit met on the way: the context (a prompt was refused and sent again shorter) or the output cap (the reply was cut). */
  limitHit: GenerationLimit | null;
}

export interface RunOptions {
  signal: AbortSignal;
  seed?: number;
  /** Told while the provider is being retried; awaited, so notices keep their place in the stream. */
  onNotice?: (message: string) => Promise<void>;
  /** Who and what the run is for, in its log lines. */
  logContext?: Record<string, unknown>;
}

/**
 * Runs one step against the text provider: fits the prompt to the model's
 * context and caps the reply; sends an over-long prompt once more, fitted
 * to what the server said; gives a structured reply that cannot be read
 * one second chance. Every feature's generations come through here.
 */
@Injectable()
export class PromptRunner {
  constructor(
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
    private readonly contextWindow: ContextWindowService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(PromptRunner.name);
  }

  async *run(plan: PromptPlan, options: RunOptions): AsyncGenerator<RunEvent, RunOutcome, void> {
    let limitHit: GenerationLimit | null = null;
    let contextScale = 1;
    let overflowRetried = false;
    let extraParts: PromptPart[] = [];
    let repaired = false;
    for (;;) {
      const window = await this.contextWindow.current();
      const fitted = this.fit(plan, extraParts, window, contextScale);
      const stream = this.provider.stream(
        {
          messages: fitted.messages,
          brief: plan.brief,
          maxTokens: fitted.maxTokens,
          temperature: plan.temperature,
          seed: options.seed,
          responseFormat: plan.json,
          ...(plan.tools && { tools: plan.tools }),
          ...(plan.model && { model: plan.model }),
        },
        options.signal,
        { onRetry: (notice) => options.onNotice?.(`${notice.reason.replace(/\.?$/, '.')} Retrying the provider (attempt ${notice.attempt} of ${notice.attempts})…`) },
      );
      let text = '';
      let outcome: StreamOutcome;
      try {
        for (;;) {
          const next = await stream.next();
          if (next.done) {
            outcome = next.value;
            break;
          }
          text += next.value;
          yield { type: 'text', text: next.value };
        }
      } catch (error) {
        if (error instanceof ToolsRefusedError && !text) {
          this.logger.warn({ ...options.logContext, model: plan.model, reason: error.message }, 'The provider refused tools for this model; the step ends for its handler to decide without them');
          return { finishReason: TOOLS_REFUSED, promptTokens: null, completionTokens: null, text: '', estimatedPromptTokens: null, limitHit };
        }
        if (!(error instanceof ContextOverflowError) || text) throw error;
        limitHit = 'context';
        if (overflowRetried) throw this.overflowFailure(error, window);
        overflowRetried = true;
        contextScale = this.learnFromOverflow(error, fitted, window);
        continue;
      }
      this.recordEstimate(fitted.promptTokens, outcome.promptTokens, options.logContext);
      if (outcome.finishReason === 'length') {
        const contextEnded = this.contextEndedReply(text, outcome, fitted, window, options.logContext);
        limitHit = contextEnded ? 'context' : (limitHit ?? 'output');
        // A structured reply the context cut short gets its second chance with more room.
        if (contextEnded) contextScale = Math.min(contextScale, 0.9);
      }
      const problems = plan.check && outcome.finishReason !== 'aborted' && !options.signal.aborted ? plan.check.problems(text) : [];
      if (problems.length > 0 && plan.check) {
        this.logger.warn({ ...options.logContext, problems, secondTry: repaired }, 'The reply could not be read');
        // The reader gets the plain failure; the problems are in the log line above.
        if (repaired) throw new ProviderError(plan.check.failure, false);
        repaired = true;
        extraParts = repairParts(text, problems, plan.json !== undefined);
        yield { type: 'restart', reason: 'The reply could not be read, so it is being written again.' };
        continue;
      }
      return { ...outcome, text, estimatedPromptTokens: window.tokens === null ? null : fitted.promptTokens, limitHit };
    }
  }

  private fit(plan: PromptPlan, extraParts: PromptPart[], window: ContextWindow, contextScale: number): FittedPrompt {
    const cap = Math.min(plan.outputTokens, this.config.llm.maxOutputTokens);
    const contextTokens = window.tokens === null ? null : Math.floor(window.tokens * contextScale);
    // A reply never takes more than half the context, or there is no room left to ask.
    const maxOutputTokens = contextTokens === null ? cap : Math.max(1, Math.min(cap, Math.floor(contextTokens / 2)));
    const minOutputTokens = Math.min(maxOutputTokens, Math.max(64, Math.floor(plan.outputTokens / 2)));
    try {
      return fitPrompt([...plan.parts, ...extraParts], { contextTokens, maxOutputTokens, minOutputTokens }, this.contextWindow.counter);
    } catch (error) {
      if (!(error instanceof PromptTooLongError)) throw error;
      throw new ContextOverflowError(promptTooLongMessage(error.requiredTokens, window), error.requiredTokens, window.tokens);
    }
  }

  /** What the refusal teaches: the server's context, and how far our count was off. Returns the scale for the second try. */
  private learnFromOverflow(error: ContextOverflowError, fitted: FittedPrompt, window: ContextWindow): number {
    if (error.contextTokens) this.contextWindow.learn(error.contextTokens);
    const counted = error.promptTokens;
    const ratio = counted && fitted.promptTokens > 0 ? counted / fitted.promptTokens : null;
    this.logger.warn({ estimatedPromptTokens: fitted.promptTokens, serverPromptTokens: counted, serverContextTokens: error.contextTokens, contextTokens: window.tokens }, 'The provider refused the prompt as too long; sending it once more, shorter');
    const counter = this.contextWindow.counter;
    if (ratio && counter instanceof EstimatingTokenCounter) {
      counter.calibrate(fitted.promptTokens, counted!);
      return 0.95;
    }
    return ratio && ratio > 1 ? Math.max(0.3, 0.95 / ratio) : 0.75;
  }

  private overflowFailure(error: ContextOverflowError, window: ContextWindow): ContextOverflowError {
    return new ContextOverflowError(promptTooLongMessage(error.promptTokens, window, error.contextTokens), error.promptTokens, error.contextTokens);
  }

  /**
   * A reply cut well short of max_tokens was cut by the end of the context:
   * the server counted the prompt higher than we did. Without its usage
   * figures, what it wrote tells how much: the rest of the context.
   */
  private contextEndedReply(text: string, outcome: StreamOutcome, fitted: FittedPrompt, window: ContextWindow, context: Record<string, unknown> = {}): boolean {
    if (window.tokens === null || this.provider.name === 'builtin') return false;
    const counter = this.contextWindow.counter;
    const written = outcome.completionTokens ?? counter.count(text);
    if (written >= fitted.maxTokens * 0.8) return false;
    const serverPrompt = window.tokens - written;
    this.logger.warn({ ...context, estimatedPromptTokens: fitted.promptTokens, inferredPromptTokens: serverPrompt, maxTokens: fitted.maxTokens, written }, 'The reply ran into the end of the context: the prompt was longer than counted');
    if (outcome.promptTokens === null && counter instanceof EstimatingTokenCounter) counter.calibrate(fitted.promptTokens, serverPrompt);
    return true;
  }

  /** How far our count was from the server's, in the log; an estimating counter learns from it. */
  private recordEstimate(estimated: number, actual: number | null, context: Record<string, unknown> = {}): void {
    if (actual === null || actual <= 0 || this.provider.name === 'builtin') return;
    const counter = this.contextWindow.counter;
    const error = (estimated - actual) / actual;
    const fields = { ...context, estimatedPromptTokens: estimated, promptTokens: actual, estimateError: Math.round(error * 1000) / 1000, counter: counter.name };
    if (error < -0.05) this.logger.warn(fields, 'The prompt estimate was lower than the provider counted');
    else this.logger.debug(fields, 'Prompt estimate against the provider’s count');
    if (counter instanceof EstimatingTokenCounter) counter.calibrate(estimated, actual);
  }
}

/** The refusal in words a user or an operator can act on, naming the settings that change it. */
function promptTooLongMessage(promptTokens: number | null, window: ContextWindow, serverContext: number | null = null): string {
  const context = serverContext ?? window.tokens;
  const needs = promptTokens ? `about ${promptTokens} tokens` : 'more tokens';
  return (
    `The prompt for this step needs ${needs}, more than the model's ${context ?? 'unknown'}-token context leaves room for. ` +
    'Give the model a larger context (llama-server -c, Ollama num_ctx) and set LLM_CONTEXT_TOKENS to match, or lower LLM_MAX_OUTPUT_TOKENS, or shorten the scenario or setup.'
  );
}
