import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's layers are enforced by lint (eslint.config.js): shell → features → session →
 * data, and the client view apart. Each case plants one import in a file of the given folder
 * and expects ESLint to refuse it, with the allowed counterpart as a control.
 */
const eslint = new ESLint();

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const feature = 'src-renderer/features/library/Planted.tsx';

describe('the renderer’s import boundaries', () => {
  it.each([
    ['Dexie', feature, 'dexie'],
    ['Dexie’s React hooks', feature, 'dexie-react-hooks'],
    ['the vault formats', feature, '../../../src-shared/vault/key-slots'],
    ['crypto', feature, '../../../src-shared/crypto/sodium'],
    ['the IPC client', feature, '../../data/ipc-client'],
    ['the store itself', feature, '../../data/vault-database'],
    ['the key derivation worker', feature, '../../data/kdf/kdf-client'],
    ['another feature’s internals', feature, '../clients/ClientPage'],
    ['the shell', feature, '../../shell/AppFrame'],
    [
      'a feature, from shared UI',
      'src-renderer/components/Planted.tsx',
      '../features/clients/ClientPage',
    ],
    [
      'a feature, from the session layer',
      'src-renderer/session/Planted.ts',
      '../features/library/useLibrary',
    ],
    [
      'the store, from the session layer',
      'src-renderer/session/Planted.ts',
      '../data/vault-database',
    ],
    [
      'a screen, from the data layer',
      'src-renderer/data/Planted.ts',
      '../features/clients/ClientPage',
    ],
    [
      'the session, from the data layer',
      'src-renderer/data/Planted.ts',
      '../session/VaultSessionProvider',
    ],
    [
      'the data layer, from the client view',
      'src-renderer/client-view/Planted.tsx',
      '../data/vault-session',
    ],
    [
      'the data layer, from a printed document',
      'src-renderer/documents/Planted.tsx',
      '../data/vault-session',
    ],
    [
      'a screen, from a printed document',
      'src-renderer/documents/Planted.tsx',
      '../features/clients/ClientPage',
    ],
    [
      'main-process code, from anywhere in the renderer',
      'src-renderer/data/Planted.ts',
      '../../src-main/services/handlers',
    ],
  ])('refuses %s', async (_what, filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).not.toEqual([]);
  });

  it.each([
    ['its own files', feature, './TemplateList'],
    ['the session layer', feature, '../../session/VaultSessionProvider'],
    ['shared UI', feature, '../../components/UserText'],
    ['a use case', feature, '../../data/vault-backup'],
    ['the domain', feature, '../../../src-shared/domain/template'],
    ['the store, from the data layer', 'src-renderer/data/Planted.ts', './vault-database'],
    [
      'the domain, from a printed document',
      'src-renderer/documents/Planted.tsx',
      '../../src-shared/domain/handout',
    ],
  ])('allows a feature or layer to import %s', async (_what, filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).toEqual([]);
  });
});
