import type { TextProvider } from '@storyos/domain';
import { BuiltinStoryEngine } from '@storyos/story-engine';
import type { AppConfig } from '../../../core/config/app-config';
import { loadBuiltinModel } from './builtin/builtin-model-loader';
import type { ProviderLogger } from '../../../core/providers/provider-logger';

/** The offline story engine, with the TinyStories weights when they can be found, else its templates alone. */
export function createBuiltinProvider(llm: AppConfig['llm'], logger: ProviderLogger): TextProvider {
  const model = loadBuiltinModel(llm);
  if (model) {
    logger.info({ source: model.source }, 'Builtin engine loaded the TinyStories weights');
    return new BuiltinStoryEngine({ model: { checkpoint: model.checkpoint, tokenizer: model.tokenizer } });
  }
  if (llm.modelPath) {
    logger.warn({ modelPath: llm.modelPath }, 'LLM_MODEL_PATH holds no stories260K.bin with tok512.bin beside it; the builtin engine writes from templates alone');
  } else {
    logger.info('No TinyStories weights found; the builtin engine writes from templates alone');
  }
  return new BuiltinStoryEngine({});
}
