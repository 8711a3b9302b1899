import { Inject, Injectable } from '@nestjs/common';
import type { TextProvider, TokenCounter } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { TEXT_PROVIDER } from '../text-provider.token';
import { discoverContext, type DiscoveryResult } from './context-discovery';
import { tokenCounterFor } from './model-tokenizers';

/** The context a model is assumed to have when nothing says otherwise: every hosted API offers at least this; local servers that offer less say so, or refuse the prompt and tell us then. */
export const DEFAULT_CONTEXT_TOKENS = 4096;
/** Asking a server that is down again, at most this often. */
const RETRY_DISCOVERY_MS = 60_000;
const DISCOVERY_TIMEOUT_MS = 5_000;

export interface ContextWindow {
  /** null: the provider does not read the prompt (the builtin engine), so there is nothing to fit. */
  tokens: number | null;
  /** Where the figure comes from, for logs and the docs' troubleshooting. */
  source: string;
}

/**
 * The deployment's context window and token counter, learned once per
 * process: LLM_CONTEXT_TOKENS when set; else what the server says; else a
 * default. A server that refuses a prompt as too long teaches a smaller one.
 */
@Injectable()
export class ContextWindowService {
  private discovered: { at: number; result: Promise<DiscoveryResult> } | null = null;
  /** The last discovery reached no server (it was down): it is asked again after a while rather than never. */
  private failedToReach = false;
  private learned: number | null = null;
  readonly counter: TokenCounter;

  constructor(
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ContextWindowService.name);
    this.counter = tokenCounterFor(provider.model);
  }

  async current(): Promise<ContextWindow> {
    const { llm } = this.config;
    if (this.provider.name === 'builtin') return { tokens: null, source: 'the builtin engine reads briefs, not prompts' };
    if (this.learned !== null) return { tokens: this.learned, source: 'the server refused a longer prompt' };
    if (llm.contextTokens) return { tokens: llm.contextTokens, source: 'LLM_CONTEXT_TOKENS' };
    const { found } = await this.discover();
    return found ?? { tokens: DEFAULT_CONTEXT_TOKENS, source: 'the default (the server does not say)' };
  }

  /** The server refused a prompt as longer than `contextTokens`: use that from now on, if it is smaller. */
  learn(contextTokens: number): void {
    const known = this.learned ?? this.config.llm.contextTokens ?? Number.POSITIVE_INFINITY;
    if (contextTokens >= known) return;
    this.learned = contextTokens;
    this.logger.warn({ contextTokens, model: this.provider.model }, 'The provider refused a prompt as too long; fitting prompts to its context from now on');
  }

  private discover(): Promise<DiscoveryResult> {
    const now = Date.now();
    if (this.discovered && !(this.discovered.at + RETRY_DISCOVERY_MS < now && this.failedToReach)) return this.discovered.result;
    const { baseUrl, apiKey } = this.config.llm;
    const result = baseUrl
      ? discoverContext({ baseUrl, apiKey, model: this.provider.model, timeoutMs: DISCOVERY_TIMEOUT_MS })
      : Promise.resolve({ found: null, reachable: true });
    this.failedToReach = false;
    this.discovered = { at: now, result };
    void result.then((outcome) => {
      this.failedToReach = !outcome.reachable;
      if (outcome.found) this.logger.info({ ...outcome.found, model: this.provider.model }, `Context window: ${outcome.found.tokens} tokens (${outcome.found.source})`);
      else if (outcome.reachable) this.logger.info({ model: this.provider.model, tokens: DEFAULT_CONTEXT_TOKENS }, 'The provider does not say its context window; set LLM_CONTEXT_TOKENS to use more than the default');
    });
    return result;
  }
}
