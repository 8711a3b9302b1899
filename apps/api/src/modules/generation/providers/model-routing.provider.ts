import type { GenerationRequest, StreamHooks, StreamOutcome, TextProvider } from '@storyos/domain';

/** The model id `GET /api/models` gives the builtin engine. */
export const BUILTIN_MODEL_ID = 'builtin';

/**
 * The deployment's provider, and the builtin engine beside it: a request
 * that names the builtin model (a user picked it in the model list) is
 * written by the engine even when a chat server is configured; every other
 * request goes to the configured provider with the model it names. The
 * engine is built on first use, so a deployment whose users never pick it
 * does not load its weights.
 */
export class ModelRoutingProvider implements TextProvider {
  readonly name: TextProvider['name'];
  readonly model: string;
  readonly detail: string;
  private builtin: TextProvider | null = null;

  constructor(
    private readonly primary: TextProvider,
    private readonly createBuiltin: () => TextProvider,
  ) {
    this.name = primary.name;
    this.model = primary.model;
    this.detail = primary.detail;
  }

  stream(request: GenerationRequest, signal: AbortSignal, hooks?: StreamHooks): AsyncGenerator<string, StreamOutcome, void> {
    if (request.model !== BUILTIN_MODEL_ID || this.primary.name === 'builtin') {
      const { model, ...rest } = request;
      // The builtin engine has one model; naming it is the same as naming none.
      return this.primary.stream(model === BUILTIN_MODEL_ID ? rest : request, signal, hooks);
    }
    const { model: _builtin, tools: _tools, ...rest } = request;
    this.builtin ??= this.createBuiltin();
    return this.builtin.stream(rest, signal, hooks);
  }
}

/** Who writes a request naming `model` (absent: the configured one), as a generation records it. */
export function writerOf(provider: Pick<TextProvider, 'name' | 'model'>, model: string | undefined): { provider: TextProvider['name']; model: string } {
  if (provider.name === 'builtin') return { provider: 'builtin', model: provider.model };
  if (model === BUILTIN_MODEL_ID) return { provider: 'builtin', model: BUILTIN_MODEL_ID };
  return { provider: provider.name, model: model ?? provider.model };
}
