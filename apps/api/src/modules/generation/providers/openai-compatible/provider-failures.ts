import { ContextOverflowError, ProviderError, ToolsRefusedError } from '@storyos/domain';
import { failureFromResponse, type ErrorRule, type ProviderAnswer } from '../../../../core/providers/http-failures';
import { contextOverflowIn, refusesResponseFormat, refusesTools } from './error-rules';

/** The server does not take the `response_format` we sent; the request can go again without it. */
export class ResponseFormatRefused extends ProviderError {
  constructor(message: string) {
    super(message, false);
  }
}

/** "The prompt was too long", in any of the wordings chat servers use: a second, shorter try can fix it. */
const contextOverflow: ErrorRule = (body) => {
  const overflow = contextOverflowIn(body);
  if (!overflow) return null;
  const counted = overflow.promptTokens !== null && overflow.contextTokens !== null ? ` (${overflow.promptTokens} tokens for a ${overflow.contextTokens}-token context)` : '';
  return new ContextOverflowError(`The prompt was too long for the model${counted}.`, overflow.promptTokens, overflow.contextTokens);
};

const responseFormatRefused: ErrorRule = (body) =>
  refusesResponseFormat(body) ? new ResponseFormatRefused(body.message || `The provider answered ${body.status} to a JSON reply format.`) : null;

const toolsRefused: ErrorRule = (body) => (refusesTools(body) ? new ToolsRefusedError(body.message || `The provider answered ${body.status} to a request with tools.`) : null);

/** A chat completion's error answer: the chat servers' own rules first (for what the request sent), then what any provider's error means. */
export function chatFailureFromResponse(response: ProviderAnswer, model: string, sent: { responseFormat?: boolean; tools?: boolean } = {}): Promise<ProviderError> {
  return failureFromResponse(response, model, [contextOverflow, ...(sent.responseFormat ? [responseFormatRefused] : []), ...(sent.tools ? [toolsRefused] : [])]);
}
