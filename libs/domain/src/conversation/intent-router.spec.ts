import { INTENT_RULES, routeIntent } from './intent-router';

const withDocument = { hasDocument: true };
const withoutDocument = { hasDocument: false };

describe('the builtin intent router', () => {
  it.each([
    ['Write a story about a shy dragon who learns to swim', 'createDocument'],
    ['Can you write me a short poem about the sea?', 'createDocument'],
    ['tell me a bedtime story about a fox', 'createDocument'],
    ['Compose a haiku on autumn rain', 'createDocument'],
    ['Draft the opening scene of a heist', 'createDocument'],
  ])('asks for a document when the message asks for a piece: %s', (message, intent) => {
    expect(routeIntent(message, withoutDocument).intent).toBe(intent);
  });

  it.each([
    ['Make it darker'],
    ['Shorten the ending'],
    ['Please rewrite it in the first person'],
    ['Could you make the story funnier'],
    ['add a twist at the end of the story'],
  ])('revises the open document on an instruction to change it: %s', (message) => {
    expect(routeIntent(message, withDocument).intent).toBe('updateDocument');
  });

  it.each([['How could this be better?'], ['Any suggestions?'], ['What would you change?'], ['Give me feedback on the poem']])('asks for suggestions when the user wants feedback: %s', (message) => {
    expect(routeIntent(message, withDocument).intent).toBe('requestSuggestions');
  });

  it('does not revise or suggest when no document is open', () => {
    expect(routeIntent('Make it darker', withoutDocument).intent).toBe('reply');
    expect(routeIntent('How could this be better?', withoutDocument).intent).toBe('reply');
  });

  it.each([['Hello!'], ['What is a sonnet made of?'], ['Thanks, that was lovely']])('answers plain messages with a reply: %s', (message) => {
    expect(routeIntent(message, withDocument)).toEqual({ intent: 'reply', rule: null });
  });

  it('names the rule that decided, so every rule is reachable', () => {
    const decided = new Set(['Write a poem about rain', 'Make it darker', 'Any suggestions?'].map((m) => routeIntent(m, withDocument).rule));
    expect([...decided].sort()).toEqual(INTENT_RULES.map((rule) => rule.name).sort());
  });
});
