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
    characters: [{ name: 'Mara', summary: 'You: a keeper.' }],
    present: [],
    timeline: [],
    act: 1,
    chapter: 1,
    turnCount: 0,
  };

  async function worldStateReply(brief: Omit<Extract<StoryBrief, { task: 'game.world-state' }>, 'task' | 'previous' | 'playerName'>) {
    const stream = new BuiltinStoryEngine({}).stream({ messages: [], brief: { task: 'game.world-state', previous, playerName: 'Mara', ...brief } }, new AbortController().signal);
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

describe.each([
  ['with the TinyStories model', withModel],
  ['with templates only', templates],
])('the builtin narrator answers the action %s', (_label, engine) => {
  it('answers a question to someone named by what they are, with the name asked for', async () => {
    const { text } = await collect(engine, { messages: [], brief: turn('I ask the stranger her name'), seed: 3 });
    expect(text).toMatch(/the stranger/i);
    expect(text).toMatch(/"My name is \p{Lu}\p{Ll}+\./u);
  });

  it('answers an action on a thing with a sentence about that thing', async () => {
    const { text } = await collect(engine, { messages: [], brief: turn('I pick up the rusty lantern'), seed: 3 });
    expect(text.split(/(?<=[.!?]["”]?)\s+/).filter((sentence) => /rusty lantern/i.test(sentence)).length).toBeGreaterThanOrEqual(2);
  });

  it('meets keyboard mashing with an in-world "nothing happens", never echoing it', async () => {
    const { text } = await collect(engine, { messages: [], brief: turn('asdf'), seed: 3 });
    expect(text).not.toMatch(/asdf/i);
    expect(text).toMatch(/nothing (?:happened|came of it)/i);
  });

  it('echoes a 2,000-character action up to where a phrase ends', async () => {
    const action = `I check the airlock controls one panel at a time while the lights flicker over the ring, ${'reading every warning and listening for the crew beyond the hatch '.repeat(30)}`.slice(0, 2000);
    const { text } = await collect(engine, { messages: [], brief: turn(action), seed: 3 });
    const echo = /you (?:decided|chose|set out) to (.+?)\./i.exec(text)?.[1] ?? '';
    expect(echo).toBe('check the airlock controls one panel at a time while the lights flicker over the ring');
  });

  it('tells Say as speech, takes Story text as already told, and goes on for Continue', async () => {
    const say = await collect(engine, { messages: [], brief: turn('where is the keeper', { mode: 'say' }), seed: 3 });
    expect(say.text).toMatch(/"Where is the keeper\."|Where is the keeper\./);
    const story = await collect(engine, { messages: [], brief: turn('A bell rang out across the water.', { mode: 'story' }), seed: 3 });
    expect(story.text).not.toMatch(/decided to|chose to|set out to|A bell rang out across the water/);
    const more = await collect(engine, { messages: [], brief: turn('', { mode: 'continue' }), seed: 3 });
    expect(more.text).not.toMatch(/decided to|chose to|set out to/);
    expect(words(more.text)).toBeGreaterThanOrEqual(60);
  });

  it('writes each regeneration differently from its first words', async () => {
    const first = await collect(engine, { messages: [], brief: turn('I climb the stairs'), seed: 8 });
    const second = await collect(engine, { messages: [], brief: turn('I climb the stairs', { variant: 1 }), seed: 9 });
    const third = await collect(engine, { messages: [], brief: turn('I climb the stairs', { variant: 2 }), seed: 10 });
    const start = (text: string) => text.split(/(?<=[.!?]["”]?)\s+/).slice(0, 2).join(' ');
    expect(new Set([start(first.text), start(second.text), start(third.text)]).size).toBe(3);
    const openings = await Promise.all([0, 1].map((variant) => collect(engine, { messages: [], brief: { ...opening, variant } as StoryBrief, seed: 20 + variant })));
    expect(openings[0]!.text.slice(0, 120)).not.toBe(openings[1]!.text.slice(0, 120));
  });
});
