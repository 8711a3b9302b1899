export * from './image-structure';
export * from './upload-screening';
export * from './safe-file-name';
export * from './storage-allowance';
export * from './speech-sentences';
export * from './voice-casting';
export * from './media-providers';
export * from './wav';
