import { describe, expect, it } from 'vitest';
import { largePracticePlan } from '../../src-renderer/data/seed/large-practice-plan';
import { startPreviewServer } from '../../scripts/preview-app';
import {
  DEFAULT_LARGE_VAULT_NAME,
  parseSeedOptions,
  SeedUsageError,
} from '../../scripts/seed-options';
import { makeTempDir, removeDir } from '../harness/browser-app';

/** The message `npm run seed` stops with for these arguments. */
function refusal(args: string[]): string {
  try {
    parseSeedOptions(args);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedUsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('npm run seed’s options', () => {
  it('makes the large vault from the fixed seed, in a new folder, with a new passphrase, unless told otherwise', () => {
    expect(parseSeedOptions(['--size', 'large'])).toEqual({
      size: 'large',
      dataDir: null,
      seed: largePracticePlan.seed,
      name: DEFAULT_LARGE_VAULT_NAME,
      passphrase: null,
    });
    expect(
      parseSeedOptions([
        '--size=large',
        '--data',
        'vaults/big',
        '--seed',
        '7',
        '--name',
        ' Reading group ',
        '--passphrase',
        'copper heron quill 42 thistle',
      ]),
    ).toEqual({
      size: 'large',
      dataDir: 'vaults/big',
      seed: 7,
      name: 'Reading group',
      passphrase: 'copper heron quill 42 thistle',
    });
  });

  it('makes the demo vault as the app does, so it takes no seed, name or passphrase', () => {
    expect(parseSeedOptions(['--size', 'demo', '--data', '/tmp/demo'])).toEqual({
      size: 'demo',
      dataDir: '/tmp/demo',
    });
    for (const option of ['--seed=3', '--name=Mine', '--passphrase=long enough words here'])
      expect(refusal(['--size', 'demo', option])).toMatch(/is for --size large/);
  });

  it('says what to change when the command line is wrong', () => {
    expect(refusal([])).toBe('Please say which vault to make: --size large or --size demo.');
    expect(refusal(['--size', 'huge'])).toBe('--size is large or demo, not “huge”.');
    expect(refusal(['--size', 'large', '--seed', 'abc'])).toMatch(/^--seed takes a whole number/);
    expect(refusal(['--size', 'large', '--seed', '1.5'])).toMatch(/^--seed takes a whole number/);
    expect(refusal(['--size', 'large', '--seed', '4294967296'])).toMatch(/0 to 4294967295/);
    expect(parseSeedOptions(['--size', 'large', '--seed', '4294967295'])).toMatchObject({
      seed: 4_294_967_295,
    });
    expect(refusal(['--size', 'large', '--name', '  '])).toBe('--name needs a name for the vault.');
    expect(refusal(['--size', 'large', '--data='])).toMatch(/^--data needs a folder/);
    expect(refusal(['--size', 'large', '--colour', 'blue'])).toMatch(/--colour/);
    expect(refusal(['--size', 'large', 'extra'])).toMatch(/extra/);
  });
});

describe('the preview’s server for a data folder', () => {
  it('comes back on the same port, where the folder’s records are, and says so when that port is taken', async () => {
    const profileDir = await makeTempDir('preview-port');
    try {
      const first = await startPreviewServer(profileDir);
      const taken = await startPreviewServer(profileDir).catch((error: Error) => error.message);
      expect(taken).toMatch(/is in use\. Is a preview of this folder already open\?/);
      await first.close();
      const again = await startPreviewServer(profileDir);
      expect(again.origin).toBe(first.origin);
      await again.close();

      const otherProfile = await makeTempDir('preview-port-other');
      const other = await startPreviewServer(otherProfile);
      expect(other.origin).not.toBe(first.origin);
      await other.close();
      await removeDir(otherProfile);
    } finally {
      await removeDir(profileDir);
    }
  });
});
