import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GenerationRequest, StreamOutcome, TextProvider } from '@storyos/domain';

// The weights ship in the repository's models/ (or $LLM_MODEL_PATH). Missing weights fail, never skip.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const MODEL_DIR = process.env['LLM_MODEL_PATH'] ?? path.resolve(REPO_ROOT, 'models');

/** Reads one of the TinyStories model files for a test. */
export function readModelFile(name: 'stories260K.bin' | 'tok512.bin'): Buffer {
  const file = path.join(MODEL_DIR, name);
  if (!existsSync(file)) throw new Error(`Model file ${file} is missing: set LLM_MODEL_PATH or put stories260K.bin and tok512.bin in ${MODEL_DIR}`);
  return readFileSync(file);
}

/** The model's checkpoint and tokenizer, as the engine takes them. */
export const modelFiles = (): { checkpoint: Buffer; tokenizer: Buffer } => ({ checkpoint: readModelFile('stories260K.bin'), tokenizer: readModelFile('tok512.bin') });

/** Runs a provider stream to its end, keeping every delta and the outcome. */
export async function collectStream(
  provider: TextProvider,
  request: GenerationRequest,
  signal = new AbortController().signal,
): Promise<{ text: string; deltas: string[]; outcome: StreamOutcome }> {
  const deltas: string[] = [];
  const stream = provider.stream(request, signal);
  let step = await stream.next();
  while (!step.done) {
    deltas.push(step.value);
    step = await stream.next();
  }
  return { text: deltas.join(''), deltas, outcome: step.value };
}

/** Starts a provider stream, takes two deltas, aborts, and returns how the stream ends. */
export async function abortAfterTwoDeltas(provider: TextProvider, request: GenerationRequest): Promise<IteratorResult<string, StreamOutcome>> {
  const controller = new AbortController();
  const stream = provider.stream(request, controller.signal);
  await stream.next();
  await stream.next();
  controller.abort();
  return stream.next();
}
