import { parseCheckpoint } from './checkpoint';
import { Llama2Model } from './llama2-model';
import { Sampler } from './sampler';
import { BOS, EOS, Tokenizer } from './tokenizer';
import { readModelFile } from '../model-files.spec-helper';


const checkpointBytes = readModelFile('stories260K.bin');
const tokenizerBytes = readModelFile('tok512.bin');
const model = new Llama2Model(checkpointBytes, tokenizerBytes);

function run(promptTokens: number[], maxTokens: number, temperature: number, seed: number): string {
  let text = '';
  for (const piece of model.generate(promptTokens, maxTokens, new Sampler(model.tokenizer.vocabSize, { temperature, topP: 0.9, seed }))) text += piece;
  return text;
}

describe('llama2.c checkpoint', () => {
  it('reads the header and shares the classifier with the embedding', () => {
    const { config, weights } = parseCheckpoint(checkpointBytes);
    expect(config).toEqual({ dim: 64, hiddenDim: 172, nLayers: 5, nHeads: 8, nKvHeads: 4, vocabSize: 512, seqLen: 512, sharedClassifier: true });
    expect(weights.wk.length).toBe(5 * 32 * 64);
    expect(weights.wcls).toBe(weights.tokenEmbedding);
  });

  it('refuses bytes that are not a checkpoint', () => {
    expect(() => parseCheckpoint(new Uint8Array(10))).toThrow(/not a llama2.c checkpoint/i);
    expect(() => parseCheckpoint(checkpointBytes.subarray(0, 5000))).toThrow(/truncated/);
  });

  it('works from a buffer that does not start on a 4-byte boundary', () => {
    const shifted = new Uint8Array(checkpointBytes.length + 1);
    shifted.set(checkpointBytes, 1);
    expect(parseCheckpoint(shifted.subarray(1)).weights.rmsFinal[0]).toBe(parseCheckpoint(checkpointBytes).weights.rmsFinal[0]);
  });
});

describe('tokenizer', () => {
  const tokenizer = new Tokenizer(tokenizerBytes, 512);

  it('round-trips text, including characters only byte tokens can spell', () => {
    for (const text of ['Once upon a time, there was a little girl named Lily.', 'Mara climbed the Old Lighthouse — café «ok» 🐙!', 'Line one.\nLine two.']) {
      const tokens = tokenizer.encode(text, { bos: true });
      expect(tokens[0]).toBe(BOS);
      expect(tokenizer.decode(tokens)).toBe(text);
    }
  });

  it('merges common words into single tokens and adds EOS on request', () => {
    const tokens = tokenizer.encode('Once upon a time', { bos: true, eos: true });
    expect(tokens.length).toBeLessThan(10);
    expect(tokens[tokens.length - 1]).toBe(EOS);
  });

  it('does not turn literal "<s>" or "<0x41>" text into special tokens', () => {
    expect(tokenizer.encode('<s><0x41>')).not.toContain(BOS);
    expect(tokenizer.decode(tokenizer.encode('<s><0x41>', { bos: true }))).toBe('<s><0x41>');
  });
});

describe('TinyStories 260K forward pass', () => {
  it('decodes greedily from BOS into the known story', () => {
    expect(run([BOS], 40, 0, 0)).toMatch(/^Once upon a time, there was a little girl named Lily\. She loved to play outside in the park\./);
  });

  it('gives the same text for the same seed and a different text for another seed', () => {
    const a = run([BOS], 60, 0.9, 42);
    expect(run([BOS], 60, 0.9, 42)).toBe(a);
    expect(run([BOS], 60, 0.9, 43)).not.toBe(a);
  });

  it('continues a prompt', () => {
    const prompt = model.encodePrompt('Tom had a red ball. He threw the ball to');
    const continuation = run(prompt, 30, 0, 0);
    expect(continuation.length).toBeGreaterThan(10);
    expect(continuation).toMatch(/^ [a-z]/); // mid-sentence: the next word, after a space
    expect(model.tokenizer.decode([...prompt])).toBe('Tom had a red ball. He threw the ball to');
  });

  it('stops at the token budget and reports the counts', () => {
    const generator = model.generate([BOS], 5, new Sampler(512, { temperature: 0, topP: 1, seed: 0 }));
    let count = 0;
    let step = generator.next();
    while (!step.done) {
      count++;
      step = generator.next();
    }
    expect(count).toBe(5);
    expect(step.value).toEqual({ finishReason: 'length', promptTokens: 1, completionTokens: 5 });
  });
});
