export default {
  displayName: 'story-engine',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The forward-pass tests are CPU-bound; on a busy 2-core machine they need more than jest's 5 s default.
  testTimeout: 60_000,
};
