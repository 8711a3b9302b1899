// Shared jest settings: SWC transpiles TypeScript (with decorator metadata for
// Nest), and workspace libraries resolve to their sources, so no build is needed.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // @noble/hashes ships ES modules only: SWC turns them into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!@noble/hashes/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@storyos/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@storyos/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@storyos/story-engine$': path.join(__dirname, 'libs/story-engine/src/index.ts'),
    '^@storyos/illustrator$': path.join(__dirname, 'libs/illustrator/src/index.ts'),
  },
};
