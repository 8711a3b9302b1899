import { RECORDED_REQUESTS_PATH, type RecordedRequest } from './paced-story-server';
import { readStackInfo } from './stack-info';

/** Everything the stack's provider stub was asked so far, oldest first. */
export async function recordedProviderRequests(): Promise<RecordedRequest[]> {
  const root = new URL(readStackInfo().providerUrl).origin;
  const response = await fetch(`${root}${RECORDED_REQUESTS_PATH}`);
  if (!response.ok) throw new Error(`The provider stub answered ${response.status}`);
  return (await response.json()) as RecordedRequest[];
}

/** The narrator requests (not the world-state steps), oldest first. */
export async function narratorRequests(): Promise<RecordedRequest[]> {
  return (await recordedProviderRequests()).filter((request) => !request.messages.some((message) => message.role === 'system' && /JSON object/i.test(message.content)));
}

/** The prompt as one text: what a test looks for memory and story cards in. */
export const promptText = (request: RecordedRequest): string => request.messages.map((message) => `${message.role}: ${message.content}`).join('\n\n');
