import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PlayerInputMode } from '@storyos/contracts';
import { TurnInput, type TurnDraft } from './turn-input';

function setup(disabled = false, draft: TurnDraft | null = null) {
  const onSend = jest.fn<Promise<boolean>, [string, PlayerInputMode]>().mockResolvedValue(true);
  render(<TurnInput onSend={onSend} disabled={disabled} disabledReason="The narrator is writing" draft={draft} />);
  const input = screen.getByRole('textbox', { name: 'What do you do?' }) as HTMLTextAreaElement;
  return { onSend, input };
}

describe('the action input', () => {
  it('sends the action on Enter and clears itself once the turn is accepted', async () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'Open the door' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Open the door', 'do');
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('keeps writing on Shift+Enter instead of sending', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'First line' } });
    const notPrevented = fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(notPrevented).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send while an input method is composing a word', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'こんにちは' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send an empty action', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('keeps the text when the turn is refused', async () => {
    const { onSend, input } = setup();
    onSend.mockResolvedValue(false);
    fireEvent.change(input, { target: { value: 'Try again' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(input.value).toBe('Try again');
  });

  it('counts characters against the 2,000 limit', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: 'x'.repeat(2500) } });
    expect(input.value).toHaveLength(2000);
    expect(screen.getByText('2,000 / 2,000')).toBeTruthy();
  });

  it('is disabled while a reply streams and says why', () => {
    const { onSend, input } = setup(true);
    expect(input.disabled).toBe(true);
    expect(screen.getByText(/The narrator is writing/)).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends a line of dialogue in Say mode and story text in Story mode, saying which', async () => {
    const { onSend } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Say' }));
    const say = screen.getByRole('textbox', { name: 'What do you say?' });
    fireEvent.change(say, { target: { value: 'Who goes there?' } });
    fireEvent.keyDown(say, { key: 'Enter' });
    expect(onSend).toHaveBeenLastCalledWith('Who goes there?', 'say');
    fireEvent.click(screen.getByRole('button', { name: 'Story' }));
    const story = screen.getByRole('textbox', { name: 'What happens next?' });
    await waitFor(() => expect((story as HTMLTextAreaElement).value).toBe(''));
    fireEvent.change(story, { target: { value: 'A bell rang.' } });
    fireEvent.keyDown(story, { key: 'Enter' });
    expect(onSend).toHaveBeenLastCalledWith('A bell rang.', 'story');
  });

  it('takes back an undone action, in the mode it was sent in', () => {
    render(<TurnInput onSend={jest.fn()} disabled={false} draft={{ text: 'I ask Wren about the key.', mode: 'say', nonce: 1 }} />);
    expect((screen.getByRole('textbox', { name: 'What do you say?' }) as HTMLTextAreaElement).value).toBe('I ask Wren about the key.');
  });
});
