export default {
  displayName: 'web-e2e',
  preset: '../../../jest.preset.js',
  // Node's, plus a report of what a failed test's pages showed (support/environment.ts).
  testEnvironment: '<rootDir>/support/environment.ts',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60_000,
};
