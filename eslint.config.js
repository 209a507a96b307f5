import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Who may import whom (STYLE.md habit 1): each process names its own code. */
const restrict = (patterns) => ['error', { patterns }];

/** Every renderer file: sandboxed, and talking to main only through window.bridgework. */
const sandboxedRenderer = [
  { group: ['electron', 'node:*'], message: 'The renderer is sandboxed: no Electron or Node.' },
  {
    group: ['**/src-main/**'],
    message: 'The renderer talks to main only through window.bridgework.',
  },
];

/** The data layer's own insides: the store, the sealing, the key derivation and the IPC client. */
const dataInternals = [
  '**/data/vault-database',
  '**/data/encrypted-table',
  '**/data/store-registry',
  '**/data/entities',
  '**/data/kdf/**',
  '**/data/ipc-client',
];

/** What features (and shared UI) never touch: they use repositories and use cases only. */
const featureBoundaries = [
  {
    group: ['dexie', 'dexie-react-hooks'],
    message: 'Features read through session/useVaultQuery and the repositories, never Dexie.',
  },
  {
    group: ['**/src-shared/vault/**', '**/src-shared/crypto/**'],
    message: 'Features never handle keys or vault formats: the data layer’s use cases do.',
  },
  {
    group: dataInternals,
    message:
      'Features use repositories and use cases (data/*-repository, vault-backup, vault-key-changes, exports, …), not the store, the key derivation or the IPC client.',
  },
];

/** What sits below the features imports none of them. */
const belowFeatures = [
  { group: ['**/features/**', '**/shell/**'], message: 'Only the shell imports features.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'node:*', 'react', 'react-dom', 'dexie', '@mantine/*'],
          message: 'src-shared is pure: no Electron, Node, DOM or UI.',
        },
        {
          group: ['**/src-main/**', '**/src-renderer/**'],
          message: 'src-shared imports nothing from the processes.',
        },
      ]),
    },
  },
  {
    files: ['src-main/services/**/*.ts', 'src-main/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron'],
          message: 'services are plain Node so tests and the harness can run them.',
        },
        { group: ['**/src-renderer/**'], message: 'main never imports renderer code.' },
      ]),
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/services/**', 'src-main/commands/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/src-renderer/**'], message: 'main never imports renderer code.' },
      ]),
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useVaultQuery (session/) takes a deps list like useMemo; check it the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useVaultQuery$' }],
      'no-restricted-imports': restrict(sandboxedRenderer),
    },
  },
  // The renderer's layers: shell → features → session → data (see docs/architecture.md).
  {
    files: ['src-renderer/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        {
          group: ['**/features/**', '**/session/**', '**/shell/**', '**/components/**', 'react'],
          message: 'The data layer is the bottom of the renderer: it imports no screens or hooks.',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        ...belowFeatures,
        {
          group: ['dexie', ...dataInternals],
          message: 'The session layer uses repositories and use cases, not the store itself.',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/formatting/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        ...belowFeatures,
        { group: ['**/session/**', 'dexie', 'dexie-*'], message: 'Formatting is plain words.' },
      ]),
    },
  },
  {
    files: ['src-renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        ...featureBoundaries,
        {
          group: ['**/shell/**'],
          message: 'Features don’t reach up into the shell.',
        },
        {
          regex: '^\\.\\./(?!\\.\\.)',
          message:
            'A feature doesn’t import another feature’s internals: shared UI goes in components/, shared hooks in session/.',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        ...featureBoundaries,
        ...belowFeatures,
      ]),
    },
  },
  {
    // Printed documents are drawn from their models alone (src-shared/domain/handout.ts): no
    // data layer, session or screens, so nothing but what a model holds can reach the paper.
    files: ['src-renderer/documents/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        ...sandboxedRenderer,
        ...featureBoundaries,
        ...belowFeatures,
        {
          group: ['**/data/**', '**/session/**', '**/components/**', 'dexie', 'dexie-*'],
          message:
            'Documents are drawn from their models alone: no data layer, session or shared UI.',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/shell/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([...sandboxedRenderer, ...featureBoundaries]),
    },
  },
  {
    // The client view is shared with a client: it holds no key and shows only what main relays.
    files: ['src-renderer/client-view/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'node:*'],
          message: 'The renderer is sandboxed: no Electron or Node.',
        },
        {
          group: ['**/src-main/**'],
          message: 'The renderer talks to main only through window.bridgework.',
        },
        // Allow-lists, so code added to the renderer later cannot creep in: from the rest of the
        // renderer only the theme, the window lockdown and the themed render; from src-shared anything but the
        // vault and crypto.
        {
          group: ['../*', '!../theme', '!../lockdown', '!../render-in-theme', '!../..'],
          message:
            'The client view holds no key and opens no database: from the renderer it may import only the theme, the lockdown and the themed render (no data layer, features, session or the therapist’s IPC client).',
        },
        {
          group: [
            '../../*',
            '!../../src-shared',
            '../../src-shared/vault',
            '../../src-shared/crypto',
          ],
          message: 'The client view holds no key: no vault or crypto code.',
        },
        {
          // The same, for files in subfolders of client-view/, whose relative paths are longer.
          group: [
            '**/data/**',
            '**/features/**',
            '**/main-process',
            '**/src-shared/vault/**',
            '**/src-shared/crypto/**',
            'dexie',
            'dexie-*',
            'libsodium-*',
          ],
          message: 'The client view holds no key: no data layer, features, vault or crypto code.',
        },
      ]),
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  prettier,
);
