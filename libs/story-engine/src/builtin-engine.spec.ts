import { applyWorldStateReply, parseWorldStateReply, readWorldStateReply, type StoryBrief } from '@storyos/domain';
import { BuiltinStoryEngine } from './builtin-engine';
import { abortAfterTwoDeltas, collectStream, modelFiles, readModelFile } from './model-files.spec-helper';


const noPause = () => Promise.resolve();
const withModel = new BuiltinStoryEngine({ model: modelFiles(), yieldToEventLoop: noPause });
const templates = new BuiltinStoryEngine({ yieldToEventLoop: noPause });

const base = {
  scenarioName: 'The Keeper of the Light',
  setting: 'A storm-battered island where ships vanish in the fog.',
  playerName: 'Mara',
  playerRole: "a lighthouse keeper's apprentice",
  location: 'the Old Lighthouse',
  tone: 'mysterious' as const,
};
const opening: StoryBrief = { task: 'game.opening', ...base, characters: ['Mara'] };
const turn = (action: string, extra: Partial<StoryBrief> = {}): StoryBrief => ({ task: 'game.turn', ...base, characters: ['Mara', 'Wren'], action, turn: 1, recentEvents: [], ...extra }) as StoryBrief;

const collect = collectStream;

const words = (text: string) => text.trim().split(/\s+/).length;

describe.each([
  ['with the TinyStories model', withModel],
  ['with templates only', templates],
])('builtin story engine %s', (_label, engine) => {
  it('writes an opening that names the player, the role and the place, in 80–180 words ending at a sentence', async () => {
    const { text, outcome } = await collect(engine, { messages: [], brief: opening, seed: 11 });
    expect(text).toContain('Mara');
    expect(text).toContain("lighthouse keeper's apprentice");
    expect(text).toContain('the Old Lighthouse');
    expect(words(text)).toBeGreaterThanOrEqual(80);
    expect(words(text)).toBeLessThanOrEqual(180);
    expect(text).toMatch(/[.!?]["”]?$/);
    expect(outcome.finishReason).toBe('stop');
    expect(outcome.completionTokens).toBeGreaterThan(0);
  });

  it('echoes the action in the second person and brings in a character at the place', async () => {
    const { text } = await collect(engine, { messages: [], brief: turn('I light the great lamp'), seed: 5 });
    expect(text).toMatch(/you (?:decided|chose|set out) to light the great lamp\./i);
    expect(text).toContain('Wren');
    expect(text).toContain('the Old Lighthouse');
    expect(text).not.toMatch(/\b(?:Lily|Tim|Ben|Sue|Tom|Max|Amy|Sam|Mia|Jack|Anna|Lucy|Sara|Spot)\b/);
    expect(words(text)).toBeGreaterThanOrEqual(80);
    expect(words(text)).toBeLessThanOrEqual(180);
  });

  it('follows the player to the place the action goes to', async () => {
    const { text } = await collect(engine, { messages: [], brief: turn('Go to the sea cave'), seed: 5 });
    expect(text).toContain('the sea cave');
  });

  it('gives the same text for the same request and seed, and varies with the seed and the turn', async () => {
    const a = await collect(engine, { messages: [], brief: turn('open the door'), seed: 1 });
    const b = await collect(engine, { messages: [], brief: turn('open the door'), seed: 1 });
    const c = await collect(engine, { messages: [], brief: turn('open the door'), seed: 2 });
    const d = await collect(engine, { messages: [], brief: turn('open the door', { turn: 2 } as Partial<StoryBrief>), seed: 1 });
    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
    expect(d.text).not.toBe(a.text);
  });

  it('is deterministic without a seed, from the messages', async () => {
    const request = { messages: [{ role: 'user' as const, content: 'A fox found a key.' }], brief: opening };
    expect((await collect(engine, request)).text).toBe((await collect(engine, request)).text);
  });

  it('stops promptly when aborted and says so', async () => {
    const step = await abortAfterTwoDeltas(engine, { messages: [], brief: opening, seed: 3 });
    expect(step.done).toBe(true);
    expect(step.value).toMatchObject({ finishReason: 'aborted', completionTokens: 2 });
  });

  it('stops at maxTokens with finishReason length', async () => {
    const { deltas, outcome } = await collect(engine, { messages: [], brief: opening, seed: 3, maxTokens: 10 });
    expect(deltas).toHaveLength(10);
    expect(outcome.finishReason).toBe('length');
  });

  it('writes a short story continuing the last user message when there is no brief', async () => {
    const { text, outcome } = await collect(engine, { messages: [{ role: 'user', content: 'Once upon a time, a small dragon named Ember lived in a cave.' }], seed: 4 });
    expect(words(text)).toBeGreaterThan(20);
    expect(text).toMatch(/[.!?]["”]?$/);
    expect(outcome.finishReason).toBe('stop');
  });
});

describe('builtin story engine runtime', () => {
  it('says which writer is active', () => {
    expect(withModel).toMatchObject({ name: 'builtin', model: 'tinystories-260k', detail: 'TinyStories 260K model + story planner' });
    expect(templates).toMatchObject({ name: 'builtin', model: 'templates', detail: 'Story planner templates (model weights not found)' });
  });

  it('falls back to templates when the weights are unreadable', () => {
    const broken = new BuiltinStoryEngine({ model: { checkpoint: new Uint8Array(12), tokenizer: new Uint8Array(12) } });
    expect(broken.model).toBe('templates');
    expect(broken.detail).toMatch(/unreadable/);
  });

  it('pauses for the event loop while the model writes', async () => {
    let pauses = 0;
    const engine = new BuiltinStoryEngine({
      model: { checkpoint: readModelFile('stories260K.bin'), tokenizer: readModelFile('tok512.bin') },
      yieldToEventLoop: async () => void pauses++,
    });
    await collect(engine, { messages: [], brief: opening, seed: 9 });
    expect(pauses).toBeGreaterThan(10);
  });

  it('keeps concurrent streams apart (each has its own KV cache)', async () => {
    const requests = [1, 2, 3].map((seed) => ({ messages: [], brief: turn('open the door'), seed }));
    const alone = [];
    for (const r of requests) alone.push((await collect(withModel, r)).text);
    const pausing = new BuiltinStoryEngine({
      model: { checkpoint: readModelFile('stories260K.bin'), tokenizer: readModelFile('tok512.bin') },
      yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    });
    const together = await Promise.all(requests.map((r) => collect(pausing, r)));
    expect(together.map((t) => t.text)).toEqual(alone);
  });
});

describe('builtin engine: the world-state step', () => {
  const previous = {
    worldState: 'A storm gathers.',
    currentLocation: 'the harbour',
    characters: [{ name: 'Mara', summary: 'The player.' }],
    timeline: [],
    act: 1,
    chapter: 1,
    turnCount: 0,
  };

  async function worldStateReply(brief: Omit<Extract<StoryBrief, { task: 'game.world-state' }>, 'task' | 'previous'>) {
    const stream = new BuiltinStoryEngine({}).stream({ messages: [], brief: { task: 'game.world-state', previous, ...brief } }, new AbortController().signal);
    let text = '';
    let next = await stream.next();
    while (!next.done) {
      text += next.value;
      next = await stream.next();
    }
    return { text, finishReason: next.value.finishReason };
  }

  it('streams the derived world state as JSON the world-state parser accepts', async () => {
    const { text, finishReason } = await worldStateReply({ action: 'I walk to the Old Lighthouse', reply: 'You reach the Old Lighthouse, where Elias waits.', turn: 1 });
    expect(finishReason).toBe('stop');
    const state = parseWorldStateReply(text, previous);
    expect(state.turnCount).toBe(1);
    expect(state.currentLocation).toMatch(/Old Lighthouse/);
    expect(state.timeline.length).toBe(1);
  });

  it('answers with the whole next state, which the step takes as it is, as from any model', async () => {
    const { text } = await worldStateReply({ action: 'I walk to the Old Lighthouse', reply: 'You reach the Old Lighthouse, where Elias waits.', turn: 1 });
    const read = readWorldStateReply(text);
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.reply.kind).toBe('state');
    expect(applyWorldStateReply(previous, read.reply, 1)).toEqual(JSON.parse(text));
  });

  it('after the opening, logs no player action and keeps the turn count at 0', async () => {
    const { text } = await worldStateReply({ action: null, reply: 'You wait on the bridge. Captain Ilse Brand nods to you.', turn: 0 });
    const state = JSON.parse(text);
    expect(state).toMatchObject({ turnCount: 0, timeline: [], act: 1, chapter: 1 });
    expect(state.characters.length).toBeGreaterThan(previous.characters.length);
  });
});
