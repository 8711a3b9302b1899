import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TurnInput } from './turn-input';

function setup(disabled = false) {
  const onSend = jest.fn<Promise<boolean>, [string]>().mockResolvedValue(true);
  render(<TurnInput onSend={onSend} disabled={disabled} disabledReason="The narrator is writing" />);
  const input = screen.getByRole('textbox', { name: 'What do you do?' }) as HTMLTextAreaElement;
  return { onSend, input };
}

describe('the action input', () => {
  it('sends the action on Enter and clears itself once the turn is accepted', async () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'Open the door' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Open the door');
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
});
