export * from './intent-router';
export * from './titles';
export * from './suggestion-rules';
export * from './chat-prompts';
export * from './chat-allowance';
export * from './tool-confirmations';
export * from './chat-tools';
