import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MediaCapabilities, PlayerInputMode } from '@storyos/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mediaCapabilitiesQuery } from '../../../lib/media/media-capabilities';
import { TurnInput, type TurnDraft } from './turn-input';

/** A deployment without server-side transcription: the microphone uses the browser's recognition, where there is one. */
const NO_TRANSCRIPTION: MediaCapabilities = {
  uploads: { maxBytes: 5 * 1024 * 1024, contentTypes: ['image/png'] },
  images: { provider: 'builtin', model: 'illustrator' },
  speech: { provider: 'builtin', model: 'espeak-ng', voices: [] },
  transcription: { provider: null, model: null, maxBytes: 10 * 1024 * 1024, contentTypes: ['audio/webm'] },
};

function renderInput(onSend: (content: string, mode: PlayerInputMode) => Promise<boolean>, disabled = false, draft: TurnDraft | null = null) {
  const client = new QueryClient();
  client.setQueryData(mediaCapabilitiesQuery.queryKey, NO_TRANSCRIPTION);
  render(
    <QueryClientProvider client={client}>
      <TurnInput onSend={onSend} disabled={disabled} disabledReason="The narrator is writing" draft={draft} />
    </QueryClientProvider>,
  );
}

function setup(disabled = false) {
  const onSend = jest.fn<Promise<boolean>, [string, PlayerInputMode]>().mockResolvedValue(true);
  renderInput(onSend, disabled);
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
    await waitFor(() => expect((story as HTMLTextAreaElement).value).toBe(''));
  });

  it('takes back an undone action, in the mode it was sent in', () => {
    renderInput(jest.fn(), false, { text: 'I ask Wren about the key.', mode: 'say', nonce: 1 });
    expect((screen.getByRole('textbox', { name: 'What do you say?' }) as HTMLTextAreaElement).value).toBe('I ask Wren about the key.');
  });

  describe('speaking instead of typing', () => {
    /** The browser's recognition as Chromium exposes it: results arrive while the user speaks, then it ends. */
    class FakeRecognition {
      static current: FakeRecognition | null = null;
      lang = '';
      interimResults = false;
      continuous = false;
      onresult: ((event: unknown) => void) | null = null;
      onerror: ((event: { error: string }) => void) | null = null;
      onend: (() => void) | null = null;
      constructor() {
        FakeRecognition.current = this;
      }
      start() {}
      stop() {
        this.onend?.();
      }
      abort() {
        this.onend?.();
      }
      hear(words: string) {
        const result = Object.assign([{ transcript: words }], { isFinal: true });
        this.onresult?.({ resultIndex: 0, results: [result] });
      }
    }

    afterEach(() => {
      delete (window as unknown as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
    });

    it('puts what the browser heard into the box after what was typed, to be corrected before sending', async () => {
      (window as unknown as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition = FakeRecognition;
      const { onSend, input } = setup();
      fireEvent.change(input, { target: { value: 'I whisper' } });
      fireEvent.click(screen.getByRole('button', { name: 'Speak your turn' }));
      const stop = await screen.findByRole('button', { name: 'Stop and use what you said' });
      expect(stop.getAttribute('aria-pressed')).toBe('true');
      act(() => FakeRecognition.current!.hear('open the gate'));
      expect(screen.getByRole('status').textContent).toBe('Heard: open the gate');
      fireEvent.click(stop);
      await waitFor(() => expect(input.value).toBe('I whisper open the gate'));
      expect(onSend).not.toHaveBeenCalled();
    });

    it('hides the microphone and says why when neither the server nor the browser can listen', () => {
      setup();
      expect(screen.queryByRole('button', { name: 'Speak your turn' })).toBeNull();
      expect(screen.getByText(/Voice input is not available/).textContent).toMatch(/no speech recognition/);
    });
  });
});
