import { assemble, fitPrompt, PromptTooLongError, safetyMarginTokens, type ContextBudget } from './context-budget';
import { IMAGE_PROMPT_TOKENS, type PromptPart } from './prompt-plan';
import { countPrompt, MESSAGE_OVERHEAD_TOKENS, PROMPT_OVERHEAD_TOKENS, type TokenCounter } from './token-count';

/** One token per word: easy to reason about in a test. */
const words: TokenCounter = { name: 'words', exact: true, count: (text) => text.split(/\s+/).filter(Boolean).length };
const text = (count: number, word = 'w'): string => Array.from({ length: count }, () => word).join(' ');

const TRANSCRIPT = 0;
const TIMELINE = 1;

/** A game-like prompt: system prompt and state, a timeline, `turns` earlier turns of 100 words each, and the action. */
function gamePrompt(turns: number): PromptPart[] {
  const parts: PromptPart[] = [
    { role: 'system', text: `SYSTEM ${text(50)}` },
    { role: 'system', text: `STATE ${text(30)}` },
  ];
  for (let turn = 1; turn <= turns; turn++) parts.push({ role: 'system', text: `EVENT-${turn} ${text(5)}`, optional: { tier: TIMELINE, order: turn }, joinWith: '\n' });
  for (let turn = 1; turn <= turns; turn++) {
    parts.push({ role: 'user', text: `ACTION-${turn} ${text(10)}`, optional: { tier: TRANSCRIPT, order: turn } });
    parts.push({ role: 'assistant', text: `REPLY-${turn} ${text(90)}`, optional: { tier: TRANSCRIPT, order: turn } });
  }
  parts.push({ role: 'user', text: `LATEST ${text(10)}` });
  return parts;
}

const budget = (contextTokens: number | null, maxOutputTokens = 200, minOutputTokens = 100): ContextBudget => ({ contextTokens, maxOutputTokens, minOutputTokens });
const joined = (messages: { content: string }[]): string => messages.map((message) => message.content).join('\n');

describe('fitting a prompt to the context', () => {
  it('sends everything, as alternating messages, when it fits', () => {
    const fitted = fitPrompt(gamePrompt(2), budget(4096), words);
    expect(fitted.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(fitted.droppedParts).toBe(0);
    expect(fitted.maxTokens).toBe(200);
    expect(fitted.promptTokens).toBe(countPrompt(fitted.messages, words));
  });

  it('drops the oldest turns first, whole (action and reply together), and keeps the system prompt, state, timeline and latest action', () => {
    const parts = gamePrompt(30);
    const fitted = fitPrompt(parts, budget(2048), words);
    const sent = joined(fitted.messages);
    expect(sent).toContain('SYSTEM');
    expect(sent).toContain('STATE');
    expect(sent).toContain('LATEST');
    expect(sent).toContain('EVENT-1 ');
    expect(sent).not.toContain('REPLY-1 ');
    expect(sent).toContain('REPLY-30 ');
    const keptTurns = [...sent.matchAll(/REPLY-(\d+) /g)].map((match) => Number(match[1]));
    const keptActions = [...sent.matchAll(/ACTION-(\d+) /g)].map((match) => Number(match[1]));
    expect(keptActions).toEqual(keptTurns);
    // The newest turns, without gaps.
    expect(keptTurns).toEqual(Array.from({ length: keptTurns.length }, (_, i) => 30 - keptTurns.length + 1 + i));
    expect(fitted.messages[1]?.role).toBe('user');
  });

  it('never exceeds the context: prompt plus max_tokens plus the margin', () => {
    for (const context of [1024, 1500, 2048, 4096]) {
      const fitted = fitPrompt(gamePrompt(30), budget(context), words);
      expect(fitted.promptTokens + fitted.maxTokens + safetyMarginTokens(context)).toBeLessThanOrEqual(context);
      expect(fitted.maxTokens).toBe(200);
    }
  });

  it('drops the summaries (timeline) only after every old turn is gone', () => {
    const fitted = fitPrompt(gamePrompt(30), budget(500), words);
    const sent = joined(fitted.messages);
    expect(sent).not.toMatch(/REPLY-/);
    expect(sent).toContain('EVENT-30 ');
    expect(sent).not.toContain('EVENT-1 ');
  });

  it('shortens the reply, down to the minimum, before it refuses', () => {
    const parts: PromptPart[] = [
      { role: 'system', text: text(200) },
      { role: 'user', text: text(200) },
    ];
    const context = 700;
    const fitted = fitPrompt(parts, budget(context, 400, 100), words);
    expect(fitted.maxTokens).toBeLessThan(400);
    expect(fitted.maxTokens).toBeGreaterThanOrEqual(100);
    expect(fitted.promptTokens + fitted.maxTokens + safetyMarginTokens(context)).toBeLessThanOrEqual(context);
  });

  it('refuses, before anything is sent, a prompt whose required parts leave too little room', () => {
    const parts: PromptPart[] = [
      { role: 'system', text: text(1500) },
      { role: 'user', text: 'go', optional: { tier: 0, order: 0 } },
      { role: 'user', text: 'now' },
    ];
    expect(() => fitPrompt(parts, budget(1024), words)).toThrow(PromptTooLongError);
    try {
      fitPrompt(parts, budget(1024), words);
    } catch (error) {
      expect(error).toMatchObject({ contextTokens: 1024 });
      expect((error as PromptTooLongError).requiredTokens).toBeGreaterThan(1500);
    }
  });

  it('keeps everything for a provider without a context (the builtin engine reads briefs, not messages)', () => {
    const fitted = fitPrompt(gamePrompt(30), budget(null, 300), words);
    expect(fitted.droppedParts).toBe(0);
    expect(fitted.maxTokens).toBe(300);
  });

  it('joins parts of one role into one message with their separators', () => {
    const parts: PromptPart[] = [
      { role: 'system', text: 'A' },
      { role: 'system', text: '- b', joinWith: '\n' },
      { role: 'system', text: 'C' },
      { role: 'user', text: 'D' },
    ];
    expect(assemble(parts, [true, true, true, true])).toEqual([
      { role: 'system', content: 'A\n- b\n\nC' },
      { role: 'user', content: 'D' },
    ]);
    expect(assemble(parts, [true, false, true, true])[0]).toEqual({ role: 'system', content: 'A\n\nC' });
  });

  it('counts the template around every message', () => {
    expect(countPrompt([{ role: 'user', content: 'one two' }], words)).toBe(2 + MESSAGE_OVERHEAD_TOKENS + PROMPT_OVERHEAD_TOKENS);
  });
});

describe('fitting pictures to the context', () => {
  const picture = 'data:image/png;base64,AAAA';

  it('sends a part’s pictures with its message and counts each as IMAGE_PROMPT_TOKENS', () => {
    const parts: PromptPart[] = [
      { role: 'system', text: 'SYSTEM' },
      { role: 'user', text: 'Look', images: [picture] },
      { role: 'user', text: 'and this', images: [picture] },
    ];
    const fitted = fitPrompt(parts, budget(null), words);
    expect(fitted.messages).toEqual([
      { role: 'system', content: 'SYSTEM' },
      { role: 'user', content: 'Look\n\nand this', images: [picture, picture] },
    ]);
    expect(fitted.promptTokens).toBe(countPrompt([{ role: 'system', content: 'SYSTEM' }, { role: 'user', content: 'Look\n\nand this' }], words) + 2 * IMAGE_PROMPT_TOKENS);
  });

  it('lets an earlier message with pictures go when they do not fit, keeping the latest one’s', () => {
    const parts: PromptPart[] = [
      { role: 'system', text: 'SYSTEM' },
      { role: 'user', text: 'OLD', images: [picture], optional: { tier: 0, order: 0 } },
      { role: 'assistant', text: 'A cat.', optional: { tier: 0, order: 0 } },
      { role: 'user', text: 'NEW', images: [picture] },
    ];
    const fitted = fitPrompt(parts, budget(2 * IMAGE_PROMPT_TOKENS + 400, 200, 100), words);
    expect(fitted.messages.map((message) => message.content)).toEqual(['SYSTEM', 'NEW']);
    expect(fitted.messages.at(-1)!.images).toEqual([picture]);
  });
});
