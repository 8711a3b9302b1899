import { EMPTY_STORY_REQUIREMENTS } from '@storyos/contracts';
import { builtinAgentReply, describeChanges } from './agent-reply';
import { extractRequirements } from './extract-requirements';

describe('the builtin agent', () => {
  it('greets and asks the first two questions when nothing is known yet', () => {
    const reply = builtinAgentReply(EMPTY_STORY_REQUIREMENTS, EMPTY_STORY_REQUIREMENTS);
    expect(reply).toBe('Let’s make a story together! Who is the story for — how old are they? Who is in the story? Tell me about the main character (a name helps).');
  });

  it('says in one sentence what it understood, then invites "Make my story" when the required fields are known', () => {
    const after = extractRequirements(EMPTY_STORY_REQUIREMENTS, 'a bedtime story for my 5-year-old about a shy dragon who learns to swim, three scenes');
    const reply = builtinAgentReply(EMPTY_STORY_REQUIREMENTS, after);
    expect(reply).toBe(
      'Got it: for ages 4 to 6, a shy dragon, what happens: a shy dragon learns to swim, gentle in tone, 3 scenes. I have what I need — press “Make my story” whenever you like. Or tell me more: where does it take place?',
    );
  });

  it('asks for the plot when only the audience and the hero are known', () => {
    const after = extractRequirements(EMPTY_STORY_REQUIREMENTS, "she's 7 and it's about a princess and her cat");
    expect(builtinAgentReply(EMPTY_STORY_REQUIREMENTS, after)).toBe('Got it: for ages 7 to 9, a princess and the princess\'s cat. What happens in the story?');
  });

  it('says plainly when a message added nothing', () => {
    const known = { ...EMPTY_STORY_REQUIREMENTS, ageBand: '4-6' as const };
    expect(builtinAgentReply(known, known)).toMatch(/^I didn’t catch anything new there\. Who is in the story\?/);
  });

  it('names a renamed character with who they are', () => {
    const before = { ...EMPTY_STORY_REQUIREMENTS, characters: [{ name: 'the dragon', description: 'a shy dragon' }] };
    expect(describeChanges(before, extractRequirements(before, 'call him Pip'))).toBe('Got it: Pip (a shy dragon).');
  });
});
