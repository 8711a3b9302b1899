import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectConfig } from '../../../core/config/config.module';
import { ProviderInfoService } from '../../../core/provider-info/provider-info.service';
import { BUILTIN_MODEL_ID } from '../../generation/providers/model-routing.provider';

/**
 * What the model a chat picked can do. The builtin engine calls no tools and
 * sees no pictures (the intent router decides its tools); a provider model
 * is offered tools (its server may still refuse them) and sees pictures
 * when LLM_VISION_MODELS lists it.
 */
@Injectable()
export class ChatModelAbilities {
  constructor(
    private readonly provider: ProviderInfoService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The builtin engine writes replies for this model id. */
  isBuiltin(model: string | undefined): boolean {
    return model === BUILTIN_MODEL_ID || this.provider.current().provider === 'builtin';
  }

  callsTools(model: string | undefined): boolean {
    return !this.isBuiltin(model);
  }

  seesPictures(model: string | undefined): boolean {
    if (this.isBuiltin(model)) return false;
    const vision = this.config.llm.visionModels;
    return vision === '*' || vision.includes(model ?? this.provider.current().model);
  }
}
