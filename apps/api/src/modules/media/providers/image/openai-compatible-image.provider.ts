import type { ImageProvider, ImageRequest, RenderedImage } from '@storyos/domain';
import { ProviderError } from '@storyos/domain';
import sharp from 'sharp';
import { z } from 'zod';
import type { AppConfig } from '../../../../core/config/app-config';
import type { ProviderLogger } from '../../../../core/providers/provider-logger';
import { authHeaders, endpoint, providerRequest, readLimited } from '../provider-request';

/** The largest picture accepted from a provider (a 4096² PNG fits). */
const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

const ImagesResponseSchema = z.object({
  data: z.array(z.object({ b64_json: z.string().optional(), url: z.url().optional(), revised_prompt: z.string().optional() })).min(1),
  usage: z.record(z.string(), z.unknown()).optional(),
});

const FORMAT_TYPES: Record<string, RenderedImage['contentType']> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/**
 * Pictures from any OpenAI-compatible images API (OpenAI's gpt-image-1 and
 * dall-e-3, LocalAI, stable-diffusion.cpp's server…). The answer may carry the
 * picture inline (b64_json) or as a URL, which is fetched at once.
 */
export class OpenAiCompatibleImageProvider implements ImageProvider {
  readonly name = 'openai-compatible';
  readonly model: string;

  constructor(
    private readonly config: AppConfig['media']['image'] & { model: string; baseUrl: string },
    private readonly maxRetries: number,
    private readonly logger: ProviderLogger,
  ) {
    this.model = config.model;
  }

  async render(request: ImageRequest, signal: AbortSignal): Promise<RenderedImage> {
    const answer = await providerRequest(
      {
        url: endpoint(this.config.baseUrl, 'images/generations'),
        init: () => ({
          headers: { 'content-type': 'application/json', ...authHeaders(this.config.apiKey) },
          body: JSON.stringify({ model: this.model, prompt: request.prompt, n: 1, size: this.config.size }),
        }),
        model: this.model,
        timeoutMs: this.config.timeoutMs,
        maxRetries: this.maxRetries,
        onRetry: (retry) => this.logger.warn(retry, 'Retrying the images API'),
        read: async (response, attemptSignal) => {
          const parsed = ImagesResponseSchema.safeParse(await response.json().catch(() => null));
          if (!parsed.success) throw new ProviderError('The images API answered without a picture (no data[0].b64_json or url).', false);
          const first = parsed.data.data[0]!;
          const bytes = first.b64_json ? Buffer.from(first.b64_json, 'base64') : await this.download(first.url, attemptSignal);
          return { bytes, revisedPrompt: first.revised_prompt };
        },
      },
      signal,
    );
    const metadata = await sharp(answer.bytes).metadata().catch(() => null);
    const contentType = metadata?.format ? FORMAT_TYPES[metadata.format] : undefined;
    if (!metadata?.width || !metadata.height || !contentType) throw new ProviderError('The images API sent something that is not a PNG, JPEG or WebP picture.', false);
    return {
      bytes: answer.bytes,
      contentType,
      width: metadata.width,
      height: metadata.height,
      provider: this.name,
      model: this.model,
      costCents: this.config.costCents ?? null,
      revisedPrompt: answer.revisedPrompt,
    };
  }

  private async download(url: string | undefined, signal: AbortSignal): Promise<Buffer> {
    if (!url) throw new ProviderError('The images API answered without a picture (no data[0].b64_json or url).', false);
    const response = await fetch(url, { signal });
    if (!response.ok) throw new ProviderError(`The picture could not be fetched from the images API (${response.status}).`, response.status >= 500);
    return readLimited(response, MAX_IMAGE_BYTES);
  }
}
