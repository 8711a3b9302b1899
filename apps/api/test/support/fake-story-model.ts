import { errorAnswer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './fake-openai-server';

/** Everything a request asked, as one string. */
export const promptOf = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).map((message) => message.content).join('\n');
const lastAsk = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).at(-1)?.content ?? '';

/** What StoryOS asked for, told apart by the words of its prompts. */
export type AskKind = 'repair' | 'world-state' | 'outline' | 'premise' | 'extend' | 'chapter' | 'continue-reply' | 'narrator';
export function askKind(request: RecordedRequest): AskKind {
  const ask = lastAsk(request);
  if (ask.includes('That reply could not be used')) return 'repair';
  if (ask.includes("Narrator's reply this turn:")) return 'world-state';
  if (ask.includes('Outline the story in')) return 'outline';
  if (ask.includes('Write the premise of this story')) return 'premise';
  if (ask.includes('The text above was cut off by the length limit')) return 'extend';
  if (ask.includes('Begin with the heading line')) return 'chapter';
  if (ask.includes('Your reply was cut off by the length limit')) return 'continue-reply';
  return 'narrator';
}

/** Word-sized deltas, as a server streams them. */
export const words = (text: string): string[] => text.match(/\S+\s*/g) ?? [];
const prose = (text: string): FakeAnswer => streamAnswer({ deltas: words(text), finishReason: 'stop' });

/** A few sentences that differ per call, so that every reply is its own text. */
export function narration(marker: string, sentences = 6): string {
  const lines = [
    `The lanterns swayed as ${marker} began.`,
    'Old Jory hummed by the gate, winding a brass bee with a tiny key.',
    'Somewhere in the orchard a clockwork apple ticked louder than the rest.',
    'You noticed fresh footprints in the frost, small and quick, leading toward the greenhouse.',
    'A bell rang three times, then stopped as if someone had caught it.',
    'The wind carried the smell of oil and crushed mint across the rows.',
    'Far off, the mill wheel creaked and the weathervane spun to face the north.',
    'What do you do?',
  ];
  return Array.from({ length: sentences }, (_, i) => lines[i % lines.length]).join(' ');
}

export interface StoryModelScript {
  /** Every nth world-state request (counting from 1) is answered with prose instead of JSON; 0: never. */
  proseToJsonEvery?: number;
  /** The outline's first reply is prose, its second chance JSON. */
  proseOutlineFirst?: boolean;
  /** A narrator reply, by its position among narrator requests (1: the opening). */
  narrator?: (index: number) => string;
  /** A chapter's text, by its position among chapter requests. */
  chapter?: (index: number) => string;
  /** Narrator requests (by position) the server refuses, as a model that is not loaded. */
  refuseNarrator?: (index: number) => boolean;
}

export interface StoryModelCalls {
  counts: Record<AskKind, number>;
}

/**
 * A chat model for StoryOS's prompts behind the fake server: prose where
 * prose is asked, JSON where JSON is, now and then prose to a JSON request
 * (and JSON on the second chance), as small local models do.
 */
export function routeStoryModel(fake: FakeOpenAiServer, script: StoryModelScript = {}): StoryModelCalls {
  const counts: Record<AskKind, number> = { repair: 0, 'world-state': 0, outline: 0, premise: 0, extend: 0, chapter: 0, 'continue-reply': 0, narrator: 0 };
  const every = script.proseToJsonEvery ?? 0;
  fake.route(
    () => true,
    (res, request) => {
      const kind = askKind(request);
      counts[kind] += 1;
      const n = counts[kind];
      switch (kind) {
        case 'repair':
          return (promptOf(request).includes('Outline the story in') ? prose(outlineJson(5)) : prose(worldStateJson(n + 1000)))(res, request);
        case 'world-state':
          return (every > 0 && n % every === 0 ? prose('Sure! Quite a lot changed in the world this turn, as you can see.') : prose(worldStateJson(n)))(res, request);
        case 'outline':
          return (script.proseOutlineFirst && n === 1 ? prose('Here is my plan: first they meet, then they part, and in the end they wind the clock.') : prose(outlineJson(5)))(res, request);
        case 'premise':
          return prose('Ada Finch must find the stolen winding key before the endless winter freezes Brindle Hill for good.')(res, request);
        case 'extend':
          return prose('and then, at last, the great clock struck and the passage came to its pause.')(res, request);
        case 'chapter':
          return prose(script.chapter?.(n) ?? narration(`chapter ${n}`, 8))(res, request);
        case 'continue-reply':
          return prose('and the bell fell silent. What do you do?')(res, request);
        case 'narrator':
          if (script.refuseNarrator?.(n)) return errorAnswer(400, { error: { code: 400, message: 'The model is still loading.', type: 'unavailable_error' } })(res, request);
          return prose(script.narrator?.(n) ?? narration(`reply ${n}`))(res, request);
      }
    },
  );
  return { counts };
}

export function worldStateJson(n: number): string {
  return JSON.stringify({
    worldState: `After step ${n}, Nell keeps searching the orchard for the lost winding key while the frost deepens.`,
    currentLocation: n % 2 ? 'the greenhouse' : 'the orchard gate',
    characters: [{ name: 'Old Jory', summary: `The beekeeper by the gate; helpful at step ${n}.` }],
    event: `Nell followed a new clue (step ${n}).`,
    act: 1,
    chapter: 1 + Math.floor(n / 5),
  });
}

export function outlineJson(chapters: number): string {
  return JSON.stringify({
    chapters: Array.from({ length: chapters }, (_, i) => ({ title: `Chapter of the Key ${i + 1}`, summary: `Ada follows the trail of the winding key through Brindle Hill, step ${i + 1}, and Bram Holt is never far behind.` })),
  });
}
