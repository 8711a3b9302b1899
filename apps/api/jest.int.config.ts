export default {
  displayName: 'api-int',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A safety net against hangs, not a speed check: starting an API and a worker takes long on a loaded machine.
  testTimeout: 90_000,
};
