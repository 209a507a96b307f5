// The options of `npm run seed`, read from its command line with a sentence for each mistake.
import { parseArgs } from 'node:util';
import { largePracticePlan } from '../src-renderer/data/seed/large-practice-plan';

export const SEED_USAGE = [
  'Usage: npm run seed -- --size large|demo [--data DIR] [--seed N] [--name NAME] [--passphrase TEXT]',
  '  --size large   300 clients two years in (--seed, --name and --passphrase apply to it)',
  '  --size demo    the demo vault of five made-up clients, as "Try a demo vault" makes it',
  '  --data DIR     an empty or new folder for the vault (default: a new folder, printed)',
].join('\n');

/** The large vault's name unless --name says otherwise. */
export const DEFAULT_LARGE_VAULT_NAME = 'Large practice (made-up clients)';

/** What to seed, and where. `dataDir` null: a new folder of the command's choosing. */
export type SeedOptions =
  | {
      size: 'large';
      dataDir: string | null;
      /** The content's seed: the same seed writes the same practice (on the same day). */
      seed: number;
      name: string;
      /** Null: a new random passphrase, printed. */
      passphrase: string | null;
    }
  | { size: 'demo'; dataDir: string | null };

/** A command line `npm run seed` can't act on; the message says what to change. */
export class SeedUsageError extends Error {}

/** The largest seed: seeds are 32-bit, so a larger one would repeat a smaller one's practice. */
const MAX_SEED = 2 ** 32 - 1;

function seedOf(text: string | undefined): number {
  if (text === undefined) return largePracticePlan.seed;
  const seed = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seed <= MAX_SEED))
    throw new SeedUsageError(`--seed takes a whole number from 0 to ${MAX_SEED}, not “${text}”.`);
  return seed;
}

/** Reads `npm run seed`'s arguments (those after `--`). */
export function parseSeedOptions(args: string[]): SeedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        size: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        name: { type: 'string' },
        passphrase: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new SeedUsageError((error as Error).message, { cause: error });
  }
  const dataDir = values.data ?? null;
  if (dataDir !== null && dataDir.trim() === '')
    throw new SeedUsageError('--data needs a folder, e.g. --data ./seeded-vault.');
  if (values.size === 'demo') {
    const notForDemo = (['seed', 'name', 'passphrase'] as const).filter(
      (option) => values[option] !== undefined,
    );
    if (notForDemo.length > 0)
      throw new SeedUsageError(
        `--${notForDemo[0]} is for --size large. The demo vault is always the same five ` +
          'made-up clients, with the demo’s own name and a new random passphrase, as the app makes it.',
      );
    return { size: 'demo', dataDir };
  }
  if (values.size === 'large') {
    const name = (values.name ?? DEFAULT_LARGE_VAULT_NAME).trim();
    if (!name) throw new SeedUsageError('--name needs a name for the vault.');
    return {
      size: 'large',
      dataDir,
      seed: seedOf(values.seed),
      name,
      passphrase: values.passphrase ?? null,
    };
  }
  throw new SeedUsageError(
    values.size === undefined
      ? 'Please say which vault to make: --size large or --size demo.'
      : `--size is large or demo, not “${values.size}”.`,
  );
}
