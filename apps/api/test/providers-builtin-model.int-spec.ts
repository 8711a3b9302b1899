import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultModelLocations, loadBuiltinModel } from '../src/modules/generation/providers/builtin/builtin-model-loader';

// The TinyStories weights ship in the repository's models/ folder.
const REPO_MODELS = resolve(__dirname, '../../../models');
const CHECKPOINT = join(REPO_MODELS, 'stories260K.bin');

describe('Builtin model loader', () => {
  let emptyDir: string;

  beforeAll(() => {
    emptyDir = mkdtempSync(join(tmpdir(), 'storyos-no-model-'));
  });
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it('reads the checkpoint and tokenizer from a configured directory', () => {
    const model = loadBuiltinModel({ modelPath: REPO_MODELS });

    expect(model?.source).toBe(CHECKPOINT);
    expect(Buffer.from(model?.checkpoint ?? []).equals(readFileSync(CHECKPOINT))).toBe(true);
    expect(Buffer.from(model?.tokenizer ?? []).equals(readFileSync(join(REPO_MODELS, 'tok512.bin')))).toBe(true);
  });

  it('reads a configured checkpoint file with the tokenizer beside it', () => {
    const model = loadBuiltinModel({ modelPath: CHECKPOINT });

    expect(model?.source).toBe(CHECKPOINT);
    expect(model?.tokenizer.length).toBeGreaterThan(0);
  });

  it('finds the weights in the repository\'s models folder when nothing is configured', () => {
    const model = loadBuiltinModel({});

    expect(model?.source).toBe(CHECKPOINT);
  });

  it('looks in the models folder of the repository root found from the working directory and from its own folder', () => {
    const repoRoot = resolve(__dirname, '../../..');

    expect(defaultModelLocations([process.cwd(), __dirname])).toEqual([join(repoRoot, 'models')]);
  });

  it('finds nothing in a configured directory without the weights, and does not look elsewhere', () => {
    expect(loadBuiltinModel({ modelPath: emptyDir })).toBeNull();
  });

  it('finds nothing when no repository root is above the search folders', () => {
    expect(loadBuiltinModel({}, [emptyDir])).toBeNull();
  });
});
