// ESLint 9 flat config for the whole workspace. Each Nx project's `lint`
// target runs `eslint <project root>` with this file.
import nxPlugin from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Server and persistence libraries stay out of the shared libraries and the engine, and so does the UI.
const SHARED_LIB_BANNED_IMPORTS = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'react*', '@mui/*'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/coverage/**', '.data/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nxPlugin },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Boundaries between projects, by the tags in each project.json.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:engine'] },
            {
              // The builtin story engine implements domain's TextProvider port; the illustrator draws the builtin pictures.
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: SHARED_LIB_BANNED_IMPORTS,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: SHARED_LIB_BANNED_IMPORTS,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: SHARED_LIB_BANNED_IMPORTS,
            },
            // The model code stays on the server: the browser never downloads the engine.
            { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:api', 'type:engine'] },
          ],
        },
      ],
    },
  },
  {
    // Nest injects by the emitted constructor metadata: with these options the
    // type-import rule leaves decorated files alone instead of breaking DI.
    files: ['apps/api/**/*.ts'],
    languageOptions: {
      globals: globals.node,
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
  {
    // Configuration is parsed once, by the env schema; everything else receives it.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/core/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the typed config from apps/api/src/core/config, never process.env.',
        },
      ],
    },
  },
  {
    // Core is the infrastructure features stand on: it declares what it needs (a port) and a module provides it.
    files: ['apps/api/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'Core never imports a feature module: declare the need in core and let the module provide it.' }] },
      ],
    },
  },
  {
    // Tests read JSON bodies loosely (`response.body.code`); the code under test stays typed.
    files: ['apps/api/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['libs/**/*.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    // The dev scripts: plain Node ESM.
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: globals.node, sourceType: 'module' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  prettier,
);
