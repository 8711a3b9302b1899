import type { PromptPart } from '@storyos/domain';

/** Enough of an unreadable reply for the model to see what it did; a long prose reply need not be sent back whole. */
const SHOWN_REPLY_CHARS = 1500;

/** The second chance for a structured reply: the model sees its reply and what was wrong with it. */
export function repairParts(reply: string, problems: string[], asJson: boolean): PromptPart[] {
  const shown = reply.length > SHOWN_REPLY_CHARS ? `${reply.slice(0, SHOWN_REPLY_CHARS)}…` : reply;
  const again = asJson ? 'Reply again with only the JSON object, in exactly the shape asked for, and nothing else.' : 'Reply again in exactly the form asked for, and nothing else.';
  return [
    { role: 'assistant', text: shown || '(an empty reply)' },
    { role: 'user', text: `That reply could not be used:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n${again}` },
  ];
}
