import type { AppConfig } from '../../../core/config/app-config';
import { createBuiltinProvider } from './builtin.provider';
import { ModelRoutingProvider } from './model-routing.provider';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';
import type { ProviderLogger } from '../../../core/providers/provider-logger';

/** The deployment's configured provider, announced in the log once it is ready. */
export function createTextProvider(llm: AppConfig['llm'], logger: ProviderLogger): ModelRoutingProvider {
  const provider = llm.provider === 'openai-compatible' ? createOpenAiCompatibleProvider(llm, logger) : createBuiltinProvider(llm, logger);
  logger.info({ provider: provider.name, model: provider.model, detail: provider.detail }, `Text provider: ${provider.name} (${provider.model})`);
  // GET /api/models offers the builtin engine beside the provider's models.
  return new ModelRoutingProvider(provider, () => createBuiltinProvider(llm, logger));
}

function createOpenAiCompatibleProvider(llm: AppConfig['llm'], logger: ProviderLogger): OpenAiCompatibleProvider {
  // The env schema requires both whenever this provider is selected.
  if (!llm.baseUrl || !llm.model) throw new Error('LLM_BASE_URL and LLM_MODEL are required for the openai-compatible provider');
  return new OpenAiCompatibleProvider({
    baseUrl: llm.baseUrl,
    model: llm.model,
    apiKey: llm.apiKey,
    connectTimeoutMs: llm.connectTimeoutMs,
    firstTokenTimeoutMs: llm.firstTokenTimeoutMs,
    maxRetries: llm.maxRetries,
    onRetry: (retry) => logger.warn(retry, 'Retrying the text provider before the first token'),
    onFormatRefused: (refused) => logger.warn(refused, `The provider refused response_format ${refused.mode}; asking for JSON as ${refused.next} from now on`),
  });
}
