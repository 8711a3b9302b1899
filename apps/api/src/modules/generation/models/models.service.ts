import { Inject, Injectable } from '@nestjs/common';
import type { ModelList, ModelOption } from '@storyos/contracts';
import type { TextProvider } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { contextOfModelEntry } from '../budget/context-discovery';
import { ContextWindowService } from '../budget/context-window.service';
import { TEXT_PROVIDER } from '../text-provider.token';

/** The provider's list changes rarely; asking it on every page load would only slow the page. */
const LIST_TTL_MS = 5 * 60_000;
/** A server that could not list its models (it has no list, or it was down) is asked again after this long, not on every request meanwhile. */
const RETRY_LIST_MS = 60_000;
const LIST_TIMEOUT_MS = 5_000;

interface ProviderModel {
  id: string;
  contextTokens: number | null;
}

/**
 * What the deployment offers: the builtin engine, and the provider's models
 * from its /models list that the admin allows (LLM_MODELS_ALLOWED), each
 * with its context window when known.
 */
@Injectable()
export class ModelsService {
  private cached: { until: number; models: Promise<ProviderModel[] | null> } | null = null;

  constructor(
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
    private readonly contextWindow: ContextWindowService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ModelsService.name);
  }

  async list(): Promise<ModelList> {
    const builtin: ModelOption = { id: 'builtin', provider: 'builtin', contextTokens: null, isDefault: this.provider.name === 'builtin' };
    if (this.provider.name === 'builtin') return { items: [builtin] };
    const window = await this.contextWindow.current();
    const listed = (await this.providerModels()) ?? [];
    const allowed = this.config.llm.allowedModels;
    const offered = listed.filter((model) => model.id !== this.provider.model && (allowed === '*' || allowed.includes(model.id)));
    const current: ModelOption = { id: this.provider.model, provider: 'openai-compatible', contextTokens: window.tokens, isDefault: true };
    return { items: [current, ...offered.map((model): ModelOption => ({ id: model.id, provider: 'openai-compatible', contextTokens: model.contextTokens, isDefault: false })), builtin] };
  }

  /** Whether a chat may pick `id`: the configured model and the builtin engine always, without waiting for the server's list. */
  async offers(id: string): Promise<boolean> {
    if (id === 'builtin' || (this.provider.name !== 'builtin' && id === this.provider.model)) return true;
    return (await this.list()).items.some((option) => option.id === id);
  }

  private providerModels(): Promise<ProviderModel[] | null> {
    if (this.cached && Date.now() < this.cached.until) return this.cached.models;
    const models = this.fetchModels();
    this.cached = { until: Date.now() + LIST_TTL_MS, models };
    return models;
  }

  private async fetchModels(): Promise<ProviderModel[] | null> {
    const { baseUrl, apiKey } = this.config.llm;
    if (!baseUrl) return null;
    try {
      const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const body = (await response.json()) as { data?: unknown };
      const entries = Array.isArray(body.data) ? body.data : [];
      return entries.flatMap((entry: unknown) => {
        const id = (entry as { id?: unknown } | null)?.id;
        return typeof id === 'string' && id ? [{ id, contextTokens: contextOfModelEntry(entry) }] : [];
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not list the provider’s models; offering the configured model only');
      this.cached = { until: Date.now() + RETRY_LIST_MS, models: Promise.resolve(null) };
      return null;
    }
  }
}
