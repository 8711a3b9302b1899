import type { WorldState } from '@storyos/contracts';
import { applyWorldStateReply, readWorldStateReply, WORLD_STATE_REPLY_FORMAT, worldStateReplyProblems } from './world-state-update';

const before: WorldState = {
  worldState: 'Night on the bridges.',
  currentLocation: 'the Copper Bridge',
  characters: [
    { name: 'Juno', summary: 'The player: a courier.' },
    { name: 'Old Marta', summary: 'Sells maps.' },
  ],
  present: ['Old Marta'],
  timeline: [{ turn: 1, event: 'Juno met Old Marta.' }],
  act: 1,
  chapter: 2,
  turnCount: 1,
};

const update = { worldState: 'Dawn breaks.', currentLocation: 'the Salt Steps', characters: [{ name: 'old marta', summary: 'Sells maps that change.' }, { name: 'Ilse', summary: 'A ferrywoman.' }], event: 'Juno crossed to the Salt Steps.', act: 1, chapter: 1 };

describe('the world-state step’s reply', () => {
  it('merges the turn’s changes: characters by name, the event onto the timeline, acts and chapters never backwards', () => {
    const read = readWorldStateReply(`Sure!\n\`\`\`json\n${JSON.stringify(update)}\n\`\`\``);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(applyWorldStateReply(before, read.reply, 2)).toEqual({
      worldState: 'Dawn breaks.',
      currentLocation: 'the Salt Steps',
      characters: [
        { name: 'Juno', summary: 'The player: a courier.' },
        { name: 'Old Marta', summary: 'Sells maps that change.' },
        { name: 'Ilse', summary: 'A ferrywoman.' },
      ],
      present: ['Old Marta', 'Ilse'],
      timeline: [
        { turn: 1, event: 'Juno met Old Marta.' },
        { turn: 2, event: 'Juno crossed to the Salt Steps.' },
      ],
      act: 1,
      chapter: 2,
      turnCount: 2,
    });
  });

  it('still takes a whole world state (what older prompts ask for), counting the turn itself', () => {
    const read = readWorldStateReply(JSON.stringify({ ...before, currentLocation: 'the Mint', turnCount: 99 }));
    expect(read.ok && applyWorldStateReply(before, read.reply, 2)).toEqual({ ...before, currentLocation: 'the Mint', turnCount: 2 });
  });

  it('clips over-long text instead of refusing it', () => {
    expect(worldStateReplyProblems(JSON.stringify({ ...update, worldState: 'x'.repeat(5000) }))).toEqual([]);
  });

  it.each([
    ['prose', 'Peptermty, ion and undles went to the market.', /no JSON object/],
    ['a field of the wrong type', JSON.stringify({ ...update, characters: 'many' }), /^characters: /],
    ['a missing event', JSON.stringify({ ...update, event: undefined }), /^event: /],
  ])('names the problems in %s, and guesses nothing', (_name, text, problem) => {
    expect(readWorldStateReply(text)).toEqual({ ok: false, problems: expect.arrayContaining([expect.stringMatching(problem)]) });
  });

  it('asks providers for the update’s shape, without the length limits grammars choke on', () => {
    const schema = JSON.stringify(WORLD_STATE_REPLY_FORMAT.schema);
    expect(schema).toContain('"event"');
    expect(schema).not.toContain('maxLength');
    expect(schema).not.toContain('$schema');
  });
});
