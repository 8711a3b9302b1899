import { EstimatingTokenCounter } from '@storyos/domain';
import { tokenCounterFor } from './model-tokenizers';

describe('which tokenizer counts a model’s prompts', () => {
  it.each([
    ['gpt-4o-mini', 'o200k_base'],
    ['gpt-4.1', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'cl100k_base'],
    ['llama3.2:1b', 'cl100k_base'],
  ])('%s is counted with %s, exactly', (model, name) => {
    const counter = tokenCounterFor(model);
    expect(counter).toMatchObject({ name, exact: true });
    expect(counter.count('The wind rose over the bay.')).toBe(7);
  });

  it.each(['mistral-7b-instruct', 'qwen2.5:7b', 'phi3', 'fake-model'])('%s is estimated, with a counter of its own', (model) => {
    const counter = tokenCounterFor(model);
    expect(counter).toBeInstanceOf(EstimatingTokenCounter);
    expect(tokenCounterFor(model)).not.toBe(counter);
  });
});
