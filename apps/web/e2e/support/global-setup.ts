import { startStack } from './stack';

export default async function globalSetup(): Promise<void> {
  globalThis.storyosE2eStack = await startStack();
}
