import type { ProviderInfo } from '@storyos/contracts';
import type { TextProvider } from '@storyos/domain';

/**
 * Which text provider this deployment writes with: for the UI to say plainly,
 * for health, and for anything keyed by provider and model. Core holds it so
 * that infrastructure and features learn what runs without reaching for the
 * provider itself; the module that builds the provider provides this too.
 */
export class ProviderInfoService {
  constructor(private readonly provider: Pick<TextProvider, 'name' | 'model' | 'detail'>) {}

  current(): ProviderInfo {
    return { provider: this.provider.name, model: this.provider.model, detail: this.provider.detail };
  }
}
