import { request, type Dispatcher } from 'undici';
import { ProviderError, ToolsRefusedError, type GenerationRequest, type StreamHooks, type StreamOutcome, type TextProvider } from '@storyos/domain';
import { AttemptController } from '../../../core/providers/attempt-controller';
import { CompletionTally, parseChunk } from './openai-compatible/chat-completion-chunk';
import { chatCompletionsBody, chatCompletionsHeaders, chatCompletionsUrl, RESPONSE_FORMAT_MODES, type ResponseFormatMode } from './openai-compatible/chat-completions-request';
import { DROPPED_MID_REPLY, networkFailure, ProviderHttpError } from '../../../core/providers/http-failures';
import { chatFailureFromResponse, ResponseFormatRefused } from './openai-compatible/provider-failures';
import { retryDelayMs, sleepUnlessAborted } from '../../../core/providers/retry-backoff';
import { sseData } from './openai-compatible/sse-data';
import { headerOf, undiciAnswer } from '../../../core/providers/undici-answer';

export interface OpenAiCompatibleProviderOptions {
  /** The API root, e.g. https://api.openai.com/v1 (`/chat/completions` is appended). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** No response headers within this → retryable failure. */
  connectTimeoutMs: number;
  /** No text within this after the headers → retryable failure. */
  firstTokenTimeoutMs: number;
  /** Retries before the first token on 408/429/5xx, network errors and timeouts. */
  maxRetries: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Cap on a provider's Retry-After. */
  maxRetryAfterMs?: number;
  /** Told before each retry, e.g. to log it. */
  onRetry?: (retry: ProviderRetry) => void;
  /** Told when the server refuses a JSON reply format and the next way is tried. */
  onFormatRefused?: (refused: { mode: ResponseFormatMode; next: ResponseFormatMode; reason: string }) => void;
}

export interface ProviderRetry {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  reason: string;
}

interface AttemptProgress {
  firstTokenSeen: boolean;
}

interface AttemptRequest {
  body: string;
  /** The model asked, for error messages. */
  model: string;
  /** A response_format is in the body, so a refusal of it can be recognised. */
  withFormat: boolean;
  /** `tools` are in the body, likewise. */
  withTools: boolean;
}

const aborted = (): StreamOutcome => ({ finishReason: 'aborted', promptTokens: null, completionTokens: null });

/**
 * Streams from any OpenAI-compatible Chat Completions endpoint (OpenAI, xAI,
 * Gemini, OpenRouter, Ollama, vLLM, llama.cpp, LM Studio). Failures before
 * the first token are retried here; once text has been yielded a failure is
 * thrown, and the pipeline decides whether to run the whole generation again.
 */
export class OpenAiCompatibleProvider implements TextProvider {
  readonly name = 'openai-compatible';
  readonly model: string;
  readonly detail: string;
  private readonly url: string;

  constructor(private readonly options: OpenAiCompatibleProviderOptions) {
    this.model = options.model;
    this.url = chatCompletionsUrl(options.baseUrl);
    this.detail = `OpenAI-compatible API at ${new URL(options.baseUrl).host}`;
  }

  /** How JSON replies are asked for; moves down the list when the server refuses one, for the life of the process. */
  private formatMode: ResponseFormatMode = 'json_schema';
  /** Models whose server refused `tools` once, with its words: asked again, they are refused here without a round trip. */
  private readonly toolsRefusedBy = new Map<string, string>();

  async *stream(request: GenerationRequest, signal: AbortSignal, hooks: StreamHooks = {}): AsyncGenerator<string, StreamOutcome, void> {
    const attempts = this.options.maxRetries + 1;
    const model = request.model ?? this.model;
    const refusal = request.tools?.length ? this.toolsRefusedBy.get(model) : undefined;
    if (refusal !== undefined) throw new ToolsRefusedError(refusal);
    for (let retry = 0; ; retry += 1) {
      const progress: AttemptProgress = { firstTokenSeen: false };
      const mode = this.formatMode;
      try {
        return yield* this.attempt(this.requestFor(request, mode), signal, progress);
      } catch (error) {
        if (signal.aborted) return aborted();
        if (error instanceof ToolsRefusedError) {
          this.toolsRefusedBy.set(model, error.message);
          throw error;
        }
        if (error instanceof ResponseFormatRefused && mode !== 'none') {
          this.downgradeFormat(mode, error.message);
          retry -= 1; // asking another way is not a retry
          continue;
        }
        const failure = error instanceof ProviderError ? error : networkFailure(error, 'before-reply');
        if (progress.firstTokenSeen || !failure.retryable) throw failure;
        if (retry >= this.options.maxRetries) {
          // Retried here already: the pipeline running it all again would only keep the reader waiting.
          throw attempts > 1 ? new ProviderError(`${failure.message.replace(/\.$/, '')}; tried ${attempts} times.`, false, failure.kind) : failure;
        }
        const delayMs = retryDelayMs(retry, failure instanceof ProviderHttpError ? failure.retryAfterMs : undefined, {
          baseDelayMs: this.options.retryBaseDelayMs ?? 500,
          maxDelayMs: this.options.retryMaxDelayMs ?? 8_000,
          maxRetryAfterMs: this.options.maxRetryAfterMs ?? 30_000,
        });
        this.options.onRetry?.({ retry: retry + 1, delayMs, reason: failure.message });
        await hooks.onRetry?.({ attempt: retry + 2, attempts, delayMs, reason: failure.message });
        if (!(await sleepUnlessAborted(delayMs, signal))) return aborted();
      }
    }
  }

  private requestFor(request: GenerationRequest, mode: ResponseFormatMode): AttemptRequest {
    return {
      body: JSON.stringify(chatCompletionsBody(this.model, request, mode)),
      model: request.model ?? this.model,
      withFormat: request.responseFormat !== undefined && mode !== 'none',
      withTools: (request.tools?.length ?? 0) > 0,
    };
  }

  private downgradeFormat(mode: ResponseFormatMode, reason: string): void {
    const next = RESPONSE_FORMAT_MODES[RESPONSE_FORMAT_MODES.indexOf(mode) + 1] ?? 'none';
    if (this.formatMode === mode) this.formatMode = next;
    this.options.onFormatRefused?.({ mode, next, reason });
  }

  private async *attempt(request: AttemptRequest, signal: AbortSignal, progress: AttemptProgress): AsyncGenerator<string, StreamOutcome, void> {
    if (signal.aborted) return aborted();
    const control = new AttemptController(signal);
    try {
      const response = await this.connect(request, control);
      control.setDeadline(this.options.firstTokenTimeoutMs, () => new ProviderError(`The provider sent no text within ${seconds(this.options.firstTokenTimeoutMs)}.`, true));
      return yield* this.read(response, signal, control, progress);
    } catch (error) {
      throw control.timeoutError ?? error;
    } finally {
      control.close();
    }
  }

  /**
   * undici's `request` rather than `fetch`: every reply's first words wait for
   * this request, and fetch's WHATWG layers cost the worker several times the
   * CPU (the connection is kept alive either way).
   */
  private async connect({ body, model, withFormat, withTools }: AttemptRequest, control: AttemptController): Promise<Dispatcher.ResponseData> {
    control.setDeadline(this.options.connectTimeoutMs, () => new ProviderError(`The provider did not answer within ${seconds(this.options.connectTimeoutMs)}.`, true));
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.url, { method: 'POST', headers: chatCompletionsHeaders(this.options.apiKey), body, signal: control.signal });
    } catch (error) {
      throw control.timeoutError ?? networkFailure(error, 'connect');
    }
    // The deadline also bounds reading an error body.
    if (response.statusCode < 200 || response.statusCode > 299) throw await chatFailureFromResponse(undiciAnswer(response), model, { responseFormat: withFormat, tools: withTools });
    control.clearDeadline();
    const type = headerOf(response.headers, 'content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      response.body.destroy();
      throw new ProviderError(`The provider answered with "${type || 'no content type'}" instead of an event stream; check that LLM_BASE_URL is the API root (e.g. https://api.openai.com/v1).`, false);
    }
    return response;
  }

  private async *read(
    response: Dispatcher.ResponseData,
    signal: AbortSignal,
    control: AttemptController,
    progress: AttemptProgress,
  ): AsyncGenerator<string, StreamOutcome, void> {
    const tally = new CompletionTally();
    try {
      // Not closed on leaving the loop: after [DONE] the body is read to its end (below); any other way out, the attempt's close() closes it.
      for await (const data of sseData(response.body.iterator({ destroyOnReturn: false }))) {
        if (signal.aborted) return aborted();
        if (data === '[DONE]') {
          await readToEnd(response.body);
          return tally.outcome();
        }
        const text = tally.add(parseChunk(data));
        // A tool call is an answer as much as text is: the first-token deadline is met by either.
        if (tally.hasToolCalls && !progress.firstTokenSeen) control.clearDeadline();
        if (!text) continue;
        if (!progress.firstTokenSeen) {
          progress.firstTokenSeen = true;
          control.clearDeadline();
        }
        yield text;
      }
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw control.timeoutError ?? networkFailure(error, progress.firstTokenSeen ? 'mid-reply' : 'before-reply');
    }
    // A clean end without [DONE] is fine once the provider said why it finished; otherwise the reply was cut.
    if (tally.finishReason !== null) return tally.outcome();
    throw new ProviderError(progress.firstTokenSeen ? DROPPED_MID_REPLY : 'The provider closed the stream before it replied.', true);
  }
}

/** How long a body may go on after [DONE] before its connection is closed rather than kept. */
const END_AFTER_DONE_MS = 1_000;

/**
 * Servers end the body right after [DONE]; reading it to that end (rather
 * than closing it) gives the connection back to the pool, so the next reply
 * does not open a new one. A server that keeps sending is cut off.
 */
async function readToEnd(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: 64 * 1024, signal: AbortSignal.timeout(END_AFTER_DONE_MS) }).catch(() => undefined);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
