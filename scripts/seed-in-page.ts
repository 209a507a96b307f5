// In-page part of `npm run seed` (seed-vault.ts): bundled by esbuild and run in a page of the
// preview's origin, so the records land in that browser profile's IndexedDB for the vault. It
// opens the vault with its passphrase and writes the large practice with the app's seed module,
// which goes through the app's own data layer; and it counts what a vault holds.
import type { BuiltinTemplate } from '../src-shared/domain/template';
import { largePracticePlan } from '../src-renderer/data/seed/large-practice-plan';
import { seedLargePractice } from '../src-renderer/data/seed/large-practice';
import { openWithPassphrase } from '../src-renderer/data/seed/open-with-passphrase';
import { closeVaultSession, internalsOf } from '../src-renderer/data/vault-session';

/** A vault to open: its header (base64, from main) and its passphrase. */
export type VaultToOpen = { headerBase64: string; passphrase: string };

/** What a vault holds, counted from its stored records. */
export type StoredCounts = {
  clients: number;
  goals: number;
  sessions: number;
  assignments: number;
  practiceLogs: number;
  reviews: number;
  /** The practice's own templates (the 44 built-in ones come with the app). */
  customTemplates: number;
  /** Entries of the vault log: handouts, trackers and summaries taken away. */
  vaultLog: number;
  /** Clients whose record didn't open: none, in a vault seeded as the app does it. */
  damagedClients: number;
};

/** Writes the large practice from `seed` into the vault; progress goes to the console as `[seed] …`. */
export async function seedLarge(
  vault: VaultToOpen & { seed: number; templates: BuiltinTemplate[] },
): Promise<void> {
  const started = performance.now();
  const { session } = await openWithPassphrase(vault.headerBase64, vault.passphrase);
  try {
    await seedLargePractice(session, {
      plan: { ...largePracticePlan, seed: vault.seed },
      builtins: vault.templates,
      onProgress: ({ step, clientsDone, clients }) => {
        if (step === 'clients' && clientsDone % 30 !== 0 && clientsDone !== clients) return;
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        console.log(`[seed] ${step}: ${clientsDone} of ${clients} clients written (${seconds} s)`);
      },
    });
  } finally {
    closeVaultSession(session);
  }
}

/** Opens the vault with its passphrase and counts its records, opening every client's. */
export async function countRecords(vault: VaultToOpen): Promise<StoredCounts> {
  const { session } = await openWithPassphrase(vault.headerBase64, vault.passphrase);
  try {
    const { db } = internalsOf(session);
    const stored = (table: Parameters<typeof db.sealed>[0]) => db.sealed(table).count();
    const clients = await session.clients.all();
    return {
      clients: clients.records.length,
      goals: await stored('goals'),
      sessions: await stored('sessions'),
      assignments: await stored('assignments'),
      practiceLogs: await stored('practiceLogs'),
      reviews: await stored('reviews'),
      customTemplates: await stored('templates'),
      vaultLog: await stored('log'),
      damagedClients: clients.damagedIds.length,
    };
  } finally {
    closeVaultSession(session);
  }
}
