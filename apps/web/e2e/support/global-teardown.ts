import { stopStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.storyosE2eStack;
  if (!stack) return;
  globalThis.storyosE2eStack = undefined;
  await stopStack(stack.info, stack.children, stack.provider);
}
