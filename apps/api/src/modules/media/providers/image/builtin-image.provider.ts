import { renderAsync } from '@resvg/resvg-js';
import type { ImageProvider, ImageRequest, RenderedImage } from '@storyos/domain';
import { ProviderError } from '@storyos/domain';
import { CAPTION_FONT, composeScene, drawPlate } from '@storyos/illustrator';
import { ProviderAbortedError } from '../provider-request';

const SIZES: Record<NonNullable<ImageRequest['aspect']>, { width: number; height: number }> = {
  landscape: { width: 1024, height: 768 },
  square: { width: 1024, height: 1024 },
  portrait: { width: 768, height: 1024 },
};

/** Lora, shipped in an npm package, so captions render the same on a bare server with no fonts installed. */
const FONT_FILES = ['400Regular/Lora_400Regular.ttf', '400Regular_Italic/Lora_400Regular_Italic.ttf'].map((file) => require.resolve(`@expo-google-fonts/lora/${file}`));

/**
 * The offline illustrator: reads the scene's text into a composed picture-book
 * plate (setting, light, mood, characters, caption), drawn as SVG and
 * rasterised to PNG by resvg.
 */
export class BuiltinImageProvider implements ImageProvider {
  readonly name = 'builtin';
  readonly model = 'storyos-illustrator';

  async render(request: ImageRequest, signal: AbortSignal): Promise<RenderedImage> {
    if (signal.aborted) throw new ProviderAbortedError();
    if (!request.prompt.trim()) throw new ProviderError('There is no scene text to illustrate.', false);
    const size = SIZES[request.aspect ?? 'landscape'];
    const svg = drawPlate(composeScene(request), size);
    // Rasterised on libuv's thread pool, so the event loop keeps serving while it draws.
    const png = (await renderAsync(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CAPTION_FONT } }, signal)).asPng();
    if (signal.aborted) throw new ProviderAbortedError();
    return { bytes: png, contentType: 'image/png', width: size.width, height: size.height, provider: this.name, model: this.model, costCents: null };
  }
}
