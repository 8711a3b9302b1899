import type { GameMessage } from '@storyos/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { Transcript } from './transcript';

const at = '2025-01-01T00:00:00.000Z';
const GEN = '22222222-2222-4222-8222-222222222222';
const message = (overrides: Partial<GameMessage>): GameMessage => ({ id: 'm1', role: 'narrator', content: '', generationId: null, status: 'completed', error: null, finishReason: 'stop', turn: 0, createdAt: at, ...overrides });
const idle: GenerationStreamView = { text: '', lastSeq: 0, phase: 'idle', status: null, error: null, notice: null };

function renderTranscript(messages: GameMessage[], props: Partial<Parameters<typeof Transcript>[0]> = {}) {
  const onContinue = jest.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Transcript messages={messages} liveReplyId={null} liveContinues={false} stream={idle} onRegenerate={jest.fn()} regenerating={false} onContinue={onContinue} continuing={false} busy={false} {...props} />
    </QueryClientProvider>,
  );
  return { onContinue };
}

describe('the transcript', () => {
  it('says when the last reply was cut off at the length limit, and lets the narrator continue it', () => {
    const { onContinue } = renderTranscript([message({ content: 'You wait. The bell', finishReason: 'length' })]);
    expect(screen.getByText('Cut off at the length limit')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue the reply' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('offers no Continue for a reply that ended on its own, or for an older cut one', () => {
    renderTranscript([message({ id: 'a', content: 'Cut.', finishReason: 'length' }), message({ id: 'b', role: 'player', content: 'go on', turn: 1 }), message({ id: 'c', content: 'Done.', turn: 1 })]);
    expect(screen.queryByRole('button', { name: 'Continue the reply' })).toBeNull();
    expect(screen.getByText('Cut off at the length limit')).toBeTruthy();
  });

  it('shows a continuation growing from the reply it continues', () => {
    const stream: GenerationStreamView = { ...idle, text: 'rang again.', phase: 'streaming', status: 'streaming' };
    renderTranscript([message({ content: 'You wait. The bell', finishReason: 'length', status: 'streaming', generationId: GEN })], { liveReplyId: GEN, liveContinues: true, stream });
    expect(screen.getByRole('article', { name: 'Narrator' }).textContent).toContain('You wait. The bell rang again.');
  });

  it('says the provider is being retried while nothing is written yet', () => {
    const stream: GenerationStreamView = { ...idle, phase: 'streaming', status: 'streaming', notice: 'The provider could not be reached (ECONNREFUSED). Retrying the provider (attempt 2 of 4)…' };
    renderTranscript([message({ content: '', status: 'streaming', generationId: GEN })], { liveReplyId: GEN, stream });
    expect(screen.getByText(/Retrying the provider \(attempt 2 of 4\)/)).toBeTruthy();
  });
});
