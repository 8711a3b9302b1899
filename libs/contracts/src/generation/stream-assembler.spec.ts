import { StreamAssembler } from './stream-assembler';

describe('assembling a generation’s stream', () => {
  it('holds the latest notice until text arrives, and changes no text for it', () => {
    const assembler = new StreamAssembler();
    assembler.push({ type: 'notice', seq: 1, message: 'Retrying the provider (attempt 2 of 3)…' });
    expect(assembler.state()).toMatchObject({ text: '', lastSeq: 1, notice: 'Retrying the provider (attempt 2 of 3)…' });
    assembler.push({ type: 'delta', seq: 2, text: 'Once' });
    expect(assembler.state()).toMatchObject({ text: 'Once', lastSeq: 2, notice: null });
  });

  it('clears a notice when the stream ends', () => {
    const assembler = new StreamAssembler();
    assembler.push({ type: 'notice', seq: 1, message: 'Retrying…' });
    assembler.push({ type: 'end', seq: 2, status: 'failed', finishReason: null, error: 'Unreachable.', usage: null });
    expect(assembler.state()).toMatchObject({ notice: null, ended: expect.objectContaining({ status: 'failed' }) });
  });
});
