import { Inject, Injectable } from '@nestjs/common';
import type { ProviderInfo } from '@storyos/contracts';
import type { TextProvider } from '@storyos/domain';
import { TEXT_PROVIDER } from '../text-provider.token';

/** Which provider this deployment writes with, for the UI to say plainly. */
@Injectable()
export class ProviderInfoService {
  constructor(@Inject(TEXT_PROVIDER) private readonly provider: TextProvider) {}

  current(): ProviderInfo {
    return { provider: this.provider.name, model: this.provider.model, detail: this.provider.detail };
  }
}
